package dev.subnetsim.replica.ingress;

/** An ingress message a replica must not accept, with the reason (answered as HTTP 400/403). */
public final class InvalidIngressException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidIngressException(String reason) {
    super(reason);
  }
}
