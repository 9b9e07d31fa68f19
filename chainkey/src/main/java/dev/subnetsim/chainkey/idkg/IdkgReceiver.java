package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.ec.EcDleqProof;
import dev.subnetsim.chainkey.ec.EcLagrange;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A receiver's side of IDKG: decrypting its share of a dealing and checking it against the
 * dealing's commitment, complaining when it does not open, answering others' valid complaints with
 * an opening, and recovering its share of a bad dealing from others' openings.
 */
public final class IdkgReceiver {
  private IdkgReceiver() {}

  /** Its opening of {@code dealing}, or empty if the ciphertext does not open the commitment. */
  public static Optional<CommitmentOpening> decrypt(IdkgParams p, IdkgDealing dealing, int me,
      IdkgReceiverKey key) {
    return openingFrom(p, dealing, me, dealing.ephemeral().mul(key.secret()));
  }

  static Optional<CommitmentOpening> openingFrom(IdkgParams p, IdkgDealing dealing, int receiver,
      EcPoint dh) {
    EcScalar[] ct = dealing.ciphertexts().get(receiver);
    if (ct == null) {
      return Optional.empty();
    }
    EcScalar[] plain = ShareCipher.decrypt(p, dealing.dealer(), receiver, dh, ct);
    CommitmentOpening o = p.kind().masked() ? new CommitmentOpening.Pedersen(plain[0], plain[1])
        : new CommitmentOpening.Simple(plain[0]);
    return o.opens(dealing.commitment(), receiver) ? Optional.of(o) : Optional.empty();
  }

  /** A complaint against a dealing that {@link #decrypt} could not open. */
  public static IdkgComplaint complain(IdkgParams p, IdkgDealing dealing, int me,
      IdkgReceiverKey key, SecureRandom rng) {
    EcPoint dh = dealing.ephemeral().mul(key.secret());
    EcDleqProof proof = EcDleqProof.prove(DomainSeparators.IDKG_COMPLAINT_DLEQ,
        IdkgComplaint.context(p, dealing.dealer(), me), EcPoint.mulGenerator(EcScalar.one(p.curve())),
        dealing.ephemeral(), key.secret(), rng);
    return new IdkgComplaint(p.transcriptId(), dealing.dealer(), me, dh, proof);
  }

  /** Its answer to a valid complaint: its own opening of the complained dealing. */
  public static IdkgOpening open(IdkgParams p, IdkgDealing dealing, int me, CommitmentOpening mine) {
    return new IdkgOpening(p.transcriptId(), dealing.dealer(), me, mine);
  }

  /**
   * The complainer's opening of the dealing, interpolated at its own index from valid openings.
   *
   * @throws IllegalArgumentException with fewer than the threshold of valid openings
   */
  public static CommitmentOpening recover(IdkgParams p, IdkgDealing dealing, int me,
      List<IdkgOpening> openings) {
    List<Integer> nodes = new ArrayList<>();
    List<CommitmentOpening> valid = new ArrayList<>();
    for (IdkgOpening o : openings) {
      if (o.isValid(dealing) && !nodes.contains(o.opener()) && nodes.size() < p.threshold()) {
        nodes.add(o.opener());
        valid.add(o.opening());
      }
    }
    if (nodes.size() < p.threshold()) {
      throw new IllegalArgumentException("need " + p.threshold() + " valid openings of dealer "
          + dealing.dealer() + "'s dealing, got " + nodes.size());
    }
    List<EcScalar> w = EcLagrange.coefficientsAt(p.curve(), nodes,
        EcLagrange.evaluationPoint(p.curve(), me));
    EcScalar value = EcScalar.zero(p.curve());
    EcScalar mask = EcScalar.zero(p.curve());
    for (int j = 0; j < nodes.size(); j++) {
      value = value.add(w.get(j).mul(valid.get(j).value()));
      if (valid.get(j) instanceof CommitmentOpening.Pedersen ped) {
        mask = mask.add(w.get(j).mul(ped.mask()));
      }
    }
    CommitmentOpening o = p.kind().masked() ? new CommitmentOpening.Pedersen(value, mask)
        : new CommitmentOpening.Simple(value);
    if (!o.opens(dealing.commitment(), me)) {
      throw new IllegalStateException("recovered opening does not open the dealing");
    }
    return o;
  }
}
