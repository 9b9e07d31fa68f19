package dev.subnetsim.chainkey.bls;

import java.security.SecureRandom;
import java.util.Objects;

/** A BLS secret key and its public key. */
public record KeyPair(SecretKey secretKey, PublicKey publicKey) {

  public KeyPair {
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(publicKey, "publicKey");
  }

  public static KeyPair of(SecretKey secretKey) {
    return new KeyPair(secretKey, secretKey.publicKey());
  }

  /** Key generation from the caller's randomness. */
  public static KeyPair generate(SecureRandom rng) {
    return of(SecretKey.random(rng));
  }
}
