package dev.subnetsim.consensus.artifacts;

import dev.subnetsim.consensus.wire.WireWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A block: height, parent hash, the proposer's rank, the block time the proposer stamped (virtual
 * nanoseconds, never before its parent's, like the IC's {@code ValidationContext.time}) and the
 * payload (opaque items the replica's execution interprets) and the consensus DKG items (signed
 * dealings and complaints, {@code dev.subnetsim.consensus.dkg}). Its hash is SHA-256 of its
 * canonical encoding.
 */
public record Block(long height, byte[] parentHash, int rank, int proposer, long timeNanos,
    List<byte[]> ingress, List<byte[]> dkg) {

  public Block {
    parentHash = parentHash.clone();
    ingress = copy(ingress);
    dkg = copy(dkg);
  }

  /** A block without DKG items. */
  public Block(long height, byte[] parentHash, int rank, int proposer, long timeNanos,
      List<byte[]> ingress) {
    this(height, parentHash, rank, proposer, timeNanos, ingress, List.of());
  }

  private static List<byte[]> copy(List<byte[]> items) {
    List<byte[]> copy = new ArrayList<>();
    items.forEach(m -> copy.add(m.clone()));
    return List.copyOf(copy);
  }

  public void encode(WireWriter w) {
    w.u64(height).bytes(parentHash).u32(rank).u32(proposer).u64(timeNanos).u32(ingress.size());
    ingress.forEach(w::bytes);
    w.u32(dkg.size());
    dkg.forEach(w::bytes);
  }

  public byte[] hash() {
    WireWriter w = new WireWriter();
    encode(w);
    try {
      return MessageDigest.getInstance("SHA-256").digest(w.toBytes());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Block b && Arrays.equals(hash(), b.hash());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hash());
  }

  @Override
  public String toString() {
    return "Block[h=" + height + " rank=" + rank + " proposer=" + proposer + " ingress="
        + ingress.size() + " dkg=" + dkg.size() + "]";
  }
}
