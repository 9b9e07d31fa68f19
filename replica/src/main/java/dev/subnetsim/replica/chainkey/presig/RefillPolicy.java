package dev.subnetsim.replica.chainkey.presig;

/**
 * How a signing subnet keeps its presignature stashes: each key's stash is refilled in the
 * background through consensus to its target size (the stash size), with at most {@code inFlight}
 * presignatures of a key being made at once. With {@code prefill} the setup ceremony also fills
 * the genesis key holder's stash before the first block (a warm start, as a subnet that has been
 * running a while; a reshare target's stash always starts empty);
 * without it the stash starts empty and requests wait in the queue until presignatures exist.
 */
public record RefillPolicy(boolean prefill, int inFlight) {
  public static final RefillPolicy DEFAULT = new RefillPolicy(true, 8);

  public RefillPolicy {
    if (inFlight < 1) {
      throw new IllegalArgumentException("presignatures in flight must be >= 1, got " + inFlight);
    }
  }
}
