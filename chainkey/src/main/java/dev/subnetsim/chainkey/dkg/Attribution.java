package dev.subnetsim.chainkey.dkg;

import java.util.Comparator;
import java.util.Objects;

/**
 * A party blamed while building a transcript, with the evidence's origin: for {@link
 * Kind#UPHELD_COMPLAINT} the accused is the dealer and the reporter the complaining receiver; for
 * {@link Kind#FALSE_COMPLAINT} the accused is the receiver and the reporter the dealer it accused;
 * for the dealing kinds the reporter is 0 (unused).
 */
public record Attribution(Kind kind, int accused, int reporter) implements Comparable<Attribution> {

  /** Why a party is blamed. Codes are the encoding's kind byte. */
  public enum Kind {
    /** The dealer's dealing failed public verification ({@link DealingValidator}). */
    INVALID_DEALING(1),
    /** The dealer sent two different dealings. */
    DUPLICATE_DEALING(2),
    /** A receiver proved that the dealer gave it a share that does not match the commitment. */
    UPHELD_COMPLAINT(3),
    /** A receiver complained about a valid share or with a forged DH key. */
    FALSE_COMPLAINT(4);

    final int code;

    Kind(int code) {
      this.code = code;
    }

    static Kind fromCode(int code) {
      for (Kind k : values()) {
        if (k.code == code) {
          return k;
        }
      }
      return null;
    }
  }

  private static final Comparator<Attribution> ORDER =
      Comparator.comparingInt(Attribution::accused)
          .thenComparing(Attribution::kind)
          .thenComparingInt(Attribution::reporter);

  public Attribution {
    Objects.requireNonNull(kind, "kind");
    if (accused < 0 || reporter < 0) {
      throw new IllegalArgumentException("indices must be non-negative");
    }
  }

  /** True iff this blames a dealer (whose dealing is then excluded). */
  public boolean blamesDealer() {
    return kind != Kind.FALSE_COMPLAINT;
  }

  @Override
  public int compareTo(Attribution o) {
    return ORDER.compare(this, o);
  }
}
