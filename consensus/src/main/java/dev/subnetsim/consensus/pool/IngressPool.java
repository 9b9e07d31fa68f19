package dev.subnetsim.consensus.pool;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.artifacts.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ingress messages waiting to be included in a block, in arrival order (which is deterministic:
 * the driver's canonical order). A message leaves the pool when a block holding it is finalized.
 */
public final class IngressPool {
  /** Bound on waiting messages; beyond it new ones are dropped (back-pressure). */
  static final int CAPACITY = 10_000;
  private final LinkedHashMap<Bytes, byte[]> pending = new LinkedHashMap<>();

  /**
   * Adds a message; false when it is known or the pool is full. The pool keeps {@code message}
   * itself, not a copy: a gossiped item reaches every simulated replica of a subnet as one array
   * that nobody modifies, and a copy per replica multiplies the largest items (dealings of tens of
   * kilobytes) by the subnet's size.
   */
  public boolean add(byte[] message) {
    Bytes key = Bytes.of(ConsensusPool.sha256(message));
    if (pending.containsKey(key) || pending.size() >= CAPACITY) {
      return false;
    }
    pending.put(key, message);
    return true;
  }

  public int size() {
    return pending.size();
  }

  /** Removes one message, if present. */
  public void remove(byte[] message) {
    pending.remove(Bytes.of(ConsensusPool.sha256(message)));
  }

  /** Removes the messages of a finalized block. */
  public void finalized(Block block) {
    for (byte[] m : block.ingress()) {
      pending.remove(Bytes.of(ConsensusPool.sha256(m)));
    }
  }

  /**
   * Up to {@code max} messages not already in the unfinalized chain ending at the parent block.
   */
  public List<byte[]> select(ConsensusPool pool, byte[] parentHash, long parentHeight, int max) {
    Set<Bytes> inChain = new TreeSet<>(); // contains() only; no hash-ordered sets in consensus
    byte[] hash = parentHash;
    for (long h = parentHeight; h > pool.finalizedHeight && hash != null; h--) {
      Block b = pool.block(h, hash).orElse(null);
      if (b == null) {
        break;
      }
      b.ingress().forEach(m -> inChain.add(Bytes.of(ConsensusPool.sha256(m))));
      hash = b.parentHash();
    }
    List<byte[]> out = new ArrayList<>();
    for (var e : pending.entrySet()) {
      if (out.size() >= max) {
        break;
      }
      if (!inChain.contains(e.getKey())) {
        out.add(e.getValue().clone());
      }
    }
    return out;
  }
}
