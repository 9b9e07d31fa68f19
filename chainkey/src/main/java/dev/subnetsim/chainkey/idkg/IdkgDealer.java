package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcPolynomial;
import dev.subnetsim.chainkey.ec.EcScalar;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Creates a dealer's dealing (eprint 2022/506 section 5): a random polynomial (Random,
 * RandomUnmasked), or one whose constant is the dealer's own share of the source transcript
 * (ReshareOfMasked, ReshareOfUnmasked) or the product of its two source shares
 * (UnmaskedTimesMasked); masked kinds also draw a mask polynomial. Every receiver's evaluation is
 * encrypted to it; the proof the kind needs is attached.
 */
public final class IdkgDealer {
  private IdkgDealer() {}

  /**
   * @param sourceOpenings the dealer's openings of the source transcripts (none for Random kinds;
   *     one for a reshare; unmasked then masked for a product)
   */
  public static IdkgDealing deal(IdkgParams p, int dealer, List<CommitmentOpening> sourceOpenings,
      SecureRandom rng) {
    if (!p.dealers().contains(dealer)) {
      throw new IllegalArgumentException("node " + dealer + " is no dealer of " + p.transcriptId());
    }
    int t = p.threshold();
    EcScalar constant;
    EcScalar maskConstant = EcScalar.random(p.curve(), rng);
    Optional<DealingProof> proof = Optional.empty();
    switch (p.kind()) {
      case RANDOM, RANDOM_UNMASKED -> constant = EcScalar.random(p.curve(), rng);
      case RESHARE_OF_UNMASKED -> constant = sourceOpenings.get(0).value();
      case RESHARE_OF_MASKED -> constant = sourceOpenings.get(0).value();
      case UNMASKED_TIMES_MASKED -> constant = sourceOpenings.get(0).value()
          .mul(sourceOpenings.get(1).value());
      default -> throw new IllegalStateException();
    }
    EcPolynomial values = EcPolynomial.randomWithConstant(constant, t, rng);
    EcPolynomial masks = EcPolynomial.randomWithConstant(maskConstant, t, rng);
    PolynomialCommitment commitment;
    if (p.kind().masked()) {
      List<EcPoint> pts = new ArrayList<>();
      for (int k = 0; k < t; k++) {
        pts.add(PedersenGenerator.commit(values.coefficients().get(k), masks.coefficients().get(k)));
      }
      commitment = new PolynomialCommitment.Pedersen(pts);
    } else {
      commitment = new PolynomialCommitment.Simple(values.commitments());
    }
    if (p.kind() == TranscriptKind.RESHARE_OF_MASKED) {
      CommitmentOpening.Pedersen src = (CommitmentOpening.Pedersen) sourceOpenings.get(0);
      EcPoint difference = p.source().get().commitment().evaluateAt(dealer)
          .sub(commitment.constantTerm());
      proof = Optional.of(DealingProof.EqualOpening.prove(p, dealer, difference, src.mask(), rng));
    } else if (p.kind() == TranscriptKind.UNMASKED_TIMES_MASKED) {
      CommitmentOpening.Pedersen b = (CommitmentOpening.Pedersen) sourceOpenings.get(1);
      EcScalar a = sourceOpenings.get(0).value();
      EcPoint aPoint = p.source().get().commitment().evaluateAt(dealer);
      EcPoint bPoint = p.secondSource().get().commitment().evaluateAt(dealer);
      proof = Optional.of(DealingProof.Product.prove(p, dealer, aPoint, bPoint,
          commitment.constantTerm(), a, maskConstant.sub(a.mul(b.mask())), rng));
    }
    EcScalar r = EcScalar.randomNonZero(p.curve(), rng);
    EcPoint ephemeral = EcPoint.mulGenerator(r);
    TreeMap<Integer, EcScalar[]> cts = new TreeMap<>();
    p.receiverKeys().forEach((i, pk) -> cts.put(i, ShareCipher.encrypt(p, dealer, i, pk.mul(r),
        values.evaluateAtNode(i), p.kind().masked() ? masks.evaluateAtNode(i)
            : EcScalar.zero(p.curve()))));
    return new IdkgDealing(p.transcriptId(), dealer, commitment, ephemeral, cts, proof);
  }
}
