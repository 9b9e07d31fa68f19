package dev.subnetsim.app.run;

/**
 * Elapsed wall time of a job, for the {@code wall_seconds} and sim-s-per-wall-s figures only.
 * Besides this, only {@code app.gateway} reads the machine clock (a served, live run follows it by
 * design); no simulated run ever depends on it.
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
