package dev.subnetsim.replica.payload;

import dev.subnetsim.chainkey.ic.IcDomain;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.crypto.GenerationalCache;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The scenario's load generator as a client with its own Ed25519 key, made from the run's seed, so
 * the world that signs the load and the replicas that check it agree on the key without sharing
 * objects. Load is signed like a user's ingress (over a domain-separated encoding of every field but
 * the signature): a replica relaying or proposing load cannot forge it or its send time, which the
 * latency figures are computed from.
 *
 * <p>Signing and verifying use Bouncy Castle's RFC 8032 Ed25519, several times faster than the
 * JDK's provider, which made the key: Ed25519 signatures are deterministic, so the bytes are the
 * JDK's (LoadClientTest pins both against the JDK).
 */
public final class LoadClient {
  private static final String DOMAIN = "subnet-sim-load";

  /** The RFC 8032 private key (32-byte seed). */
  private final byte[] secretKey;
  private final Verifier verifier;

  private LoadClient(KeyPair keys) {
    this.secretKey = ((EdECPrivateKey) keys.getPrivate()).getBytes().orElseThrow();
    this.verifier = new Verifier(keys.getPublic());
  }

  /** The load client of the run with root seed {@code seed}. */
  public static LoadClient fromSeed(long seed) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      g.initialize(255, SeededRandom.fromSeed(seed).fork("load-client"));
      return new LoadClient(g.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is not available", e);
    }
  }

  /** {@code w} signed (Ed25519 is deterministic: the same message gets the same signature). */
  public PayloadItem.Workload sign(PayloadItem.Workload w) {
    byte[] message = IcDomain.prefixed(DOMAIN, w.signedBytes());
    byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(secretKey, 0, verifier.rawKey, 0, message, 0, message.length, signature, 0);
    return w.signedWith(signature);
  }

  /** What replicas hold: the public half. */
  public Verifier verifier() {
    return verifier;
  }

  /**
   * Checks load against the load client's public key. One verifier serves every replica of a world,
   * so it remembers its verdicts (bounded, two generations): each load message is verified once per
   * world instead of once per replica and per path (gossip, block). A verdict is a pure function of
   * the bytes, so what is remembered changes wall time only, never a result.
   */
  public static final class Verifier {
    /** Verdicts kept (two generations of half each). */
    private static final int CAPACITY = 1 << 15;

    private final PublicKey key;
    /** The RFC 8032 encoding: the last 32 bytes of the X.509 DER. */
    private final byte[] rawKey;
    private final GenerationalCache<Boolean> verdicts = new GenerationalCache<>(CAPACITY);

    private Verifier(PublicKey key) {
      this.key = key;
      byte[] der = key.getEncoded();
      this.rawKey = Arrays.copyOfRange(der, der.length - Ed25519.PUBLIC_KEY_SIZE, der.length);
    }

    /** A verifier for the X.509 DER Ed25519 public key {@code der}. */
    public static Verifier of(byte[] der) {
      try {
        return new Verifier(KeyFactory.getInstance("Ed25519")
            .generatePublic(new X509EncodedKeySpec(der)));
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("not an Ed25519 public key", e);
      }
    }

    public byte[] publicKeyDer() {
      return key.getEncoded();
    }

    /** True if {@code w} carries the load client's valid signature over its fields. */
    public boolean verifies(PayloadItem.Workload w) {
      if (w.signature().length != 64) {
        return false;
      }
      String id = java.util.HexFormat.of().formatHex(digest(w));
      Boolean known = verdicts.get(id);
      if (known != null) {
        return known;
      }
      boolean verdict = verify(w);
      verdicts.put(id, verdict);
      return verdict;
    }

    private static byte[] digest(PayloadItem.Workload w) {
      try {
        java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
        d.update(w.signedBytes());
        d.update(w.signature());
        return d.digest();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    private boolean verify(PayloadItem.Workload w) {
      try {
        byte[] message = IcDomain.prefixed(DOMAIN, w.signedBytes());
        return Ed25519.verify(w.signature(), 0, rawKey, 0, message, 0, message.length);
      } catch (RuntimeException e) {
        return false;
      }
    }
  }
}
