package dev.subnetsim.chainkey.ecdh;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import java.security.SecureRandom;

/**
 * A client's ephemeral transport key (t, T = t*G) on the group of the threshold key: replicas
 * encrypt their DH shares to T, so that no replica (nor anyone who sees the shares) learns the
 * combined secret. {@link #toString()} hides t.
 */
public record TransportKeyPair(EcScalar secret, EcPoint publicKey) {

  public TransportKeyPair {
    if (!EcPoint.mulGenerator(secret).equals(publicKey)) {
      throw new IllegalArgumentException("transport public key does not match its secret");
    }
  }

  public static TransportKeyPair generate(EcCurve curve, SecureRandom rng) {
    EcScalar t = EcScalar.randomNonZero(curve, rng);
    return new TransportKeyPair(t, EcPoint.mulGenerator(t));
  }

  /** C - t*R = x*Q. */
  public EcPoint decrypt(EncryptedCombinedDh combined) {
    return combined.ciphertext().sub(combined.ephemeral().mul(secret));
  }

  /** Decrypts one node's share: C_i - t*R_i = x_i*Q. */
  public EcPoint decrypt(EncryptedDhShare share) {
    return share.ciphertext().sub(share.ephemeral().mul(secret));
  }

  @Override
  public String toString() {
    return "TransportKeyPair(" + publicKey + ", <secret>)";
  }
}
