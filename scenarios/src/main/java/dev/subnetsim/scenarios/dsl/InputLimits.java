package dev.subnetsim.scenarios.dsl;

/**
 * Upper bounds of scenario values, stated in scenarios/README.md's field tables. They keep a run
 * inside what the engine can hold and finish (times fit a long with room for sums, precomputed
 * request clients fit the heap) and turn absurd values into an exit-2 error instead of a crash.
 */
final class InputLimits {
  static final long SECOND = 1_000_000_000L;
  static final long MINUTE = 60 * SECOND;
  static final long HOUR = 60 * MINUTE;

  /** {@code duration}, fault times, pause lengths and link-fault ends. */
  static final long MAX_DURATION = 24 * HOUR;
  /** Consensus delays. */
  static final long MAX_CONSENSUS_DELAY = 10 * MINUTE;
  /** Every latency value: the models, the region matrix, a link fault's extra delay. */
  static final long MAX_LATENCY = MINUTE;
  /** A clock's offset either way. */
  static final long MAX_SKEW = HOUR;
  static final double MAX_SIGMA = 10;
  /** Bandwidth between 1 kbit/s and 1 Tbit/s, in bytes per second. */
  static final double MIN_BYTES_PER_SECOND = 125;
  static final double MAX_BYTES_PER_SECOND = 1.25e11;
  /** Plain ingress is generated as the run goes, so only the rate is bounded. */
  static final double MAX_INGRESS_RATE = 100_000;
  static final double MAX_REQUEST_RATE = 10_000;
  static final double MAX_STORY_RATE = 100;
  /**
   * Chain-key requests (all streams) and canister stories expected over the run: every request's
   * client is kept to check its reply, and stories (with their users' keys) are made before the
   * run starts.
   */
  static final double MAX_REQUESTS = 100_000;
  static final double MAX_STORIES = 100_000;
  /** Node indices in selectors (subnets have at most 100 nodes). */
  static final int MAX_NODE_INDEX = 999;
  static final long MAX_HEIGHT = 1_000_000_000L;

  private InputLimits() {}
}
