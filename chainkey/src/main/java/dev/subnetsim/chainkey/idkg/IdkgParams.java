package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One IDKG instance (dfinity/ic rs/consensus/src/idkg/spec.md, "IDkgTranscriptParams"): its id and
 * kind, the dealers and the receivers (committee indices; receivers may be another committee, for
 * resharing across subnets), the receivers' encryption keys, the reconstruction threshold of the
 * new transcript, and the source transcripts the kind needs (one for a reshare, the unmasked and
 * the masked factor for a product).
 */
public record IdkgParams(String transcriptId, TranscriptKind kind, EcCurve curve,
    List<Integer> dealers, SortedMap<Integer, EcPoint> receiverKeys, int threshold,
    Optional<IdkgTranscript> source, Optional<IdkgTranscript> secondSource) {

  public IdkgParams {
    dealers = List.copyOf(dealers);
    receiverKeys = Collections.unmodifiableSortedMap(new TreeMap<>(receiverKeys));
    if (threshold < 1 || threshold > receiverKeys.size()) {
      throw new IllegalArgumentException("threshold " + threshold + " for "
          + receiverKeys.size() + " receivers");
    }
    boolean needsOne = kind == TranscriptKind.RESHARE_OF_MASKED
        || kind == TranscriptKind.RESHARE_OF_UNMASKED || kind == TranscriptKind.UNMASKED_TIMES_MASKED;
    if (needsOne != source.isPresent()
        || (kind == TranscriptKind.UNMASKED_TIMES_MASKED) != secondSource.isPresent()) {
      throw new IllegalArgumentException(kind + " transcript " + transcriptId
          + " has the wrong source transcripts");
    }
    if (kind == TranscriptKind.RESHARE_OF_MASKED && !source.get().kind().masked()
        || kind == TranscriptKind.RESHARE_OF_UNMASKED && source.get().kind().masked()
        || kind == TranscriptKind.UNMASKED_TIMES_MASKED
            && (source.get().kind().masked() || !secondSource.get().kind().masked())) {
      throw new IllegalArgumentException(kind + " transcript " + transcriptId
          + ": source transcripts of the wrong kind");
    }
    for (var s : List.of(source, secondSource)) {
      if (s.isPresent() && !s.get().receivers().containsAll(dealers)) {
        throw new IllegalArgumentException("dealers of " + transcriptId
            + " must be receivers of source transcript " + s.get().id());
      }
    }
  }

  public static IdkgParams random(String id, EcCurve curve, List<Integer> dealers,
      SortedMap<Integer, EcPoint> receiverKeys, int threshold, boolean masked) {
    return new IdkgParams(id, masked ? TranscriptKind.RANDOM : TranscriptKind.RANDOM_UNMASKED,
        curve, dealers, receiverKeys, threshold, Optional.empty(), Optional.empty());
  }

  public static IdkgParams reshare(String id, IdkgTranscript source, List<Integer> dealers,
      SortedMap<Integer, EcPoint> receiverKeys, int threshold) {
    return new IdkgParams(id, source.kind().masked() ? TranscriptKind.RESHARE_OF_MASKED
        : TranscriptKind.RESHARE_OF_UNMASKED, source.curve(), dealers, receiverKeys, threshold,
        Optional.of(source), Optional.empty());
  }

  public static IdkgParams product(String id, IdkgTranscript unmasked, IdkgTranscript masked,
      List<Integer> dealers, SortedMap<Integer, EcPoint> receiverKeys, int threshold) {
    return new IdkgParams(id, TranscriptKind.UNMASKED_TIMES_MASKED, unmasked.curve(), dealers,
        receiverKeys, threshold, Optional.of(unmasked), Optional.of(masked));
  }

  /**
   * How many verified dealings make a transcript: the threshold for fresh randomness (so at least
   * one honest dealer contributes when at most threshold-1 dealers are corrupt), the source's
   * threshold for a reshare (the new sharing is a Lagrange combination of that many), and 2t-1 for
   * a product: the dealers' constants a(j)*b(j) lie on a polynomial of degree 2(t-1).
   */
  public int collectionThreshold() {
    if (kind == TranscriptKind.UNMASKED_TIMES_MASKED) {
      return 2 * source.get().threshold() - 1;
    }
    return source.map(IdkgTranscript::threshold).orElse(threshold);
  }

  public List<Integer> receivers() {
    return List.copyOf(receiverKeys.keySet());
  }

  /** Context bound into every proof and pad of this instance. */
  byte[] context() {
    return (transcriptId + "/" + kind + "/" + curve.logName())
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
