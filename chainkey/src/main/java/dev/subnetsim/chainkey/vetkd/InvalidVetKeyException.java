package dev.subnetsim.chainkey.vetkd;

/**
 * An encrypted vetKey that does not decrypt to a valid BLS signature under the derived public key
 * (tampered ciphertext, wrong transport key, wrong derived key or input) — the Java counterpart
 * of {@code Error("Invalid VetKey")} in {@code @dfinity/vetkeys}.
 */
public final class InvalidVetKeyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidVetKeyException(String message) {
    super(message);
  }
}
