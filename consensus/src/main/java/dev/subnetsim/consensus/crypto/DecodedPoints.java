package dev.subnetsim.consensus.crypto;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.MalformedPointException;
import dev.subnetsim.chainkey.bls12381.MalformedPointException.Reason;
import java.util.HexFormat;

/**
 * G1 points decoded (and subgroup-checked) once per run for all replicas sharing a {@link
 * ConsensusCrypto}: every replica combines or aggregates the same shares, and decoding them is a
 * subgroup check each. Decoding is a pure function of the bytes and {@link G1Point} is immutable,
 * so sharing changes wall time only. Bounded ({@link GenerationalCache} of {@link #CAPACITY}); an
 * evicted point is only decoded again. Bytes that do not decode are not remembered (the exception reaches the caller each time).
 */
final class DecodedPoints {
  /** The shares of a few heights on a few subnets of tens of replicas. */
  static final int CAPACITY = 1 << 14;

  private final GenerationalCache<G1Point> points = new GenerationalCache<>(CAPACITY);

  /** {@link G1Point#fromBytes}, remembered. */
  G1Point decode(byte[] bytes) {
    String key = HexFormat.of().formatHex(bytes);
    G1Point p = points.get(key);
    if (p == null) {
      p = G1Point.fromBytes(bytes); // outside the lock: replicas decode different shares at once
      points.put(key, p);
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

  int size() {
    return points.size();
  }
}
