package dev.subnetsim.chainkey.bench;

import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcShamir;
import dev.subnetsim.chainkey.ecdh.CombinedDh;
import dev.subnetsim.chainkey.ecdh.DhShare;
import dev.subnetsim.chainkey.ecdh.EcdhGroup;
import dev.subnetsim.chainkey.ecdh.EncryptedCombinedDh;
import dev.subnetsim.chainkey.ecdh.EncryptedDhShare;
import dev.subnetsim.chainkey.ecdh.ThresholdEcdh;
import dev.subnetsim.chainkey.ecdh.TransportKeyPair;
import dev.subnetsim.chainkey.random.SeededRandom;
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
 * Threshold ECDH per node and per combiner, n = 13 and 34 (threshold f+1 = 5 and 12), key dealt by
 * the test dealer. Peer keys go through the wire API (bytes), so X25519 figures include the
 * peer u-coordinate's decoding and subgroup check. Compare with {@link EcFloorBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EcdhThresholdBenchmark {

  @Param({"P256", "SECP256K1", "X25519"})
  public EcdhGroup group;

  @Param({"13", "34"})
  public int n;

  private EcShamir.Dealt key;
  private byte[] peer;
  private TransportKeyPair transport;
  private SeededRandom rng;
  private DhShare oneShare;
  private EncryptedDhShare oneEncrypted;
  private List<DhShare> thresholdShares;
  private List<EncryptedDhShare> thresholdEncrypted;

  @Setup
  public void setup() {
    rng = SeededRandom.fromSeed(7);
    int f = (n - 1) / 3;
    key = EcShamir.deal(EcScalar.random(group.curve(), rng), f + 1, n, rng);
    peer = group.encodePublicKey(EcPoint.mulGenerator(EcScalar.randomNonZero(group.curve(), rng)));
    transport = TransportKeyPair.generate(group.curve(), rng);
    thresholdShares = new ArrayList<>();
    thresholdEncrypted = new ArrayList<>();
    for (int i = 0; i <= f; i++) {
      thresholdShares.add(ThresholdEcdh.createShare(key.publicKey(), key.shares().get(i), peer, rng));
      thresholdEncrypted.add(
          ThresholdEcdh.createEncryptedShare(key.publicKey(), key.shares().get(i), peer, transport.publicKey(), rng));
    }
    oneShare = thresholdShares.get(0);
    oneEncrypted = thresholdEncrypted.get(0);
  }

  /** One node: x_i*Q and its DLEQ proof. */
  @Benchmark
  public DhShare shareCreate() {
    return ThresholdEcdh.createShare(key.publicKey(), key.shares().get(0), peer, rng);
  }

  /** Anyone: one share's DLEQ proof. */
  @Benchmark
  public boolean shareVerify() {
    return ThresholdEcdh.verifyShare(key.publicKey(), peer, oneShare);
  }

  /** Combiner: verify f+1 shares and interpolate x*Q. */
  @Benchmark
  public byte[] combineThreshold() {
    CombinedDh c = ThresholdEcdh.combine(key.publicKey(), peer, thresholdShares);
    return ThresholdEcdh.sharedSecret(key.publicKey(), c);
  }

  /** One node, transport-encrypted mode: encrypted share and its proof. */
  @Benchmark
  public EncryptedDhShare encryptedShareCreate() {
    return ThresholdEcdh.createEncryptedShare(key.publicKey(), key.shares().get(0), peer, transport.publicKey(), rng);
  }

  @Benchmark
  public boolean encryptedShareVerify() {
    return ThresholdEcdh.verifyEncryptedShare(key.publicKey(), peer, transport.publicKey(), oneEncrypted);
  }

  /** Verify f+1 encrypted shares, combine under encryption, and the client's decryption. */
  @Benchmark
  public byte[] combineEncryptedThresholdAndDecrypt() {
    EncryptedCombinedDh c = ThresholdEcdh.combineEncrypted(key.publicKey(), peer, transport.publicKey(), thresholdEncrypted);
    return ThresholdEcdh.decryptSharedSecret(key.publicKey(), transport, c);
  }
}
