package dev.subnetsim.chainkey.dkg;

/** The outcome of checking a complaint against the dealing it accuses. */
public enum ComplaintVerdict {
  /** The revealed share does not match the commitment: the dealer misbehaved. */
  UPHELD,
  /** The complaint names another dealer than the dealing's. */
  REJECTED_WRONG_DEALING,
  /** The complainer is not a receiver of the config. */
  REJECTED_UNKNOWN_RECEIVER,
  /** The DH key is not proven to be sk*R for the complainer's key: a forged opening. */
  REJECTED_BAD_PROOF,
  /** The revealed share matches the commitment: a false complaint by the receiver. */
  REJECTED_SHARE_IS_VALID;

  public boolean isUpheld() {
    return this == UPHELD;
  }
}
