package dev.subnetsim.app.session;

/**
 * How far a served simulation's virtual time may run, and which Unix time its virtual time 0 is.
 * Live: virtual time follows the wall clock from the start. Manual: it moves only by
 * {@link #advance}. Outside the simulated world: the driver only ever asks it how far it may go.
 */
public final class LiveClock {
  private final long epochNanos;
  private boolean manual;
  /** Live mode: virtual time {@code liveBaseNanos} was reached at wall time {@code liveWallNanos}. */
  private long liveBaseNanos;
  private long liveWallNanos;
  private long manualNanos;

  private LiveClock(long epochNanos, boolean manual) {
    this.epochNanos = epochNanos;
    this.manual = manual;
    this.liveWallNanos = System.nanoTime();
  }

  /** Virtual time follows the wall clock; virtual 0 is Unix time {@code epochNanos}. */
  public static LiveClock live(long epochNanos) {
    return new LiveClock(epochNanos, false);
  }

  /** Virtual time moves only when advanced; virtual 0 is Unix time {@code epochNanos}. */
  public static LiveClock manual(long epochNanos) {
    return new LiveClock(epochNanos, true);
  }

  /** The current wall clock as Unix nanoseconds (the default anchor). */
  public static long wallUnixNanos() {
    return System.currentTimeMillis() * 1_000_000L;
  }

  public synchronized boolean isManual() {
    return manual;
  }

  public long epochNanos() {
    return epochNanos;
  }

  /** The virtual time up to which the simulation may run now. */
  public synchronized long allowedNanos() {
    return manual ? manualNanos : liveBaseNanos + System.nanoTime() - liveWallNanos;
  }

  /**
   * Auto-progress on: virtual time follows the wall clock again from where it stands (no jump);
   * off: it stands at what was allowed until advanced.
   */
  public synchronized void autoProgress(boolean on) {
    if (on == !manual) {
      return;
    }
    if (on) {
      liveBaseNanos = manualNanos;
      liveWallNanos = System.nanoTime();
    } else {
      manualNanos = liveBaseNanos + System.nanoTime() - liveWallNanos;
    }
    manual = !on;
  }

  /** Manual mode: lets virtual time run {@code nanos} further; returns the new allowance. */
  public synchronized long advance(long nanos) {
    if (!manual) {
      throw new IllegalStateException("virtual time follows the wall clock (auto-progress is on)");
    }
    if (nanos < 0) {
      throw new IllegalArgumentException("time moves forward only: " + nanos);
    }
    manualNanos = Math.addExact(manualNanos, nanos);
    return manualNanos;
  }
}
