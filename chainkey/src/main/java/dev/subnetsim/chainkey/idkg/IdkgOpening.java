package dev.subnetsim.chainkey.idkg;

/**
 * The answer to a valid complaint: receiver {@code opener} reveals its own opening of the
 * complained dealing; {@link #isValid} checks it against the dealing's commitment, so a wrong
 * opening is attributed to its sender. A threshold of openings lets the complainer interpolate its
 * share of that dealing ({@link IdkgReceiver#recover}).
 */
public record IdkgOpening(String transcriptId, int dealer, int opener, CommitmentOpening opening) {

  public boolean isValid(IdkgDealing dealing) {
    return dealing.dealer() == dealer && dealing.transcriptId().equals(transcriptId)
        && opening.opens(dealing.commitment(), opener);
  }
}
