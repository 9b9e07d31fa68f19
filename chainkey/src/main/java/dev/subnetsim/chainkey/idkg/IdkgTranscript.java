package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.ec.EcCurve;
import java.util.List;

/**
 * The public result of an IDKG instance: its id, kind, the receivers (committee indices) who hold
 * openings of {@link #commitment()}, and that combined commitment. The seam between IDKG and the
 * signing protocols (ECDSA presignatures, Schnorr presignatures, key transcripts).
 */
public record IdkgTranscript(
    String id, TranscriptKind kind, List<Integer> receivers, PolynomialCommitment commitment) {

  public IdkgTranscript {
    receivers = List.copyOf(receivers);
    if (kind.masked() != (commitment instanceof PolynomialCommitment.Pedersen)) {
      throw new IllegalArgumentException(
          "transcript " + id + " of kind " + kind + " has a " + commitment.getClass().getSimpleName()
              + " commitment");
    }
    if (receivers.size() < commitment.threshold()) {
      throw new IllegalArgumentException("transcript " + id + ": threshold "
          + commitment.threshold() + " exceeds " + receivers.size() + " receivers");
    }
  }

  public EcCurve curve() {
    return commitment.curve();
  }

  public int threshold() {
    return commitment.threshold();
  }
}
