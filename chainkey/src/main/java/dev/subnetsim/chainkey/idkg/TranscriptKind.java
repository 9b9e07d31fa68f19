package dev.subnetsim.chainkey.idkg;

/**
 * The five IDKG transcript kinds (dfinity/ic rs/consensus/src/idkg/spec.md; eprint 2022/506 section
 * 5) and the kind of commitment each produces.
 */
public enum TranscriptKind {
  /** A fresh random secret, Pedersen-committed (masked). */
  RANDOM(true),
  /** A fresh random secret, Feldman-committed (unmasked): its public key is known. */
  RANDOM_UNMASKED(false),
  /** A masked secret reshared to an unmasked one (reveals its public key). */
  RESHARE_OF_MASKED(false),
  /** An unmasked secret reshared (possibly to another committee); public key unchanged. */
  RESHARE_OF_UNMASKED(false),
  /** The product of an unmasked and a masked secret, masked. */
  UNMASKED_TIMES_MASKED(true);

  private final boolean masked;

  TranscriptKind(boolean masked) {
    this.masked = masked;
  }

  /** Whether transcripts of this kind carry a Pedersen (hiding) commitment. */
  public boolean masked() {
    return masked;
  }
}
