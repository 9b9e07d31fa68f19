package dev.subnetsim.chainkey.vetkd;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.MalformedScalarException;
import dev.subnetsim.chainkey.bls12381.Scalar;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The client's ephemeral transport secret key tsk (a scalar; 32 bytes big-endian, the encoding of
 * {@code TransportSecretKey.serialize()} in dfinity/vetkeys). Its public key tpk = tsk * G1 goes
 * into the request; the returned encrypted key is decrypted with {@link
 * EncryptedVetKey#decryptAndVerify}. {@link #toString()} does not print the key.
 */
public final class TransportSecretKey {

  public static final int BYTES = Scalar.BYTES;

  private final Scalar secret;
  private final TransportPublicKey publicKey;

  private TransportSecretKey(Scalar secret) {
    this.secret = secret;
    this.publicKey = new TransportPublicKey(G1Point.generator().mul(secret));
  }

  /** A fresh random non-zero key from the caller's generator. */
  public static TransportSecretKey random(SecureRandom rng) {
    Objects.requireNonNull(rng, "rng");
    return new TransportSecretKey(Scalar.randomNonZero(rng));
  }

  /**
   * @throws MalformedVetKdBytesException unless 32 bytes encoding a non-zero scalar below r
   */
  public static TransportSecretKey fromBytes(byte[] bytes) {
    Scalar s;
    try {
      s = Scalar.fromBytes(bytes);
    } catch (MalformedScalarException e) {
      throw new MalformedVetKdBytesException("transport secret key: " + e.getMessage(), e);
    }
    if (s.isZero()) {
      throw new MalformedVetKdBytesException("transport secret key is zero");
    }
    return new TransportSecretKey(s);
  }

  public byte[] toBytes() {
    return secret.toBytes();
  }

  public TransportPublicKey publicKey() {
    return publicKey;
  }

  /** k = c3 - tsk * c1 (no verification; see {@link EncryptedVetKey#decryptAndVerify}). */
  G1Point unmask(G1Point c1, G1Point c3) {
    return c3.sub(c1.mul(secret));
  }

  @Override
  public String toString() {
    return "TransportSecretKey(publicKey=" + publicKey.point() + ", secret redacted)";
  }
}
