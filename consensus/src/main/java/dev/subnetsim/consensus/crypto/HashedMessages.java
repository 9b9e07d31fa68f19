package dev.subnetsim.consensus.crypto;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.HashToCurve;
import java.util.HexFormat;

/**
 * Messages hashed to G1 once per run for all replicas sharing a {@link ConsensusCrypto}: every
 * replica signs and verifies the same notarization, finalization, beacon and certification
 * messages, and hash-to-curve costs about as much as the signing multiplication. Hashing is a pure
 * function of (DST, message) and {@link G1Point} is immutable, so sharing changes wall time only.
 * Bounded ({@link GenerationalCache} of {@link #CAPACITY}); an evicted hash is only computed again.
 */
final class HashedMessages {
  /** The signed messages of a few heights (a handful per height per subnet). */
  static final int CAPACITY = 1 << 12;

  private final GenerationalCache<G1Point> hashes = new GenerationalCache<>(CAPACITY);

  /** {@link HashToCurve#hashToG1}, remembered. */
  G1Point hash(byte[] message, String dst) {
    // By the message's SHA-256: signed DKG items carry whole dealings. Hex never contains '/',
    // so the last '/' ends the DST.
    String key = dst + "/" + HexFormat.of().formatHex(ConsensusCrypto.sha256(message));
    G1Point h = hashes.get(key);
    if (h == null) {
      h = HashToCurve.hashToG1(message, dst); // outside the lock, like DecodedPoints
      hashes.put(key, h);
    }
    return h;
  }

  int size() {
    return hashes.size();
  }
}
