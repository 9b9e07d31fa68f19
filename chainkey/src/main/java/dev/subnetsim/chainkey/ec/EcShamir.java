package dev.subnetsim.chainkey.ec;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Shamir secret sharing by a trusted dealer who knows the secret. The chain-key protocols never
 * do this with a master key (the IDKG transcripts produce {@link EcThresholdPublicKey} and
 * {@link EcSecretShare} without any party knowing x); it exists for per-request secrets, tests and
 * benchmarks, and callers that use it for a long-term key must say so.
 */
public final class EcShamir {
  private EcShamir() {}

  /** A dealt key: the public side and the shares of nodes 0..n-1. */
  public record Dealt(EcThresholdPublicKey publicKey, List<EcSecretShare> shares) {
    public Dealt {
      shares = List.copyOf(shares);
    }
  }

  /** Shares {@code secret} among nodes 0..n-1 with reconstruction threshold t. */
  public static Dealt deal(EcScalar secret, int threshold, int n, SecureRandom rng) {
    if (n < threshold) {
      throw new IllegalArgumentException("n = " + n + " is below the threshold " + threshold);
    }
    EcPolynomial poly = EcPolynomial.randomWithConstant(secret, threshold, rng);
    List<EcSecretShare> shares = new ArrayList<>();
    TreeMap<Integer, EcPoint> pubShares = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      EcSecretShare s = new EcSecretShare(i, poly.evaluateAtNode(i));
      shares.add(s);
      pubShares.put(i, s.publicShare());
    }
    EcThresholdPublicKey pk =
        new EcThresholdPublicKey(secret.curve(), threshold, EcPoint.mulGenerator(secret), pubShares);
    return new Dealt(pk, shares);
  }

  /** Reconstructs the secret from at least t shares (the caller checks there are enough). */
  public static EcScalar reconstruct(EcCurve curve, List<EcSecretShare> shares) {
    TreeMap<Integer, EcScalar> m = new TreeMap<>();
    for (EcSecretShare s : shares) {
      if (m.put(s.index(), s.scalar()) != null) {
        throw new IllegalArgumentException("duplicate share for node " + s.index());
      }
    }
    return EcLagrange.interpolateScalars(curve, m);
  }
}
