package dev.subnetsim.replica.consensus;

import dev.subnetsim.consensus.catchup.CatchUpPackage;

/**
 * What survives a replica's crash (its "disk"): the latest catch-up package it made or adopted and
 * the state at that height. Owned by the factory, which outlives the replica's logic.
 */
public final class DurableStore {
  /** A CUP and the encoded state it certifies. */
  public record Checkpoint(CatchUpPackage cup, byte[] state) {}

  private Checkpoint latest;

  public synchronized Checkpoint latest() {
    return latest;
  }

  public synchronized void save(Checkpoint checkpoint) {
    if (latest == null || checkpoint.cup().height() > latest.cup().height()) {
      latest = checkpoint;
    }
  }
}
