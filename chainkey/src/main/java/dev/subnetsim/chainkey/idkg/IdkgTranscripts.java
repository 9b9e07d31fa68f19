package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.ec.EcLagrange;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Creating a transcript from verified dealings (the IC's {@code create_transcript}) and, on each
 * receiver, combining its openings of those dealings into its opening of the transcript. Fresh
 * randomness is the sum of the dealers' sharings; a reshare or product is their Lagrange
 * combination at 0 over the dealer indices, so its constant is the source secret (or product)
 * again, never reconstructed anywhere.
 */
public final class IdkgTranscripts {
  private IdkgTranscripts() {}

  /** A transcript with the dealings it was made of (receivers need them to load their share). */
  public record Built(IdkgTranscript transcript, List<IdkgDealing> dealings) {
    public Built {
      dealings = List.copyOf(dealings);
    }

    public List<Integer> dealers() {
      return dealings.stream().map(IdkgDealing::dealer).toList();
    }
  }

  /**
   * Builds the transcript from the lowest-index {@link IdkgParams#collectionThreshold} of the
   * given dealings, which the caller has verified ({@link IdkgDealingVerifier}).
   *
   * @throws IllegalArgumentException with fewer dealings than the collection threshold
   */
  public static Built create(IdkgParams p, List<IdkgDealing> verified) {
    List<IdkgDealing> sorted = new ArrayList<>(verified);
    sorted.sort(Comparator.comparingInt(IdkgDealing::dealer));
    List<IdkgDealing> used = new ArrayList<>();
    for (IdkgDealing d : sorted) {
      if (used.stream().noneMatch(u -> u.dealer() == d.dealer())
          && used.size() < p.collectionThreshold()) {
        used.add(d);
      }
    }
    if (used.size() < p.collectionThreshold()) {
      throw new IllegalArgumentException("transcript " + p.transcriptId() + " needs "
          + p.collectionThreshold() + " verified dealings, got " + used.size());
    }
    List<EcScalar> weights = weights(p, used);
    List<EcPoint> points = new ArrayList<>();
    for (int k = 0; k < p.threshold(); k++) {
      List<EcPoint> column = new ArrayList<>();
      for (IdkgDealing d : used) {
        column.add(d.commitment().points().get(k));
      }
      points.add(EcPoint.multiScalarMul(column, weights));
    }
    PolynomialCommitment c = p.kind().masked() ? new PolynomialCommitment.Pedersen(points)
        : new PolynomialCommitment.Simple(points);
    return new Built(new IdkgTranscript(p.transcriptId(), p.kind(), p.receivers(), c), used);
  }

  /** A receiver's opening of the transcript from its openings of the used dealings (same order). */
  public static CommitmentOpening combine(IdkgParams p, Built built, List<CommitmentOpening> mine) {
    List<EcScalar> weights = weights(p, built.dealings());
    EcScalar value = EcScalar.zero(p.curve());
    EcScalar mask = EcScalar.zero(p.curve());
    for (int j = 0; j < mine.size(); j++) {
      value = value.add(weights.get(j).mul(mine.get(j).value()));
      if (mine.get(j) instanceof CommitmentOpening.Pedersen ped) {
        mask = mask.add(weights.get(j).mul(ped.mask()));
      }
    }
    return p.kind().masked() ? new CommitmentOpening.Pedersen(value, mask)
        : new CommitmentOpening.Simple(value);
  }

  private static List<EcScalar> weights(IdkgParams p, List<IdkgDealing> used) {
    if (p.source().isEmpty()) {
      return used.stream().map(d -> EcScalar.one(p.curve())).toList();
    }
    return EcLagrange.coefficientsAtZero(p.curve(), used.stream().map(IdkgDealing::dealer).toList());
  }
}
