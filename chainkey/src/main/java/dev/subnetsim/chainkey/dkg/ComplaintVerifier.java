package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;

/**
 * Anyone's check of a complaint: verify the Chaum-Pedersen proof that the revealed K is the
 * complainer's DH key for the dealing's R, decrypt the complainer's share with K, and uphold the
 * complaint iff the share fails the Feldman check against the dealer's commitment. An honest
 * dealer cannot be framed (a receiver cannot prove a wrong K), and a dishonest dealer cannot
 * escape (the honest receiver's K opens the bad share for everyone).
 */
public final class ComplaintVerifier {
  private ComplaintVerifier() {}

  public static ComplaintVerdict verify(DkgConfig config, Dealing dealing, Complaint complaint) {
    if (complaint.dealerIndex() != dealing.dealerIndex()) {
      return ComplaintVerdict.REJECTED_WRONG_DEALING;
    }
    int j = complaint.complainerIndex();
    if (j >= config.receiverCount() || j >= dealing.ciphertexts().size()) {
      return ComplaintVerdict.REJECTED_UNKNOWN_RECEIVER;
    }
    G1Point pk = config.receiverKey(j);
    byte[] ctx = Complaint.proofContext(config, dealing.dealerIndex(), j);
    if (!complaint.proof().verify(pk, dealing.ephemeralKey(), complaint.dhKey(), ctx)) {
      return ComplaintVerdict.REJECTED_BAD_PROOF;
    }
    Scalar share = ShareEncryption.open(config, dealing, j, complaint.dhKey());
    boolean matches = G2Point.generator().mul(share).equals(dealing.commitment().publicKeyShare(j));
    return matches ? ComplaintVerdict.REJECTED_SHARE_IS_VALID : ComplaintVerdict.UPHELD;
  }
}
