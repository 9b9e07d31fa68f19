package dev.subnetsim.chainkey.vetkd;

import dev.subnetsim.chainkey.bls12381.G1Point;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * A decrypted and verified vetKey: the augmented BLS signature dsk * Hm (48 bytes compressed G1).
 */
public record VetKey(G1Point signature) {

  public VetKey {
    Objects.requireNonNull(signature, "signature");
  }

  /** The 48-byte signature encoding ({@code VetKey.signatureBytes()} in dfinity/vetkeys). */
  public byte[] toBytes() {
    return signature.toBytes();
  }

  /**
   * HKDF-SHA256(ikm = the 48 signature bytes, salt = empty, info = domainSep), the derivation of
   * {@code VetKey.deriveSymmetricKey} in dfinity/vetkeys.
   */
  public byte[] deriveSymmetricKey(String domainSep, int outputLength) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(toBytes(), new byte[0], domainSep.getBytes(StandardCharsets.UTF_8)));
    byte[] out = new byte[outputLength];
    hkdf.generateBytes(out, 0, outputLength);
    return out;
  }
}
