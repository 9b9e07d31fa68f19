package dev.subnetsim.consensus.dkg;

/**
 * The DKG's calendar: epoch e is heights (e*I, (e+1)*I] for the DKG interval I; its first height
 * is a summary height and its first ceil(I/2) heights are the dealing window. Without a DKG
 * ({@code enabled} false) every height is in epoch 0 and none is a summary height.
 */
record DkgSchedule(long interval, boolean enabled) {

  long epochOf(long height) {
    return enabled && height > 0 ? (height - 1) / interval : 0;
  }

  /** The last height of epoch e. */
  long lastHeight(long epoch) {
    return (epoch + 1) * interval;
  }

  /** The last height of epoch e whose blocks may include dealings: the window is ceil(I/2). */
  long lastDealingHeight(long epoch) {
    return epoch * interval + (interval + 1) / 2;
  }

  /** Whether {@code height} is the first of a DKG interval, whose block is a summary block. */
  boolean isSummaryHeight(long height) {
    return enabled && height > 0 && (height - 1) % interval == 0;
  }
}
