package dev.subnetsim.chainkey.bench;

import dev.subnetsim.chainkey.random.SeededRandom;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floors of threshold ECDH: raw Bouncy Castle scalar multiplications on the three curves (no
 * project code), and a plain single-party ECDH as the everyday baseline (BC ECDHBasicAgreement;
 * RFC 7748 X25519Agreement for curve25519). Measured in the same run as {@link
 * EcdhThresholdBenchmark} so ratios are taken under the same load.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EcFloorBenchmark {

  /** BC names: secp256k1, secp256r1, curve25519 (Weierstrass model, the one the ec package uses). */
  @Param({"secp256k1", "secp256r1", "curve25519"})
  public String curve;

  private ECPoint g;
  private ECPoint p;
  private ECPoint q;
  private BigInteger k1;
  private BigInteger k2;
  private final FixedPointCombMultiplier comb = new FixedPointCombMultiplier();
  private ECDHBasicAgreement ecdh;
  private ECPublicKeyParameters peer;
  private X25519Agreement x25519;
  private X25519PublicKeyParameters x25519Peer;

  @Setup
  public void setup() {
    SeededRandom rng = SeededRandom.fromSeed(42);
    X9ECParameters params = CustomNamedCurves.getByName(curve);
    BigInteger n = params.getN();
    k1 = new BigInteger(n.bitLength() + 64, rng).mod(n);
    k2 = new BigInteger(n.bitLength() + 64, rng).mod(n);
    g = params.getG();
    p = g.multiply(k1).normalize();
    q = g.multiply(k2).normalize();
    comb.multiply(g, k1); // warm the precomputation table
    ECDomainParameters dom = new ECDomainParameters(params.getCurve(), g, n, params.getH());
    ecdh = new ECDHBasicAgreement();
    ecdh.init(new ECPrivateKeyParameters(k1, dom));
    peer = new ECPublicKeyParameters(q, dom);
    x25519 = new X25519Agreement();
    x25519.init(new X25519PrivateKeyParameters(rng));
    x25519Peer = new X25519PrivateKeyParameters(rng).generatePublicKey();
  }

  /** k*P, P variable (the per-node x_i*Q and every verification term). */
  @Benchmark
  public ECPoint variableBaseMul() {
    return p.multiply(k1).normalize();
  }

  /** k*G with the fixed-base comb. */
  @Benchmark
  public ECPoint fixedBaseMul() {
    return comb.multiply(g, k2).normalize();
  }

  /** a*P + b*Q interleaved (one DLEQ verification equation). */
  @Benchmark
  public ECPoint twoTermMultiScalarMul() {
    return ECAlgorithms.sumOfTwoMultiplies(p, k1, q, k2).normalize();
  }

  /** Plain single-party ECDH: x-coordinate of d*Q (includes BC's public-key validation). */
  @Benchmark
  public BigInteger plainEcdh() {
    return ecdh.calculateAgreement(peer);
  }

  /** Plain RFC 7748 X25519 (Montgomery ladder), whatever the curve parameter. */
  @Benchmark
  public byte[] plainX25519() {
    byte[] out = new byte[32];
    x25519.calculateAgreement(x25519Peer, out, 0);
    return out;
  }
}
