package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.ec.EcDleqProof;
import dev.subnetsim.chainkey.ec.EcPoint;

/**
 * A receiver's complaint against a dealing it cannot decrypt to an opening of the dealing's
 * commitment: it reveals the Diffie-Hellman value K = sk*E of that dealing with a DLEQ proof that
 * K uses its own key, so anyone can decrypt its ciphertext and see that the dealer cheated (the
 * complaint reveals nothing else: K only unlocks this one ciphertext).
 */
public record IdkgComplaint(String transcriptId, int dealer, int complainer, EcPoint dh,
    EcDleqProof proof) {

  /**
   * Whether the complaint is valid: the proof holds for the complainer's public key and the
   * ciphertext indeed fails to open the commitment. A false complaint is attributed to its sender.
   */
  public boolean isValid(IdkgParams p, IdkgDealing dealing) {
    EcPoint pk = p.receiverKeys().get(complainer);
    if (pk == null || dealing.dealer() != dealer || !dealing.transcriptId().equals(transcriptId)
        || !dealing.ciphertexts().containsKey(complainer)) {
      return false;
    }
    if (!proof.verify(DomainSeparators.IDKG_COMPLAINT_DLEQ, context(p, dealer, complainer),
        EcPoint.mulGenerator(dev.subnetsim.chainkey.ec.EcScalar.one(p.curve())), pk,
        dealing.ephemeral(), dh)) {
      return false;
    }
    return IdkgReceiver.openingFrom(p, dealing, complainer, dh).isEmpty();
  }

  static byte[] context(IdkgParams p, int dealer, int complainer) {
    return (new String(p.context(), java.nio.charset.StandardCharsets.UTF_8) + "/" + dealer + "/"
        + complainer).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
