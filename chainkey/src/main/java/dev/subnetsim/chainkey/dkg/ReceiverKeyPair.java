package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import java.security.SecureRandom;

/**
 * A receiver's DKG encryption key pair: sk and pk = sk * G1 (the IC registers a forward-secure
 * key per node instead; see the package comment). {@link #toString()} does not print sk.
 */
public final class ReceiverKeyPair {

  private final Scalar secretKey;
  private final G1Point publicKey;

  private ReceiverKeyPair(Scalar secretKey) {
    this.secretKey = secretKey;
    this.publicKey = G1Point.generator().mul(secretKey);
  }

  public static ReceiverKeyPair random(SecureRandom rng) {
    return new ReceiverKeyPair(Scalar.randomNonZero(rng));
  }

  public G1Point publicKey() {
    return publicKey;
  }

  Scalar secretKey() {
    return secretKey;
  }

  @Override
  public String toString() {
    return "ReceiverKeyPair(publicKey=" + publicKey + ", secret redacted)";
  }
}
