package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.chainkey.threshold.Thresholds;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One DKG instance (the IC's {@code NiDkgConfig}): its id (bound into every ciphertext and proof,
 * so nothing carries over between instances), the number of dealers (dealer index 0..d-1), the
 * receivers' encryption public keys (receiver index = list position; receiver i gets the share at
 * x = i+1), the threshold of the key being made, the collection threshold (how many valid dealings
 * a transcript combines), and for resharing the public coefficients of the key being reshared
 * (dealer index = the dealer's node index in that key's committee).
 *
 * <p>Collection thresholds: a fresh key needs f_d+1 dealings (f_d = faults among d dealers), so at
 * least one honest dealer's secret is in the sum and no coalition of f_d dealers knows it; a
 * resharing needs at least the old threshold, because the new secret is the Lagrange
 * interpolation of the dealers' old shares (the same rule as the IC's {@code
 * IDkgTranscriptParams::collection_threshold}: f+1 for Random, the reshared transcript's
 * reconstruction threshold for ReshareOf*; NIDKG's {@code collection_threshold} is
 * max_corrupt_dealers+1).
 *
 * <p>Canonical encoding (for DKG summaries in blocks):
 *
 * <pre>
 * u8 version = 1 || u32 len || dkg_id || u32 dealer_count || u32 threshold || u32 collection_threshold
 * || u32 n || n x receiver key (G1, 48 B) || u8 resharing (0|1) || [u32 t || t x G2 (96 B)]
 * </pre>
 */
public final class DkgConfig {

  /** Longest accepted DKG id. */
  public static final int MAX_ID_BYTES = 255;

  static final int VERSION = 1;

  private final byte[] dkgId;
  private final int dealerCount;
  private final List<G1Point> receiverKeys;
  private final int threshold;
  private final int collectionThreshold;
  private final PublicCoefficients resharedKey; // null for a fresh key

  /**
   * @throws IllegalArgumentException if a parameter is out of range (the message names it)
   */
  public DkgConfig(
      byte[] dkgId, int dealerCount, List<G1Point> receiverKeys, int threshold,
      int collectionThreshold, Optional<PublicCoefficients> resharedKey) {
    Objects.requireNonNull(dkgId, "dkgId");
    if (dkgId.length == 0 || dkgId.length > MAX_ID_BYTES) {
      throw new IllegalArgumentException("dkgId must be 1.." + MAX_ID_BYTES + " bytes, got " + dkgId.length);
    }
    if (dealerCount < 1 || dealerCount > CanonicalReader.MAX_COUNT) {
      throw new IllegalArgumentException("dealerCount must be in [1, " + CanonicalReader.MAX_COUNT + "], got " + dealerCount);
    }
    if (receiverKeys.size() > CanonicalReader.MAX_COUNT) {
      throw new IllegalArgumentException("at most " + CanonicalReader.MAX_COUNT + " receivers");
    }
    Thresholds.check(threshold, receiverKeys.size());
    if (collectionThreshold < 1 || collectionThreshold > dealerCount) {
      throw new IllegalArgumentException(
          "collectionThreshold must be in [1, dealerCount=" + dealerCount + "], got " + collectionThreshold);
    }
    for (int i = 0; i < receiverKeys.size(); i++) {
      if (receiverKeys.get(i).isIdentity()) {
        throw new IllegalArgumentException("receiver " + i + " has the identity as encryption key");
      }
      for (int j = 0; j < i; j++) {
        if (receiverKeys.get(i).equals(receiverKeys.get(j))) {
          throw new IllegalArgumentException("receivers " + j + " and " + i + " share an encryption key");
        }
      }
    }
    resharedKey.ifPresent(
        old -> {
          if (collectionThreshold < old.threshold()) {
            throw new IllegalArgumentException(
                "resharing needs collectionThreshold >= the old threshold " + old.threshold() + ", got "
                    + collectionThreshold);
          }
        });
    this.dkgId = dkgId.clone();
    this.dealerCount = dealerCount;
    this.receiverKeys = List.copyOf(receiverKeys);
    this.threshold = threshold;
    this.collectionThreshold = collectionThreshold;
    this.resharedKey = resharedKey.orElse(null);
  }

