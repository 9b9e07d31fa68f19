package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;

/**
 * A receiver's share of a transcript: the opening of the transcript's commitment at its index.
 * {@link Simple} opens a Feldman commitment (value only), {@link Pedersen} a Pedersen commitment
 * (value and mask).
 */
public sealed interface CommitmentOpening {

  EcScalar value();

  /** Whether this opening matches {@code commitment} at {@code nodeIndex}. */
  boolean opens(PolynomialCommitment commitment, int nodeIndex);

  record Simple(EcScalar value) implements CommitmentOpening {
    public boolean opens(PolynomialCommitment c, int nodeIndex) {
      return c instanceof PolynomialCommitment.Simple
          && EcPoint.mulGenerator(value).equals(c.evaluateAt(nodeIndex));
    }

    @Override
    public String toString() {
      return "Simple[value=<secret>]";
    }
  }

  record Pedersen(EcScalar value, EcScalar mask) implements CommitmentOpening {
    public Pedersen {
      if (value.curve() != mask.curve()) {
        throw new IllegalArgumentException("value and mask on different curves");
      }
    }

    public boolean opens(PolynomialCommitment c, int nodeIndex) {
      return c instanceof PolynomialCommitment.Pedersen
          && PedersenGenerator.commit(value, mask).equals(c.evaluateAt(nodeIndex));
    }

    @Override
    public String toString() {
      return "Pedersen[value=<secret>, mask=<secret>]";
    }
  }
}
