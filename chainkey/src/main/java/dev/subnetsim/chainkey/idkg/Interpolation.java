package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcLagrange;
import dev.subnetsim.chainkey.ec.EcScalar;
import java.util.ArrayList;
import java.util.List;

/** Lagrange coefficients at an arbitrary point x for node indices (node i at x_i = i+1). */
final class Interpolation {
  private Interpolation() {}

  /** lambda_j(x) = prod_{m != j} (x - x_m) / (x_j - x_m), in the order of {@code nodes}. */
  static List<EcScalar> coefficientsAt(EcCurve curve, List<Integer> nodes, EcScalar x) {
    List<EcScalar> out = new ArrayList<>();
    for (int j : nodes) {
      EcScalar xj = EcLagrange.evaluationPoint(curve, j);
      EcScalar num = EcScalar.one(curve);
      EcScalar den = EcScalar.one(curve);
      for (int m : nodes) {
        if (m != j) {
          EcScalar xm = EcLagrange.evaluationPoint(curve, m);
          num = num.mul(x.sub(xm));
          den = den.mul(xj.sub(xm));
        }
      }
      out.add(num.mul(den.inverse()));
    }
    return out;
  }
}
