package dev.subnetsim.chainkey.ecdh;

import java.util.SortedSet;

/**
 * Fewer than threshold valid shares: the message and {@link #rejectedNodes()} name every node
 * whose share failed verification (or claimed an index that holds no key share).
 */
public final class NotEnoughValidSharesException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient SortedSet<Integer> rejectedNodes;

  public NotEnoughValidSharesException(int valid, int threshold, SortedSet<Integer> rejectedNodes) {
    super("need " + threshold + " valid shares, got " + valid + "; rejected shares from nodes " + rejectedNodes);
    this.rejectedNodes = rejectedNodes;
  }

  public SortedSet<Integer> rejectedNodes() {
    return rejectedNodes;
  }
}
