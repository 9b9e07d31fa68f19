package dev.subnetsim.replica.candid;

/**
 * A value of a Candid variant: the case's name and its value ({@code null} for a case of type
 * {@code null}, as in {@code variant { secp256k1 }}).
 */
public record CandidVariant(String tag, Object value) {
  /** A case without data. */
  public static CandidVariant of(String tag) {
    return new CandidVariant(tag, null);
  }
}
