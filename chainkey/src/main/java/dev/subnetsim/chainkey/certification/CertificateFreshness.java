package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.certification.CertificateVerificationException.Reason;

/**
 * The freshness check agent-js makes on a verified certificate (its {@code /time} no older than a
 * maximum age, default 5 minutes, and no more than 5 minutes in the future), against a "now" the
 * caller passes in: virtual time in simulations, the clock of the live-mode gateway otherwise.
 * Kept apart from {@link CertificateVerifier} because chainkey reads no clock.
 */
public final class CertificateFreshness {
  private CertificateFreshness() {}

  public static final long FIVE_MINUTES_NANOS = 5L * 60 * 1_000_000_000L;

  /**
   * @throws CertificateVerificationException MISSING_TIME without a well-formed {@code /time},
   *     TIME_OUT_OF_RANGE if it is older than {@code maxAgeNanos} or more than
   *     {@code maxFutureNanos} ahead of {@code nowNanos}
   */
  public static void check(Certificate cert, long nowNanos, long maxAgeNanos, long maxFutureNanos)
      throws CertificateVerificationException {
    if (cert.time().isEmpty()) {
      throw new CertificateVerificationException(Reason.MISSING_TIME, "certificate has no well-formed /time");
    }
    long t = cert.time().getAsLong();
    if (Long.compareUnsigned(t, nowNanos - maxAgeNanos) < 0) {
      throw new CertificateVerificationException(Reason.TIME_OUT_OF_RANGE,
          "certificate time " + Long.toUnsignedString(t) + " is more than " + maxAgeNanos + " ns before now " + nowNanos);
    }
    if (Long.compareUnsigned(t, nowNanos + maxFutureNanos) > 0) {
      throw new CertificateVerificationException(Reason.TIME_OUT_OF_RANGE,
          "certificate time " + Long.toUnsignedString(t) + " is more than " + maxFutureNanos + " ns after now " + nowNanos);
    }
  }

  /** With agent-js's defaults: 5 minutes either way. */
  public static void check(Certificate cert, long nowNanos) throws CertificateVerificationException {
    check(cert, nowNanos, FIVE_MINUTES_NANOS, FIVE_MINUTES_NANOS);
  }
}
