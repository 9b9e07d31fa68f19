package dev.subnetsim.chainkey.bench;

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
import supranational.blst.Scalar;

/**
 * Floors for decoding dealings: raw jblst decompression plus subgroup check of one compressed G1
 * and one G2 point (no project code), the unavoidable cost of accepting points from the network.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DkgPointDecodingFloorBenchmark {

  private byte[] g1;
  private byte[] g2;

  @Setup
  public void setup() {
    byte[] s = new byte[32];
    new java.util.SplittableRandom(7).nextBytes(s);
    s[0] &= 0x3f;
    Scalar k = new Scalar().from_bendian(s);
    g1 = P1.generator().mult(k).compress();
    g2 = P2.generator().mult(k).compress();
  }

  @Benchmark
  public boolean g1Decode() {
    return new P1_Affine(g1).in_group();
  }

  @Benchmark
  public boolean g2Decode() {
    return new P2_Affine(g2).in_group();
  }
}
