package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One dealer's dealing: the Feldman commitment to its polynomial (public coefficients in G2), the
 * ephemeral key R = r*G1 and one ciphertext per receiver ({@link ShareEncryption}).
 *
 * <p>Canonical encoding (all integers big-endian):
 *
 * <pre>
 * u8 version = 1 || u32 dealer_index
 * || u32 t || t x G2 (96 B, a_0 first)
 * || R (G1, 48 B)
 * || u32 n || n x c_j (32 B scalar, canonical)
 * </pre>
 */
public record Dealing(int dealerIndex, PublicCoefficients commitment, G1Point ephemeralKey, List<Scalar> ciphertexts) {

  static final int VERSION = 1;

  public Dealing {
    if (dealerIndex < 0) {
      throw new IllegalArgumentException("dealer index must be non-negative, got " + dealerIndex);
    }
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(ephemeralKey, "ephemeralKey");
    ciphertexts = List.copyOf(ciphertexts);
  }

  public int threshold() {
    return commitment.threshold();
  }

  public byte[] toBytes() {
    BigEndianWriter w = new BigEndianWriter().u8(VERSION).u32(dealerIndex).u32(commitment.threshold())
        .raw(commitment.toBytes()).raw(ephemeralKey.toBytes()).u32(ciphertexts.size());
    for (Scalar c : ciphertexts) {
      w.raw(c.toBytes());
    }
    return w.toBytes();
  }

  /**
   * @throws MalformedDkgBytesException naming the field that is wrong (version, lengths, a point
   *     not in the subgroup, a non-canonical scalar, trailing bytes)
   */
  public static Dealing fromBytes(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes, "dealing");
    Dealing d = read(r);
    r.finish();
    return d;
  }

  static Dealing read(CanonicalReader r) {
    int version = r.u8("version");
    if (version != VERSION) {
      throw r.error("version", "unsupported version " + version);
    }
    int dealer = r.u32("dealer index");
    PublicCoefficients commitment = r.publicCoefficients("commitment");
    G1Point ephemeral = r.g1("ephemeral key");
    int n = r.count("ciphertext count", 1, Scalar.BYTES);
    List<Scalar> cs = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      cs.add(r.scalar("ciphertext " + j));
    }
    return new Dealing(dealer, commitment, ephemeral, cs);
  }
}
