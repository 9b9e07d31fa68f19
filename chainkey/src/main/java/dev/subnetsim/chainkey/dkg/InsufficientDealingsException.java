package dev.subnetsim.chainkey.dkg;

import java.util.List;

/**
 * Fewer valid, uncontested dealings than the collection threshold. {@link #attributions()} says
 * who was excluded and why, so the caller can still punish and retry.
 */
public final class InsufficientDealingsException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final int needed;
  private final int available;
  private final List<Attribution> attributions;

  public InsufficientDealingsException(int needed, int available, List<Attribution> attributions) {
    super("need " + needed + " valid dealings, have " + available
        + (attributions.isEmpty() ? "" : " (attributions: " + attributions + ")"));
    this.needed = needed;
    this.available = available;
    this.attributions = List.copyOf(attributions);
  }

  public int needed() {
    return needed;
  }

  public int available() {
    return available;
  }

  public List<Attribution> attributions() {
    return attributions;
  }
}
