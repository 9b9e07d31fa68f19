package dev.subnetsim.chainkey.bench;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.HashToCurve;
import dev.subnetsim.chainkey.bls12381.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The project's G1Point / G2Point wrappers on the BLS verification hot path: checked decoding
 * (subgroup check), addition, multiplication, hashing to the curve, a short multi-scalar
 * multiplication and hashCode of a fresh point. Compare with {@link DkgPointDecodingFloorBenchmark}
 * for the raw blst floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GroupPointBenchmark {

  private byte[] g1Bytes;
  private byte[] g2Bytes;
  private G1Point g1;
  private G2Point g2;
  private Scalar k;
  private final List<G1Point> g1Terms = new ArrayList<>();
  private final List<Scalar> scalars = new ArrayList<>();

  @Setup
  public void setup() {
    k = Scalar.fromLong(0x1234_5678_9abcL).mul(Scalar.fromLong(0x0fed_cba9_8765L));
    g1 = G1Point.generator().mul(k);
    g2 = G2Point.generator().mul(k);
    g1Bytes = g1.toBytes();
    g2Bytes = g2.toBytes();
    for (int i = 1; i <= 8; i++) {
      g1Terms.add(G1Point.generator().mulSmall(i + 100));
      scalars.add(k.add(Scalar.fromLong(i)));
    }
  }

  @Benchmark
  public G1Point g1FromBytes() {
    return G1Point.fromBytes(g1Bytes);
  }

  @Benchmark
  public G2Point g2FromBytes() {
    return G2Point.fromBytes(g2Bytes);
  }

  @Benchmark
  public G1Point g1Add() {
    return g1.add(G1Point.generator());
  }

  @Benchmark
  public G2Point g2Mul() {
    return g2.mul(k);
  }

  @Benchmark
  public G1Point g1HashToCurve() {
    return HashToCurve.hashToG1(g1Bytes, "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_");
  }

  @Benchmark
  public G1Point g1MultiScalarMul8() {
    return G1Point.multiScalarMul(g1Terms, scalars);
  }

  @Benchmark
  public int g1SumAndHashCode() {
    return G1Point.sum(g1Terms).hashCode();
  }
}