  /** A fresh key: collection threshold f_d+1 for d dealers. */
  public static DkgConfig fresh(byte[] dkgId, int dealerCount, List<G1Point> receiverKeys, int threshold) {
    return new DkgConfig(
        dkgId, dealerCount, receiverKeys, threshold, Thresholds.low(dealerCount), Optional.empty());
  }

  /**
   * Resharing the key with coefficients {@code oldKey} from its committee of {@code
   * oldCommitteeSize} nodes (the dealers) to new receivers; collection threshold = old threshold.
   */
  public static DkgConfig resharing(
      byte[] dkgId, PublicCoefficients oldKey, int oldCommitteeSize, List<G1Point> receiverKeys, int threshold) {
    return new DkgConfig(
        dkgId, oldCommitteeSize, receiverKeys, threshold, oldKey.threshold(), Optional.of(oldKey));
  }

  public byte[] dkgId() {
    return dkgId.clone();
  }

  byte[] dkgIdNoCopy() {
    return dkgId;
  }

  public int dealerCount() {
    return dealerCount;
  }

  public List<G1Point> receiverKeys() {
    return receiverKeys;
  }

  public int receiverCount() {
    return receiverKeys.size();
  }

  public G1Point receiverKey(int receiverIndex) {
    return receiverKeys.get(receiverIndex);
  }

  public int threshold() {
    return threshold;
  }

  public int collectionThreshold() {
    return collectionThreshold;
  }

  public Optional<PublicCoefficients> resharedKey() {
    return Optional.ofNullable(resharedKey);
  }

  public boolean isResharing() {
    return resharedKey != null;
  }

  public byte[] toBytes() {
    BigEndianWriter w = new BigEndianWriter().u8(VERSION).lengthPrefixed(dkgId).u32(dealerCount)
        .u32(threshold).u32(collectionThreshold).u32(receiverKeys.size());
    for (G1Point pk : receiverKeys) {
      w.raw(pk.toBytes());
    }
    w.u8(resharedKey == null ? 0 : 1);
    if (resharedKey != null) {
      w.u32(resharedKey.threshold()).raw(resharedKey.toBytes());
    }
    return w.toBytes();
  }

  /**
   * @throws MalformedDkgBytesException naming the wrong field, or the violated parameter rule
   */
  public static DkgConfig fromBytes(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes, "dkg config");
    int version = r.u8("version");
    if (version != VERSION) {
      throw r.error("version", "unsupported version " + version);
    }
    byte[] id = r.lengthPrefixed("dkg id", MAX_ID_BYTES);
    int dealers = r.u32("dealer count");
    int threshold = r.u32("threshold");
    int collection = r.u32("collection threshold");
    int n = r.count("receiver count", 1, G1Point.COMPRESSED_BYTES);
    List<G1Point> keys = new java.util.ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      keys.add(r.g1("receiver key " + j));
    }
    int flag = r.u8("resharing flag");
    if (flag > 1) {
      throw r.error("resharing flag", "must be 0 or 1, got " + flag);
    }
    Optional<PublicCoefficients> old =
        flag == 1 ? Optional.of(r.publicCoefficients("reshared key")) : Optional.empty();
    r.finish();
    try {
      return new DkgConfig(id, dealers, keys, threshold, collection, old);
    } catch (IllegalArgumentException e) {
      throw new MalformedDkgBytesException("dkg config: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DkgConfig c && java.util.Arrays.equals(toBytes(), c.toBytes());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return "DkgConfig(id=" + HexFormat.of().formatHex(dkgId) + ", dealers=" + dealerCount
        + ", receivers=" + receiverKeys.size() + ", threshold=" + threshold + ", collection="
        + collectionThreshold + (isResharing() ? ", resharing " + resharedKey.publicKey() : "") + ")";
  }
}
