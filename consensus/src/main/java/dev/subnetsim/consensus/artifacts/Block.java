package dev.subnetsim.consensus.artifacts;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bytes.Bytes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A block: height, parent hash, the proposer's rank, the block time the proposer stamped (virtual
 * nanoseconds, never before its parent's, like the IC's {@code ValidationContext.time}) and the
 * payload (opaque items the replica's execution interprets), the consensus DKG items (signed
 * dealings and complaints, {@code dev.subnetsim.consensus.dkg}) and, in the first block of a DKG
 * interval (a summary block), the interval's DKG summary ({@code IntervalSummary}; empty in other
 * blocks). Its hash is SHA-256 of its canonical encoding.
 *
 * <p>Immutable, with record-style accessors. Not a record because the hash is computed once at
 * construction: a block with a DKG payload is hundreds of kilobytes on a 34-node subnet and its
 * hash is asked for on every relayed copy, every vote and every pool lookup.
 */
public final class Block {
  private final long height;
  private final byte[] parentHash;
  private final int rank;
  private final int proposer;
  private final long timeNanos;
  private final List<byte[]> ingress;
  private final List<byte[]> dkg;
  private final byte[] dkgSummary;
  private final Bytes hash;

  public Block(long height, byte[] parentHash, int rank, int proposer, long timeNanos,
      List<byte[]> ingress, List<byte[]> dkg, byte[] dkgSummary) {
    this.height = height;
    this.parentHash = parentHash.clone();
    this.rank = rank;
    this.proposer = proposer;
    this.timeNanos = timeNanos;
    this.ingress = copy(ingress);
    this.dkg = copy(dkg);
    this.dkgSummary = dkgSummary.clone();
    BigEndianWriter w = new BigEndianWriter();
    encode(w);
    try {
      this.hash = Bytes.of(MessageDigest.getInstance("SHA-256").digest(w.toBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A block that is not a summary block. */
  public Block(long height, byte[] parentHash, int rank, int proposer, long timeNanos,
      List<byte[]> ingress, List<byte[]> dkg) {
    this(height, parentHash, rank, proposer, timeNanos, ingress, dkg, new byte[0]);
  }

  /** A block without DKG items. */
  public Block(long height, byte[] parentHash, int rank, int proposer, long timeNanos,
      List<byte[]> ingress) {
    this(height, parentHash, rank, proposer, timeNanos, ingress, List.of());
  }

  private static List<byte[]> copy(List<byte[]> items) {
    List<byte[]> copy = new ArrayList<>(items.size());
    items.forEach(m -> copy.add(m.clone()));
    return List.copyOf(copy);
  }

  public long height() {
    return height;
  }

  public byte[] parentHash() {
    return parentHash;
  }

  public int rank() {
    return rank;
  }

  public int proposer() {
    return proposer;
  }

  public long timeNanos() {
    return timeNanos;
  }

  public List<byte[]> ingress() {
    return ingress;
  }

  public List<byte[]> dkg() {
    return dkg;
  }

  /** The interval's DKG summary in a summary block; empty otherwise. */
  public byte[] dkgSummary() {
    return dkgSummary.clone();
  }

  public void encode(BigEndianWriter w) {
    w.u64(height).lengthPrefixed(parentHash).u32(rank).u32(proposer).u64(timeNanos)
        .u32(ingress.size());
    ingress.forEach(w::lengthPrefixed);
    w.u32(dkg.size());
    dkg.forEach(w::lengthPrefixed);
    w.lengthPrefixed(dkgSummary);
  }

  /** SHA-256 of the canonical encoding (a copy). */
  public byte[] hash() {
    return hash.toArray();
  }

  /** The hash as a value: the block's identity, the key of the pool's maps by block. */
  public Bytes id() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Block b && hash.equals(b.hash);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "Block[h=" + height + " rank=" + rank + " proposer=" + proposer + " ingress="
        + ingress.size() + " dkg=" + dkg.size() + "]";
  }
}
