package dev.subnetsim.chainkey.certification;

/** CBOR input (a certificate, hash tree, canister signature, range list) is malformed; the message says where and what. */
public final class MalformedCborException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public MalformedCborException(String message) {
    super(message);
  }
}
