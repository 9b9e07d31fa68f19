package dev.subnetsim.replica.cpu;

import java.util.Map;

/**
 * A node's virtual CPU: {@code cores} cores and a cost per operation. A step's work takes its
 * priced cost divided by the cores (the work of a step spread evenly over them, as the IC's
 * crypto and execution thread pools do), rounded up to whole nanoseconds. The world serializes a
 * node's steps through its CPU: what a step sends leaves when the CPU is done with it and with
 * all the node's earlier work.
 *
 * <p>Simplified relative to a real node: a busy CPU delays what a node sends, not when it reads
 * what it receives (its state sees inputs on arrival); one queue serves consensus, chain keys and
 * execution alike (the IC runs them in separate thread pools); and only the operations of {@link
 * CpuOp} are charged (not decrypting a node's own shares from dealings, building transcripts,
 * certificate checks of streams and delegations, hashing).
 */
public record CpuModel(int cores, CpuCosts costs) {
  /** Crypto and execution take no virtual time. */
  public static final CpuModel NONE = new CpuModel(1, CpuCosts.none());

  public CpuModel {
    if (cores < 1) {
      throw new IllegalArgumentException("cores must be >= 1, not " + cores);
    }
  }

  /** Virtual nanoseconds {@code work} keeps this CPU busy. */
  public long nanos(Map<CpuOp, Long> work) {
    long total = 0;
    for (var e : work.entrySet()) {
      total = Math.addExact(total, Math.multiplyExact(costs.nanos(e.getKey()), e.getValue()));
    }
    return total == 0 ? 0 : (total + cores - 1) / cores;
  }
}
