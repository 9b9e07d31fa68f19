package dev.subnetsim.app.gateway;

/**
 * How far a served simulation's virtual time may run, and which Unix time its virtual time 0 is.
 * Live: virtual time follows the wall clock from the start. Manual: it moves only by
 * {@link #advance}. Outside the simulated world: the driver only ever asks it how far it may go.
 */
final class LiveClock {
  private final long epochNanos;
  private final boolean manual;
  private final long startWallNanos;
  private long manualNanos;

  private LiveClock(long epochNanos, boolean manual) {
    this.epochNanos = epochNanos;
    this.manual = manual;
    this.startWallNanos = System.nanoTime();
  }

  /** Virtual time follows the wall clock; virtual 0 is Unix time {@code epochNanos}. */
  static LiveClock live(long epochNanos) {
    return new LiveClock(epochNanos, false);
  }

  /** Virtual time moves only when advanced; virtual 0 is Unix time {@code epochNanos}. */
  static LiveClock manual(long epochNanos) {
    return new LiveClock(epochNanos, true);
  }

  /** The current wall clock as Unix nanoseconds (the default anchor). */
  static long wallUnixNanos() {
    return System.currentTimeMillis() * 1_000_000L;
  }

  boolean isManual() {
    return manual;
  }

  long epochNanos() {
    return epochNanos;
  }

  /** The virtual time up to which the simulation may run now. */
  synchronized long allowedNanos() {
    return manual ? manualNanos : System.nanoTime() - startWallNanos;
  }

  /** Manual mode: lets virtual time run {@code nanos} further; returns the new allowance. */
  synchronized long advance(long nanos) {
    if (!manual) {
      throw new IllegalStateException("virtual time follows the wall clock (not --manual-time)");
    }
    if (nanos < 0) {
      throw new IllegalArgumentException("time moves forward only: " + nanos);
    }
    manualNanos = Math.addExact(manualNanos, nanos);
    return manualNanos;
  }
}
