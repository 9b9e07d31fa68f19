package dev.subnetsim.chainkey.threshold;

/**
 * The thresholds of a subnet of n nodes tolerating f = floor((n-1)/3) Byzantine ones (n &gt;= 3f+1):
 * low = f+1 (random beacon: f+1 shares include one honest node's, so the beacon is unpredictable
 * to a coalition of f) and high = n-f (certification: two quorums of n-f intersect in an honest
 * node). For n = 3f+1, n-f = 2f+1.
 */
public final class Thresholds {
  private Thresholds() {}

  /** f = floor((n-1)/3). */
  public static int faultsTolerated(int n) {
    checkCommitteeSize(n);
    return (n - 1) / 3;
  }

  /** f+1. */
  public static int low(int n) {
    return faultsTolerated(n) + 1;
  }

  /** n-f. */
  public static int high(int n) {
    return n - faultsTolerated(n);
  }

  /**
   * Validates a (threshold, n) pair.
   *
   * @throws IllegalArgumentException unless 1 &lt;= threshold &lt;= n
   */
  public static void check(int threshold, int n) {
    checkCommitteeSize(n);
    if (threshold < 1 || threshold > n) {
      throw new IllegalArgumentException(
          "threshold must be in [1, n] = [1, " + n + "], got " + threshold);
    }
  }

  private static void checkCommitteeSize(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("committee size must be at least 1, got " + n);
    }
  }
}
