package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * The second generator H of Pedersen commitments a*G + b*H, per curve: hashed to the curve from a
 * public seed (the curve's name), so nobody knows log_G(H) and a Pedersen commitment hides a and
 * binds its opener (eprint 2022/506, section 4 "commitments").
 */
public final class PedersenGenerator {
  private static final Map<EcCurve, EcPoint> H = new EnumMap<>(EcCurve.class);

  static {
    for (EcCurve curve : EcCurve.values()) {
      // A comb table: every commitment, opening check and proof multiplies H.
      H.put(curve, EcPoint.hashToPoint(curve, DomainSeparators.IDKG_PEDERSEN_H,
          curve.logName().getBytes(StandardCharsets.UTF_8)).withFixedBaseTable());
    }
  }

  private PedersenGenerator() {}

  public static EcPoint h(EcCurve curve) {
    return H.get(curve);
  }

  /** value*G + mask*H. */
  public static EcPoint commit(dev.subnetsim.chainkey.ec.EcScalar value,
      dev.subnetsim.chainkey.ec.EcScalar mask) {
    return EcPoint.mulAdd(value, value.curve().generator(), mask, h(value.curve()));
  }
}
