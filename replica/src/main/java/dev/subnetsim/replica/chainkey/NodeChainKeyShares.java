package dev.subnetsim.replica.chainkey;

import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcSecretShare;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** One replica's secret shares of its subnet's chain keys (its "crypto component"). */
public record NodeChainKeyShares(int index, Scalar vetKdShare, Map<EcCurve, EcSecretShare> ecdhShares,
    EcSecretShare documentShare, SigningKeys.Node signing) {

  public NodeChainKeyShares {
    ecdhShares = Collections.unmodifiableMap(new EnumMap<>(ecdhShares));
  }

  @Override
  public String toString() {
    return "NodeChainKeyShares[index=" + index + ", <secret shares>]";
  }
}
