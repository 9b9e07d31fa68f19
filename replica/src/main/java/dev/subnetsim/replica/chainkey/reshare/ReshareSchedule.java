package dev.subnetsim.replica.chainkey.reshare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry's resharing decisions for a run: at block time {@code atNanos} the {@code source}
 * subnet (which holds the keys from its genesis ceremony) starts resharing {@code keys} to the
 * {@code target} subnet's nodes. Reshares are numbered in schedule order.
 */
public record ReshareSchedule(List<Reshare> reshares) {
  public static final ReshareSchedule NONE = new ReshareSchedule(List.of());

  /** One reshare. */
  public record Reshare(int index, long atNanos, String source, String target,
      List<ReshareKey> keys) {
    public Reshare {
      keys = List.copyOf(keys);
    }

    public List<String> keyIds() {
      List<String> ids = new ArrayList<>();
      keys.forEach(k -> ids.addAll(k.keyIds()));
      return ids;
    }

    /** The id both committees bind into the reshare's dealings of {@code keyId}. */
    public String transcriptId(String keyId) {
      return "reshare/" + index + "/" + source + "->" + target + "/" + keyId;
    }
  }

  public ReshareSchedule {
    reshares = List.copyOf(reshares);
    for (int i = 0; i < reshares.size(); i++) {
      if (reshares.get(i).index() != i) {
        throw new IllegalArgumentException("reshares must be numbered 0, 1, ... in order");
      }
    }
  }

  public Optional<Reshare> get(int index) {
    return index >= 0 && index < reshares.size() ? Optional.of(reshares.get(index))
        : Optional.empty();
  }

  public List<Reshare> from(String source) {
    return reshares.stream().filter(r -> r.source().equals(source)).toList();
  }

  public boolean targets(String subnet) {
    return reshares.stream().anyMatch(r -> r.target().equals(subnet));
  }

  /** Every subnet keys are reshared to, in schedule order, once each. */
  public List<String> targets() {
    return reshares.stream().map(Reshare::target).distinct().toList();
  }
}
