package dev.subnetsim.chainkey.bench;

import dev.subnetsim.chainkey.DomainSeparators;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.Pairing;
import supranational.blst.Scalar;

/**
 * The floors: raw jblst operations, no project code, measured in the same run as the protocol
 * benchmarks so ratios are taken under the same (shared, noisy) CPU load.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FloorBenchmark {

  private P1 g1;
  private P2 g2;
  private Scalar fullScalar;
  private BigInteger scalar63;
  private P1_Affine sigAffine;
  private P2_Affine negG2Affine;
  private P1_Affine hashAffine;
  private P2_Affine pkAffine;
  private byte[] message;

  @Setup
  public void setup() {
    byte[] s = new byte[32];
    new java.util.SplittableRandom(1).nextBytes(s);
    s[0] &= 0x3f;
    fullScalar = new Scalar().from_bendian(s);
    scalar63 = BigInteger.valueOf(0x5a5a5a5a5a5a5a5aL);
    g1 = P1.generator().mult(fullScalar);
    g2 = P2.generator().mult(fullScalar);
    message = "floor benchmark message".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    P1 h = new P1().hash_to(message, DomainSeparators.BLS_SIG_DST);
    hashAffine = h.to_affine();
    sigAffine = h.dup().mult(fullScalar).to_affine();
    pkAffine = P2.generator().mult(fullScalar).to_affine();
    negG2Affine = P2.generator().neg().to_affine();
  }

  @Benchmark
  public P1 g1Mul() {
    return g1.dup().mult(fullScalar);
  }

  @Benchmark
  public P2 g2Mul() {
    return g2.dup().mult(fullScalar);
  }

  @Benchmark
  public P1 g1Mul63Bit() {
    return g1.dup().mult(scalar63);
  }

  @Benchmark
  public P2 g2Mul63Bit() {
    return g2.dup().mult(scalar63);
  }

  @Benchmark
  public P1 g1Add() {
    return g1.dup().add(g1);
  }

  @Benchmark
  public P2 g2Add() {
    return g2.dup().add(g2);
  }

  @Benchmark
  public P1 g1Dbl() {
    return g1.dup().dbl();
  }

  @Benchmark
  public P2 g2Dbl() {
    return g2.dup().dbl();
  }

  @Benchmark
  public P1 hashToG1() {
    return new P1().hash_to(message, DomainSeparators.BLS_SIG_DST);
  }

  /** e(sig, -G2) * e(H(m), pk) == 1: two Miller loops and one final exponentiation. */
  @Benchmark
  public boolean pairingCheck() {
    Pairing ctx = new Pairing(true, DomainSeparators.BLS_SIG_DST);
    ctx.raw_aggregate(negG2Affine, sigAffine);
    ctx.raw_aggregate(pkAffine, hashAffine);
    ctx.commit();
    return ctx.finalverify();
  }
}
