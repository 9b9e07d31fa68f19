package dev.subnetsim.replica.ingress;

/** An ingress message a replica must not accept, with the reason (answered as HTTP 400/403). */
public final class InvalidIngressException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean expired;

  public InvalidIngressException(String reason) {
    this(reason, false);
  }

  private InvalidIngressException(String reason, boolean expired) {
    super(reason);
    this.expired = expired;
  }

  /** Outside its expiry window: valid or not depending on when it is looked at, not forged. */
  public static InvalidIngressException expiry(String reason) {
    return new InvalidIngressException(reason, true);
  }

  public boolean expired() {
    return expired;
  }
}
