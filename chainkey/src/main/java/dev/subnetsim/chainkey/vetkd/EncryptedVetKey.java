package dev.subnetsim.chainkey.vetkd;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Pairings;
import java.util.Objects;

/**
 * The 192-byte encrypted vetKey returned by {@code vetkd_derive_key}: {@code c1 = rho*G1 (48) ||
 * c2 = rho*G2 (96) || c3 = rho*tpk + vetKey (48)}, the layout parsed by {@code
 * EncryptedVetKey.deserialize} of dfinity/vetkeys.
 */
public record EncryptedVetKey(G1Point c1, G2Point c2, G1Point c3) {

  public static final int BYTES = KeyCiphertext.BYTES;

  public EncryptedVetKey {
    Objects.requireNonNull(c1, "c1");
    Objects.requireNonNull(c2, "c2");
    Objects.requireNonNull(c3, "c3");
  }

  /**
   * @throws MalformedVetKdBytesException naming the bad component
   */
  public static EncryptedVetKey fromBytes(byte[] bytes) {
    KeyCiphertext.Parts p = KeyCiphertext.decode(bytes, "encrypted vetKey");
    return new EncryptedVetKey(p.c1(), p.c2(), p.c3());
  }

  public byte[] toBytes() {
    return KeyCiphertext.encode(c1, c2, c3);
  }

  /**
   * The client: checks e(c1, G2) = e(G1, c2), computes k = c3 - tsk*c1 and checks that k is the
   * augmented BLS signature on the input, e(k, G2) = e(Hm, dpk) — exactly what {@code
   * EncryptedVetKey.decryptAndVerify(tsk, dpk, input)} of @dfinity/vetkeys does.
   *
   * @param derivedPublicKey the derived key (from {@link DerivationContext#derive}, or as returned
   *     by {@code vetkd_public_key})
   * @throws InvalidVetKeyException if either check fails
   */
  public VetKey decryptAndVerify(TransportSecretKey tsk, G2Point derivedPublicKey, byte[] input) {
    if (!KeyCiphertext.c1c2ShareLog(c1, c2)) {
      throw new InvalidVetKeyException("invalid vetKey: c1 and c2 do not share a discrete log");
    }
    G1Point k = tsk.unmask(c1, c3);
    G1Point hm = VetKdRequest.messagePoint(derivedPublicKey, input);
    if (k.isIdentity()
        || !Pairings.pairingsEqual(k, G2Point.generator(), hm, derivedPublicKey)) {
      throw new InvalidVetKeyException(
          "invalid vetKey: decrypted key is not a signature on the input under the derived key"
              + " (wrong transport key, derived key or input, or tampered ciphertext)");
    }
    return new VetKey(k);
  }

  /**
   * The replica-side check of a combined key against the request (dfinity/ic vetkd {@code
   * EncryptedKey::is_valid}): both pairing equations with the derived public key.
   */
  public boolean isValid(VetKdRequest.Prepared request) {
    return KeyCiphertext.isValid(
        c1, c2, c3, request.transportPoint(), request.derivedKey().publicKey(), request.messagePoint());
  }
}
