package dev.subnetsim.chainkey.bench;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DealingValidator;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.DkgDealer;
import dev.subnetsim.chainkey.dkg.DkgReceiver;
import dev.subnetsim.chainkey.dkg.ReceiverKeyPair;
import dev.subnetsim.chainkey.dkg.Transcript;
import dev.subnetsim.chainkey.dkg.TranscriptBuilder;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
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
 * Resharing a high-threshold key from an old committee of n to a new committee of n (t = n-f on
 * both sides; t dealings are collected).
 *
 * <ul>
 *   <li>{@code createResharingDealing}: as a fresh dealing, t x g2Mul + (n+1) x g1Mul.
 *   <li>{@code verifyResharingDealing}: decode + public checks incl. "constant term = the
 *       dealer's old public key share" (old commitment evaluated at x = d+1: t-1 small G2
 *       multiplications, on a freshly decoded old commitment so nothing is cached).
 *   <li>{@code buildTranscript}: the commitments' Lagrange interpolation at 0, t x t g2Mul.
 *   <li>{@code receiverCombine}: a new node that saw no dealing before (catch-up) decrypts its
 *       share in each of the t dealings (t x g1Mul for the DH keys, t hashes to Fr), combines them
 *       with Lagrange weights and checks only the result against the transcript (1 g2Mul).
 *       Floor: t x g1Mul + g2Mul.
 *   <li>{@code decodeTranscript}: t dealings of t G2 points and one G1 point each, plus the
 *       combined coefficients: floor (t*t + t) x g2Decode + t x g1Decode.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DkgResharingBenchmark {

  @Param({"13", "34", "40"})
  public int n;

  private DkgConfig config;
  private byte[] oldCoefficientBytes;
  private List<G1Point> newKeys;
  private DkgDealer dealer;
  private Scalar oldShare;
  private byte[] dealingBytes;
  private List<Dealing> dealings;
  private byte[] transcriptBytes;
  private Transcript transcript;
  private ReceiverKeyPair receiverKeys;
  private SeededRandom rng;

  @Setup
  public void setup() {
    SeededRandom root = SeededRandom.fromSeed(100 + n);
    int t = Thresholds.high(n);
    ThresholdKeySet old = ThresholdBls.generateKeys(n, t, root.fork("old"));
    oldCoefficientBytes = old.publicCoefficients().toBytes();
    List<ReceiverKeyPair> keys = new ArrayList<>();
    newKeys = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      keys.add(ReceiverKeyPair.random(root.fork("enc-" + j)));
      newKeys.add(keys.get(j).publicKey());
    }
    config = DkgConfig.resharing("bench-reshare".getBytes(StandardCharsets.UTF_8), old.publicCoefficients(), n, newKeys, t);
    dealings = new ArrayList<>();
    for (int d = 0; d < t; d++) {
      dealings.add(new DkgDealer(config, d).createResharingDealing(old.secretKeyShare(d), root.fork("d" + d)));
    }
    dealer = new DkgDealer(config, n - 1);
    oldShare = old.secretKeyShare(n - 1);
    dealingBytes = dealer.createResharingDealing(oldShare, root.fork("last")).toBytes();
    transcript = TranscriptBuilder.build(config, dealings, List.of());
    transcriptBytes = transcript.toBytes();
    receiverKeys = keys.get(n - 1);
    rng = root.fork("bench");
  }

  @Benchmark
  public Dealing createResharingDealing() {
    return dealer.createResharingDealing(oldShare, rng);
  }

  @Benchmark
  public Dealing verifyResharingDealing() {
    DkgConfig fresh = DkgConfig.resharing(
        config.dkgId(), dev.subnetsim.chainkey.threshold.PublicCoefficients.fromBytes(oldCoefficientBytes), n,
        newKeys, config.threshold());
    Dealing d = Dealing.fromBytes(dealingBytes);
    DealingValidator.verify(fresh, d);
    return d;
  }

  @Benchmark
  public Transcript buildTranscript() {
    return TranscriptBuilder.build(config, dealings, List.of());
  }

  @Benchmark
  public Scalar receiverCombine() {
    return new DkgReceiver(config, n - 1, receiverKeys).computeKeyShare(transcript);
  }

  @Benchmark
  public Transcript decodeTranscript() {
    return Transcript.fromBytes(transcriptBytes);
  }
}
