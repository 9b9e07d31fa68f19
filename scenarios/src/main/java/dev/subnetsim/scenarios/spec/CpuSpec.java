package dev.subnetsim.scenarios.spec;

/**
 * Every node's virtual CPU ({@code cpu:} in a scenario): {@code cores} cores and the cost table
 * its work is priced with: {@code reference} (the table shipped with the simulator, measured by
 * JMH), {@code none} (crypto and execution take no virtual time) or a table file's path, resolved
 * against the scenario file's folder when the file is read.
 */
public record CpuSpec(int cores, String costs) {
  /** The default: {@value #DEFAULT_CORES} cores priced by the reference table. */
  public static final int DEFAULT_CORES = 8;

  public static final String REFERENCE = "reference";
  public static final String NONE = "none";

  public CpuSpec {
    if (cores < 1) {
      throw new IllegalArgumentException("cores must be >= 1, not " + cores);
    }
    if (costs == null || costs.isBlank()) {
      throw new IllegalArgumentException("costs must name a table");
    }
  }

  public static CpuSpec defaults() {
    return new CpuSpec(DEFAULT_CORES, REFERENCE);
  }
}
