package dev.subnetsim.chainkey.bls;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.MalformedScalarException;
import dev.subnetsim.chainkey.bls12381.Scalar;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A BLS secret key: a non-zero scalar of Fr. {@link #toString()} never prints it. Encoding: the
 * 32-byte big-endian scalar (the IC's and the IETF draft's).
 */
public final class SecretKey {

  private final Scalar value;

  private SecretKey(Scalar value) {
    this.value = value;
  }

  /**
   * @throws IllegalArgumentException for zero (its public key would be the identity)
   */
  public static SecretKey of(Scalar value) {
    Objects.requireNonNull(value, "value");
    if (value.isZero()) {
      throw new IllegalArgumentException("a BLS secret key must not be zero");
    }
    return new SecretKey(value);
  }

  /** A uniformly random non-zero key. */
  public static SecretKey random(SecureRandom rng) {
    return new SecretKey(Scalar.randomNonZero(rng));
  }

  /** @throws MalformedScalarException if not a canonical non-zero scalar */
  public static SecretKey fromBytes(byte[] bytes) {
    Scalar s = Scalar.fromBytes(bytes);
    if (s.isZero()) {
      throw new MalformedScalarException("a BLS secret key must not be zero");
    }
    return new SecretKey(s);
  }

  public byte[] toBytes() {
    return value.toBytes();
  }

  public Scalar scalar() {
    return value;
  }

  /** sk * G2. */
  public PublicKey publicKey() {
    return new PublicKey(G2Point.generator().mul(value));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretKey k && value.equals(k.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "SecretKey(redacted)";
  }
}
