package dev.subnetsim.replica.byzantine;

import dev.subnetsim.consensus.types.MessageKind;
import java.util.Set;

/**
 * A scenario's settings for one {@code arbitrary} node: the probability that it tampers with each
 * message it sends and the message kinds it tampers with (empty: every {@link MessageKind}).
 */
public record ArbitrarySettings(double probability, Set<MessageKind> kinds) {
  /** One message in ten, of every kind. */
  public static final ArbitrarySettings DEFAULT = new ArbitrarySettings(0.1, Set.of());

  public ArbitrarySettings {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
    }
    kinds = Set.copyOf(kinds);
  }
}
