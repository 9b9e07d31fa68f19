package dev.subnetsim.scenarios.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Runs the same scenario several times (e.g. with 1, 2 and 4 dispatcher threads) and compares the
 * trace hashes: the run is reproducible only if all are equal. This is how nondeterminism in a
 * replica logic (a shared counter, the wall clock, hash-ordered iteration) is caught.
 */
public final class ReplayCheck {
  private ReplayCheck() {}

  /** The hashes of each run, in the order of {@code threadCounts}. */
  public record Report(List<Integer> threadCounts, List<String> traceHashes) {
    public boolean deterministic() {
      return traceHashes.stream().distinct().count() == 1;
    }
  }

  /**
   * @param configForThreads builds a fresh config (fresh checkers) for a dispatcher thread count
   */
  public static Report run(IntFunction<SimulationConfig> configForThreads, int... threadCounts) {
    List<Integer> counts = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (int threads : threadCounts) {
      counts.add(threads);
      hashes.add(SimulationDriver.run(configForThreads.apply(threads)).traceHash());
    }
    return new Report(counts, hashes);
  }
}
