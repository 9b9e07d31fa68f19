package dev.subnetsim.chainkey.bench;

import dev.subnetsim.chainkey.random.SeededRandom;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Ed25519 as the simulator's load client signs and every world verifies its load (one signature
 * and one verification per load message): the JDK's provider against Bouncy Castle's RFC 8032
 * code, which makes the same (deterministic) signatures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Ed25519Benchmark {
  private KeyPair keys;
  private byte[] secretKey;
  private byte[] publicKey;
  private final byte[] message = new byte[64];
  private byte[] signature;

  @Setup
  public void setup() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
    g.initialize(255, SeededRandom.fromSeed(1).fork("load-client"));
    keys = g.generateKeyPair();
    secretKey = ((EdECPrivateKey) keys.getPrivate()).getBytes().orElseThrow();
    byte[] der = keys.getPublic().getEncoded();
    publicKey = Arrays.copyOfRange(der, der.length - 32, der.length);
    signature = jdkSign();
  }

  @Benchmark
  public byte[] jdkSign() throws GeneralSecurityException {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(keys.getPrivate());
    s.update(message);
    return s.sign();
  }

  @Benchmark
  public boolean jdkVerify() throws GeneralSecurityException {
    Signature s = Signature.getInstance("Ed25519");
    s.initVerify(keys.getPublic());
    s.update(message);
    return s.verify(signature);
  }

  @Benchmark
  public byte[] bouncyCastleSign() {
    byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(secretKey, 0, publicKey, 0, message, 0, message.length, sig, 0);
    return sig;
  }

  @Benchmark
  public boolean bouncyCastleVerify() {
    return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
  }
}
