package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcPolynomial;
import java.util.List;

/**
 * A commitment to a sharing polynomial of degree t-1 (t = points().size()), coefficient by
 * coefficient: Feldman ({@link Simple}: C_k = a_k*G, which reveals a_0*G, so the shared value is
 * "unmasked") or Pedersen ({@link Pedersen}: C_k = a_k*G + b_k*H, which hides it, "masked").
 * Node i's share is checked against {@link #evaluateAt}(i), the commitment at x = i+1.
 */
public sealed interface PolynomialCommitment {

  List<EcPoint> points();

  default EcCurve curve() {
    return points().get(0).curve();
  }

  /** The reconstruction threshold t: the number of coefficients. */
  default int threshold() {
    return points().size();
  }

  /** C(x_i) = sum_k C_k x_i^k with x_i = i+1. */
  default EcPoint evaluateAt(int nodeIndex) {
    return EcPolynomial.evaluateCommitments(points(), nodeIndex);
  }

  /** C_0: the public key a_0*G for {@link Simple}; a hiding commitment for {@link Pedersen}. */
  default EcPoint constantTerm() {
    return points().get(0);
  }

  /** Feldman commitment of an unmasked sharing. */
  record Simple(List<EcPoint> points) implements PolynomialCommitment {
    public Simple {
      points = checked(points);
    }
  }

  /** Pedersen commitment of a masked sharing (H = {@link PedersenGenerator#h}). */
  record Pedersen(List<EcPoint> points) implements PolynomialCommitment {
    public Pedersen {
      points = checked(points);
    }
  }

  private static List<EcPoint> checked(List<EcPoint> points) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a commitment needs at least one coefficient");
    }
    EcCurve curve = points.get(0).curve();
    for (EcPoint p : points) {
      if (p.curve() != curve) {
        throw new IllegalArgumentException("commitment mixes curves " + curve.logName()
            + " and " + p.curve().logName());
      }
    }
    return List.copyOf(points);
  }
}
