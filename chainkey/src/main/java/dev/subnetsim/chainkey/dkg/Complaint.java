package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bls12381.G1Point;
import java.util.Objects;

/**
 * A receiver's complaint against a dealing: it reveals the DH key K = sk*R of its ciphertext with
 * a {@link ChaumPedersenProof} that K is correct, so anyone can decrypt that one share and see
 * that it does not match the dealer's commitment ({@link ComplaintVerifier}). Revealing K opens
 * only this receiver's share of this dealing, whose dealer is then excluded anyway.
 *
 * <p>Canonical encoding: {@code u8 version = 1 || u32 dealer_index || u32 complainer_index ||
 * K (G1, 48 B) || c (32 B) || z (32 B)}, 121 bytes.
 */
public record Complaint(int dealerIndex, int complainerIndex, G1Point dhKey, ChaumPedersenProof proof) {

  static final int VERSION = 1;
  public static final int BYTES = 1 + 4 + 4 + G1Point.COMPRESSED_BYTES + ChaumPedersenProof.BYTES;

  public Complaint {
    if (dealerIndex < 0 || complainerIndex < 0) {
      throw new IllegalArgumentException("indices must be non-negative");
    }
    Objects.requireNonNull(dhKey, "dhKey");
    Objects.requireNonNull(proof, "proof");
  }

  public byte[] toBytes() {
    return new BigEndianWriter().u8(VERSION).u32(dealerIndex).u32(complainerIndex)
        .raw(dhKey.toBytes()).raw(proof.challenge().toBytes()).raw(proof.response().toBytes()).toBytes();
  }

  /**
   * @throws MalformedDkgBytesException naming the wrong field
   */
  public static Complaint fromBytes(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes, "complaint");
    int version = r.u8("version");
    if (version != VERSION) {
      throw r.error("version", "unsupported version " + version);
    }
    Complaint c = new Complaint(
        r.u32("dealer index"), r.u32("complainer index"), r.g1("DH key"),
        new ChaumPedersenProof(r.scalar("proof challenge"), r.scalar("proof response")));
    r.finish();
    return c;
  }

  /** What the proof is bound to: the DKG, the dealing's dealer and the complainer. */
  static byte[] proofContext(DkgConfig config, int dealerIndex, int complainerIndex) {
    return new BigEndianWriter().lengthPrefixed(config.dkgIdNoCopy()).u32(dealerIndex).u32(complainerIndex).toBytes();
  }
}
