package dev.subnetsim.chainkey.certification;

/** A certificate (or a canister signature built on one) does not verify; {@link #reason()} says which check failed. */
public final class CertificateVerificationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The check that failed. */
  public enum Reason {
    MALFORMED,
    MISSING_TIME,
    TIME_OUT_OF_RANGE,
    INVALID_SIGNATURE,
    NESTED_DELEGATION,
    INVALID_DELEGATION,
    MISSING_SUBNET_KEY,
    MISSING_CANISTER_RANGES,
    CANISTER_NOT_IN_RANGES,
    MISSING_CERTIFIED_DATA,
    CERTIFIED_DATA_MISMATCH,
    SIGNATURE_NOT_IN_TREE,
  }

  private final Reason reason;

  public CertificateVerificationException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public CertificateVerificationException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
