package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The result of a DKG instance (the IC's {@code NiDkgTranscript}): the dealings it combines
 * (exactly the collection threshold, ascending dealer index), the attributions made while
 * building it, and the combined public coefficients — the sum of the dealings' commitments for a
 * fresh key (public key = sum of the dealers' constant terms), their Lagrange interpolation at 0
 * over the dealer indices for a resharing (public key unchanged). The dealings are kept so that
 * any receiver, including one that joins later, can decrypt its share from the transcript alone.
 *
 * <p>Canonical encoding:
 *
 * <pre>
 * u8 version = 1 || u32 len || dkg_id || u32 threshold || u32 receiver_count || u8 resharing (0|1)
 * || u32 k || k x (u32 len || dealing)                (ascending dealer index)
 * || u32 a || a x (u8 kind || u32 accused || u32 reporter)   (ascending (accused, kind, reporter))
 * || u32 t || t x G2 (96 B)                           (combined public coefficients)
 * </pre>
 */
public final class Transcript {

  static final int VERSION = 1;

  private final byte[] dkgId;
  private final int threshold;
  private final int receiverCount;
  private final boolean resharing;
  private final List<Dealing> dealings;
  private final List<Attribution> attributions;
  private final PublicCoefficients publicCoefficients;

  /**
   * @throws IllegalArgumentException if the parts are inconsistent (dealings not strictly
   *     ascending by dealer, thresholds or receiver counts that differ)
   */
  public Transcript(
      byte[] dkgId, int threshold, int receiverCount, boolean resharing, List<Dealing> dealings,
      List<Attribution> attributions, PublicCoefficients publicCoefficients) {
    this.dkgId = Objects.requireNonNull(dkgId, "dkgId").clone();
    this.threshold = threshold;
    this.receiverCount = receiverCount;
    this.resharing = resharing;
    this.dealings = List.copyOf(dealings);
    this.attributions = List.copyOf(attributions);
    this.publicCoefficients = Objects.requireNonNull(publicCoefficients, "publicCoefficients");
    String problem = structuralProblem();
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  private String structuralProblem() {
    if (dkgId.length == 0 || dkgId.length > DkgConfig.MAX_ID_BYTES) {
      return "dkg id must be 1.." + DkgConfig.MAX_ID_BYTES + " bytes";
    }
    if (threshold < 1 || threshold > receiverCount) {
      return "threshold " + threshold + " outside [1, receivers=" + receiverCount + "]";
    }
    if (dealings.isEmpty()) {
      return "a transcript needs at least one dealing";
    }
    if (publicCoefficients.threshold() != threshold) {
      return "public coefficients have " + publicCoefficients.threshold() + " coefficients, threshold is " + threshold;
    }
    for (int i = 0; i < dealings.size(); i++) {
      Dealing d = dealings.get(i);
      if (i > 0 && d.dealerIndex() <= dealings.get(i - 1).dealerIndex()) {
        return "dealings must be strictly ascending by dealer index (dealing " + i + ")";
      }
      if (d.threshold() != threshold || d.ciphertexts().size() != receiverCount) {
        return "dealing of dealer " + d.dealerIndex() + " does not fit threshold " + threshold
            + " and " + receiverCount + " receivers";
      }
    }
    for (int i = 1; i < attributions.size(); i++) {
      if (attributions.get(i).compareTo(attributions.get(i - 1)) <= 0) {
        return "attributions must be strictly ascending (attribution " + i + ")";
      }
    }
    for (Attribution a : attributions) {
      if (a.blamesDealer() && a.kind() != Attribution.Kind.UPHELD_COMPLAINT && a.reporter() != 0) {
        return "attribution " + a + " must have reporter 0";
      }
    }
    return null;
  }

  public byte[] dkgId() {
    return dkgId.clone();
  }

  public int threshold() {
    return threshold;
  }

  public int receiverCount() {
    return receiverCount;
  }

  public boolean isResharing() {
    return resharing;
  }

  public List<Dealing> dealings() {
    return dealings;
  }

  public List<Integer> dealerIndices() {
    return dealings.stream().map(Dealing::dealerIndex).toList();
  }

  public List<Attribution> attributions() {
    return attributions;
  }

  public PublicCoefficients publicCoefficients() {
    return publicCoefficients;
  }

  public G2Point publicKey() {
    return publicCoefficients.publicKey();
  }

  boolean isFor(DkgConfig config) {
    return Arrays.equals(dkgId, config.dkgIdNoCopy());
  }

  public byte[] toBytes() {
    BigEndianWriter w = new BigEndianWriter().u8(VERSION).lengthPrefixed(dkgId).u32(threshold)
        .u32(receiverCount).u8(resharing ? 1 : 0).u32(dealings.size());
    for (Dealing d : dealings) {
      w.lengthPrefixed(d.toBytes());
    }
    w.u32(attributions.size());
    for (Attribution a : attributions) {
      w.u8(a.kind().code).u32(a.accused()).u32(a.reporter());
    }
    return w.u32(publicCoefficients.threshold()).raw(publicCoefficients.toBytes()).toBytes();
  }

  /**
   * Decodes and checks the structure (not the cryptographic consistency with a config: see {@link
   * TranscriptBuilder#verify}).
   *
   * @throws MalformedDkgBytesException naming the wrong field
   */
  public static Transcript fromBytes(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes, "transcript");
    int version = r.u8("version");
    if (version != VERSION) {
      throw r.error("version", "unsupported version " + version);
    }
    byte[] id = r.lengthPrefixed("dkg id", DkgConfig.MAX_ID_BYTES);
    int threshold = r.u32("threshold");
    int receivers = r.u32("receiver count");
    int flag = r.u8("resharing flag");
    if (flag > 1) {
      throw r.error("resharing flag", "must be 0 or 1, got " + flag);
    }
    int k = r.count("dealing count", 1, 4);
    List<Dealing> dealings = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      byte[] db = r.lengthPrefixed("dealing " + i, Integer.MAX_VALUE);
      try {
        dealings.add(Dealing.fromBytes(db));
      } catch (MalformedDkgBytesException e) {
        throw r.error("dealing " + i, e.getMessage());
      }
    }
    int a = r.count("attribution count", 0, 9);
    List<Attribution> attributions = new ArrayList<>(a);
    for (int i = 0; i < a; i++) {
      int code = r.u8("attribution " + i + " kind");
      Attribution.Kind kind = Attribution.Kind.fromCode(code);
      if (kind == null) {
        throw r.error("attribution " + i + " kind", "unknown kind " + code);
      }
      attributions.add(new Attribution(kind, r.u32("attribution " + i + " accused"), r.u32("attribution " + i + " reporter")));
    }
    PublicCoefficients pc = r.publicCoefficients("public coefficients");
    r.finish();
    try {
      return new Transcript(id, threshold, receivers, flag == 1, dealings, attributions, pc);
    } catch (IllegalArgumentException e) {
      throw new MalformedDkgBytesException("transcript: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transcript t && Arrays.equals(toBytes(), t.toBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return "Transcript(id=" + HexFormat.of().formatHex(dkgId) + ", threshold=" + threshold
        + ", receivers=" + receiverCount + (resharing ? ", resharing" : "") + ", dealers="
        + dealerIndices() + ", attributions=" + attributions + ", publicKey=" + publicKey() + ")";
  }
}
