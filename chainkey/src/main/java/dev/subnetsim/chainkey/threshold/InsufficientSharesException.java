package dev.subnetsim.chainkey.threshold;

import java.util.List;

/**
 * Fewer (valid) shares than the threshold. {@link #invalidIndices()} lists the node indices whose
 * shares were dropped as invalid, so the caller can still attribute the failure.
 */
public final class InsufficientSharesException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int threshold;
  private final int available;
  private final List<Integer> invalidIndices;

  public InsufficientSharesException(int threshold, int available, List<Integer> invalidIndices) {
    super(
        "need " + threshold + " shares, have " + available + " valid"
            + (invalidIndices.isEmpty() ? "" : " (invalid shares from node indices " + invalidIndices + ")"));
    this.threshold = threshold;
    this.available = available;
    this.invalidIndices = List.copyOf(invalidIndices);
  }

  public int threshold() {
    return threshold;
  }

  public int available() {
    return available;
  }

  public List<Integer> invalidIndices() {
    return invalidIndices;
  }
}
