package dev.subnetsim.consensus.crypto;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.MalformedPointException;
import dev.subnetsim.chainkey.bls12381.MalformedPointException.Reason;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * G1 points decoded (and subgroup-checked) once per run for all replicas sharing a {@link
 * ConsensusCrypto}: every replica combines or aggregates the same shares, and decoding them is a
 * subgroup check each. Decoding is a pure function of the bytes and {@link G1Point} is immutable,
 * so sharing changes wall time only. Bounded like {@link VerificationCache}: two generations of at
 * most half of {@link #CAPACITY} each, the older dropped whole; an evicted point is only decoded
 * again. Bytes that do not decode are not remembered (the exception reaches the caller each time).
 */
final class DecodedPoints {
  /** The shares of a few heights on a few subnets of tens of replicas. */
  static final int CAPACITY = 1 << 14;

  private TreeMap<String, G1Point> young = new TreeMap<>();
  private TreeMap<String, G1Point> old = new TreeMap<>();

  /** {@link G1Point#fromBytes}, remembered. */
  G1Point decode(byte[] bytes) {
    String key = HexFormat.of().formatHex(bytes);
    G1Point p = lookup(key);
    if (p == null) {
      p = G1Point.fromBytes(bytes); // outside the lock: replicas decode different shares at once
      store(key, p);
    }
    return p;
  }

  /** {@link G1Point#fromBytesNonIdentity}, remembered. */
  G1Point decodeNonIdentity(byte[] bytes) {
    G1Point p = decode(bytes);
    if (p.isIdentity()) {
      throw new MalformedPointException(Reason.IDENTITY_NOT_ALLOWED, "G1 point is the identity");
    }
    return p;
  }

  private synchronized G1Point lookup(String key) {
    G1Point p = young.get(key);
    if (p == null) {
      p = old.remove(key);
      if (p != null) {
        store(key, p);
      }
    }
    return p;
  }

  private synchronized void store(String key, G1Point p) {
    young.putIfAbsent(key, p);
    if (young.size() >= CAPACITY / 2) {
      old = young;
      young = new TreeMap<>();
    }
  }

  synchronized int size() {
    return young.size() + old.size();
  }
}
