package dev.subnetsim.chainkey.bls12381;

/** Thrown when bytes are not the canonical 32-byte big-endian encoding of an element of Fr. */
public final class MalformedScalarException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public MalformedScalarException(String message) {
    super(message);
  }
}
