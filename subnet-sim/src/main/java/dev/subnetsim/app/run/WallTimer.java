package dev.subnetsim.app.run;

/**
 * Elapsed wall time of a job, for the {@code wall_seconds} and sim-s-per-wall-s figures only.
 * Besides this, the machine clock is read only where waiting is wall time by nature: a served run
 * ({@code app.session.LiveClock} in live mode, the gateway's synchronous-call wait) and cluster
 * formation before a run ({@code ClusterMember.awaitWorkers}); no simulated run depends on it.
 */
public final class WallTimer {
  private final long start = System.nanoTime();

  public static WallTimer start() {
    return new WallTimer();
  }

  public double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
