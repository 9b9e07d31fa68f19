package dev.subnetsim.chainkey.bench;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.CombinedSignature;
import dev.subnetsim.chainkey.threshold.Lagrange;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.chainkey.threshold.Thresholds;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Combination of threshold signature shares for n = 13, 34, 40 with threshold n-f ("high",
 * certification) or f+1 ("low", random beacon). Floor of {@code combine}: t x g1Mul. Floor of
 * {@code combineVerified} (all n shares verified, then t combined): the batch floor of
 * ThresholdShareBenchmark plus t x g1Mul.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ThresholdCombineBenchmark {

  @Param({"13", "34", "40"})
  public int n;

  @Param({"high", "low"})
  public String threshold;

  private final ThresholdBls tbls = ThresholdBls.ic();
  private final byte[] message = "random beacon at height 100".getBytes(StandardCharsets.UTF_8);
  private int t;
  private ThresholdKeySet keys;
  private Map<Integer, G1Point> allShares;
  private Map<Integer, G1Point> thresholdShares;
  private List<Integer> thresholdIndices;
  private SeededRandom batchRandomness;

  @Setup
  public void setup() {
    t = threshold.equals("high") ? Thresholds.high(n) : Thresholds.low(n);
    SeededRandom rng = SeededRandom.fromSeed(1000L * n + t);
    keys = ThresholdBls.generateKeys(n, t, rng);
    allShares = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      allShares.put(i, tbls.signShare(keys.secretKeyShare(i), message));
    }
    // The shares of the last t nodes, so the coefficients are not the trivial ones of 1..t.
    thresholdIndices = IntStream.range(n - t, n).boxed().toList();
    thresholdShares = new TreeMap<>();
    thresholdIndices.forEach(i -> thresholdShares.put(i, allShares.get(i)));
    keys.publicCoefficients().publicKeyShares(n); // warm the public key share cache
    batchRandomness = rng.fork("batch");
  }

  @Benchmark
  public G1Point combine() {
    return tbls.combine(t, thresholdShares);
  }

  @Benchmark
  public CombinedSignature combineVerified() {
    return tbls.combineVerified(keys.publicCoefficients(), message, allShares, batchRandomness);
  }

  /** All n shares valid: combine the lowest t and verify the result (floor: t g1Mul + hashToG1 + pairingCheck). */
  @Benchmark
  public CombinedSignature combineOptimistically() {
    return tbls.combineOptimistically(keys.publicCoefficients(), message, allShares, batchRandomness);
  }

  @Benchmark
  public List<Scalar> lagrangeCoefficientsAtZero() {
    return Lagrange.coefficientsAtZero(thresholdIndices);
  }
}
