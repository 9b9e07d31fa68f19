package dev.subnetsim.chainkey.bench;

import dev.subnetsim.chainkey.bls.BatchVerifier;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.HashToCurve;
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
 * Signature shares of a subnet of n nodes: signing one, verifying one (each also with the message
 * already hashed to G1), and verifying all n one by one versus in one randomized batch. Floors
 * (FloorBenchmark): sign = hashToG1 + g1Mul; verify = hashToG1 + pairingCheck; batch of n =
 * n (g1Mul63Bit + g2Mul63Bit) + hashToG1 + pairingCheck.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ThresholdShareBenchmark {

  @Param({"13", "34", "40"})
  public int n;

  private final ThresholdBls tbls = ThresholdBls.ic();
  private final byte[] message = "certify state at height 100".getBytes(StandardCharsets.UTF_8);
  private ThresholdKeySet keys;
  private List<G2Point> publicKeyShares;
  private List<G1Point> shares;
  private List<BatchVerifier.Item> items;
  private List<BatchVerifier.Item> itemsWithOneBad;
  private SeededRandom batchRandomness;
  private G1Point messageHash;

  @Setup
  public void setup() {
    SeededRandom rng = SeededRandom.fromSeed(n);
    keys = ThresholdBls.generateKeys(n, Thresholds.high(n), rng);
    publicKeyShares = keys.publicCoefficients().publicKeyShares(n);
    shares = new ArrayList<>();
    items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      G1Point s = tbls.signShare(keys.secretKeyShare(i), message);
      shares.add(s);
      items.add(new BatchVerifier.Item(publicKeyShares.get(i), message, s));
    }
    itemsWithOneBad = new ArrayList<>(items);
    BatchVerifier.Item victim = items.get(n / 2);
    itemsWithOneBad.set(n / 2, new BatchVerifier.Item(victim.publicKey(), message,
        victim.signature().add(G1Point.generator())));
    batchRandomness = rng.fork("batch");
    messageHash = HashToCurve.hashToG1(message, tbls.dst());
  }

  @Benchmark
  public G1Point signShare() {
    return tbls.signShare(keys.secretKeyShare(0), message);
  }

  /** A share on a message already hashed (consensus remembers H(m) for all its replicas). */
  @Benchmark
  public G1Point signShareHashed() {
    return tbls.signShareHashed(keys.secretKeyShare(0), messageHash);
  }

  @Benchmark
  public boolean verifyShare() {
    return tbls.verifyShare(publicKeyShares.get(0), message, shares.get(0));
  }

  @Benchmark
  public boolean verifyShareHashed() {
    return BatchVerifier.verifyHashed(publicKeyShares.get(0), messageHash, shares.get(0));
  }

  @Benchmark
  public boolean verifyAllSharesOneByOne() {
    boolean ok = true;
    for (int i = 0; i < n; i++) {
      ok &= tbls.verifyShare(publicKeyShares.get(i), message, shares.get(i));
    }
    return ok;
  }

  @Benchmark
  public boolean verifyAllSharesBatched() {
    return BatchVerifier.allValid(items, tbls.dst(), batchRandomness);
  }

  /** One Byzantine share among n: the failed batch, then bisection down to its index. */
  @Benchmark
  public List<Integer> findOneBadShareBatched() {
    return BatchVerifier.invalidIndices(itemsWithOneBad, tbls.dst(), batchRandomness);
  }
}
