package dev.subnetsim.chainkey.certification;

/** A DER public key (IC BLS root/subnet key, canister-signature key) has the wrong prefix, OID or length. */
public final class MalformedDerKeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public MalformedDerKeyException(String message) {
    super(message);
  }
}
