package dev.subnetsim.consensus.byzantine;

import dev.subnetsim.consensus.types.MessageKind;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * How an {@link ByzantineBehaviour#ARBITRARY} node lies: the probability that it tampers with each
 * message it sends, the message kinds it tampers with (empty: every kind), its own seeded
 * randomness, and, as a block maker, where its bad payload items come from (payload items are
 * opaque to consensus; the replica layer knows their formats).
 */
public record AdversaryPlan(double probability, Set<MessageKind> kinds, RandomGenerator random,
    Function<RandomGenerator, byte[]> badPayloadItem) {

  public AdversaryPlan {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
    }
    kinds = Set.copyOf(kinds);
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(badPayloadItem, "badPayloadItem");
  }

  /** Whether this message, of {@code kind}, is one to tamper with (draws from the randomness). */
  public boolean strikes(MessageKind kind) {
    return (kinds.isEmpty() || kinds.contains(kind)) && random.nextDouble() < probability;
  }
}
