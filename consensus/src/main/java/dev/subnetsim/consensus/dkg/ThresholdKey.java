package dev.subnetsim.consensus.dkg;

/** The two threshold keys a subnet reshares every DKG interval. */
public enum ThresholdKey {
  /** The low-threshold (f+1) key of the random beacon. */
  BEACON,
  /** The high-threshold (n-f) key of state certification. */
  CERTIFICATION;

  static ThresholdKey fromTag(int tag) {
    if (tag < 0 || tag >= values().length) {
      throw new IllegalArgumentException("unknown threshold key tag " + tag);
    }
    return values()[tag];
  }
}
