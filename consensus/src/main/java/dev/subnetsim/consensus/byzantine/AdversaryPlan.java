package dev.subnetsim.consensus.byzantine;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * How an {@link ByzantineBehaviour#ARBITRARY} node lies: the probability that it tampers with each
 * message it sends, the message kinds it tampers with (empty: every kind), its own seeded
 * randomness, and, as a block maker, where its bad payload items come from (payload items are
 * opaque to consensus; the replica layer knows their formats).
 */
public record AdversaryPlan(double probability, Set<String> kinds, RandomGenerator random,
    Function<RandomGenerator, byte[]> badPayloadItem) {

  public AdversaryPlan {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
    }
    kinds = Set.copyOf(new TreeSet<>(kinds));
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(badPayloadItem, "badPayloadItem");
  }

  /** Whether this message, of {@code kind}, is one to tamper with (draws from the randomness). */
  public boolean strikes(String kind) {
    return (kinds.isEmpty() || kinds.contains(kind)) && random.nextDouble() < probability;
  }
}
