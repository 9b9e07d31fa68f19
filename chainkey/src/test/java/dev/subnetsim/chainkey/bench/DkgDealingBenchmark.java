package dev.subnetsim.chainkey.bench;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DealingValidator;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.DkgDealer;
import dev.subnetsim.chainkey.dkg.DkgReceiver;
import dev.subnetsim.chainkey.dkg.ReceiverKeyPair;
import dev.subnetsim.chainkey.dkg.ShareOpening;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.Thresholds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * DKG dealings for a high-threshold (n-f) key over n receivers, n = 13, 34, 40.
 *
 * <ul>
 *   <li>{@code createDealing}: floor t x g2Mul (commitment) + (n+1) x g1Mul (R and n DH keys).
 *   <li>{@code verifyDealing}: what every node does with a dealing's bytes: decode (subgroup
 *       checks of t G2 points and one G1 point) and the public checks. Floor: t x g2Decode +
 *       g1Decode (DkgPointDecodingFloorBenchmark). No NIZK to verify (see the dkg package docs).
 *   <li>{@code receiverOpen}: decode + public checks + the receiver's own-share check (1 g1Mul for
 *       the DH key, 1 g2Mul for share*G2, and the commitment evaluated at x = i+1: t-1 G2
 *       multiplications by a 6-bit scalar).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DkgDealingBenchmark {

  @Param({"13", "34", "40"})
  public int n;

  private DkgConfig config;
  private DkgDealer dealer;
  private DkgReceiver receiver;
  private byte[] dealingBytes;
  private SeededRandom rng;

  @Setup
  public void setup() {
    SeededRandom root = SeededRandom.fromSeed(n);
    List<ReceiverKeyPair> keys = new ArrayList<>();
    List<G1Point> pks = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      keys.add(ReceiverKeyPair.random(root.fork("enc-" + j)));
      pks.add(keys.get(j).publicKey());
    }
    config = DkgConfig.fresh("bench".getBytes(StandardCharsets.UTF_8), n, pks, Thresholds.high(n));
    dealer = new DkgDealer(config, 0);
    receiver = new DkgReceiver(config, n - 1, keys.get(n - 1));
    dealingBytes = dealer.createDealing(root.fork("dealing")).toBytes();
    rng = root.fork("bench");
  }

  @Benchmark
  public Dealing createDealing() {
    return dealer.createDealing(rng);
  }

  @Benchmark
  public Dealing verifyDealing() {
    Dealing d = Dealing.fromBytes(dealingBytes);
    DealingValidator.verify(config, d);
    return d;
  }

  @Benchmark
  public ShareOpening receiverOpen() {
    return receiver.open(Dealing.fromBytes(dealingBytes), rng);
  }
}
