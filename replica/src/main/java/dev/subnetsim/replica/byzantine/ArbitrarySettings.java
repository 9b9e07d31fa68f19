package dev.subnetsim.replica.byzantine;

import java.util.Set;
import java.util.TreeSet;

/**
 * A scenario's settings for one {@code arbitrary} node: the probability that it tampers with each
 * message it sends and the message kinds it tampers with (empty: every kind).
 */
public record ArbitrarySettings(double probability, Set<String> kinds) {
  /** Every kind of message a replica sends, which an {@code arbitrary} node can tamper with. */
  public static final Set<String> KINDS = Set.copyOf(new TreeSet<>(java.util.List.of(
      "block-proposal", "dkg-item", "beacon-share", "random-beacon", "notarization-share",
      "notarization", "finalization-share", "finalization", "certification-share",
      "certification", "cup-share", "equivocation-proof", "cup-request", "cup-response",
      "ingress", "xnet-slice", "chainkey-share", "reshare-dealing", "presignature-dealing",
      "delegation-request", "delegation")));

  /** One message in ten, of every kind. */
  public static final ArbitrarySettings DEFAULT = new ArbitrarySettings(0.1, Set.of());

  public ArbitrarySettings {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
    }
    kinds = Set.copyOf(new TreeSet<>(kinds));
    for (String k : kinds) {
      if (!KINDS.contains(k)) {
        throw new IllegalArgumentException("unknown message kind '" + k + "'; known: "
            + new TreeSet<>(KINDS));
      }
    }
  }
}
