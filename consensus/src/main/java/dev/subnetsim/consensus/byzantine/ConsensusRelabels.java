package dev.subnetsim.consensus.byzantine;

import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.Complaint;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BeaconShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpRequest;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CertificationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CupShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.DkgItemMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.FinalizationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Notarization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.dkg.DkgItem;
import dev.subnetsim.consensus.dkg.ThresholdKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/**
 * Typed relabelling of consensus artifacts by an {@link ByzantineBehaviour#ARBITRARY} node: the
 * honest content under another label. Artifacts move to another height with their signatures kept
 * (they no longer match, except certification shares, whose signed bytes do not name the height).
 * A DKG item moves to another target epoch or threshold key, another dealer (a dealing in another
 * node's name keeps its signature; a complaint accuses another dealer) or another receiver (a
 * dealing's ciphertexts swapped between two receivers; a complaint made in another receiver's
 * name); the node's own items are re-signed with its own key, so only the checks that bind the
 * content to its label can refuse them.
 */
final class ConsensusRelabels {
  /** A relabelled index: past a small subnet's committee too, to hit "unknown signer". */
  private static final int INDEX_BOUND = 64;

  private ConsensusRelabels() {}

  /**
   * {@code m} relabelled by {@code delta} heights (clamped at 1) or, for a DKG item, by a typed
   * label drawn from {@code r}; {@code signOwn} signs with the node's own individual key.
   */
  static ConsensusMessage relabel(ConsensusMessage m, long delta, RandomGenerator r, int self,
      UnaryOperator<byte[]> signOwn) {
    long h = Math.max(1, m.height() + delta);
    if (m instanceof NotarizationShare s) {
      return new NotarizationShare(h, s.blockHash(), s.signer(), s.signature());
    } else if (m instanceof FinalizationShare s) {
      return new FinalizationShare(h, s.blockHash(), s.signer(), s.signature());
    } else if (m instanceof CertificationShare s) {
      return new CertificationShare(h, s.stateRoot(), s.signer(), s.share());
    } else if (m instanceof Certification c) {
      return new Certification(h, c.stateRoot(), c.signature());
    } else if (m instanceof BeaconShare s) {
      return new BeaconShare(h, s.signer(), s.share());
    } else if (m instanceof CupShare s) {
      return new CupShare(h, s.contentHash(), s.signer(), s.share());
    } else if (m instanceof Notarization n) {
      return new Notarization(h, n.blockHash(), n.signers(), n.signature());
    } else if (m instanceof Finalization f) {
      return new Finalization(h, f.blockHash(), f.signers(), f.signature());
    } else if (m instanceof CatchUpRequest) {
      return new CatchUpRequest(h);
    } else if (m instanceof DkgItemMessage d) {
      try {
        DkgItem item = relabel(DkgItem.decode(d.item()), delta, r, self, signOwn);
        return new DkgItemMessage(d.height(), item.encode());
      } catch (RuntimeException e) {
        return m; // not an honest item: nothing typed to relabel
      }
    }
    return m;
  }

  /**
   * The item under another epoch ({@code delta} epochs on), key, dealer or receiver; re-signed
   * with the node's own key if it is the node's own item and still claims it as signer.
   */
  static DkgItem relabel(DkgItem item, long delta, RandomGenerator r, int self,
      UnaryOperator<byte[]> signOwn) {
    long epoch = item.targetEpoch();
    ThresholdKey key = item.key();
    int signer = item.signer();
    byte[] body = item.body();
    boolean dealing = item.kind() == DkgItem.Kind.DEALING;
    switch (r.nextInt(4)) {
      case 0 -> epoch = Math.max(0, epoch + delta);
      case 1 -> key = key == ThresholdKey.BEACON ? ThresholdKey.CERTIFICATION : ThresholdKey.BEACON;
      case 2 -> {
        if (dealing) {
          signer = otherIndex(signer, r);
        } else {
          Complaint c = Complaint.fromBytes(body);
          body = new Complaint(otherIndex(c.dealerIndex(), r), c.complainerIndex(), c.dhKey(),
              c.proof()).toBytes();
        }
      }
      default -> body = dealing ? swapReceivers(Dealing.fromBytes(body), r).toBytes()
          : otherComplainer(Complaint.fromBytes(body), r).toBytes();
    }
    byte[] signature = signer == self && item.signer() == self
        ? signOwn.apply(DkgItem.signedMessage(item.kind(), epoch, key, signer, body))
        : item.signature();
    return new DkgItem(item.kind(), epoch, key, signer, body, signature);
  }

  /** The dealing with two receivers' ciphertexts exchanged: each gets a share that is not its. */
  private static Dealing swapReceivers(Dealing d, RandomGenerator r) {
    List<Scalar> c = new ArrayList<>(d.ciphertexts());
    if (c.size() >= 2) {
      int i = r.nextInt(c.size());
      int j = (i + r.nextInt(1, c.size())) % c.size();
      c.set(i, d.ciphertexts().get(j));
      c.set(j, d.ciphertexts().get(i));
    }
    return new Dealing(d.dealerIndex(), d.commitment(), d.ephemeralKey(), c);
  }

  private static Complaint otherComplainer(Complaint c, RandomGenerator r) {
    return new Complaint(c.dealerIndex(), otherIndex(c.complainerIndex(), r), c.dhKey(),
        c.proof());
  }

  private static int otherIndex(int index, RandomGenerator r) {
    return (index + r.nextInt(1, INDEX_BOUND)) % INDEX_BOUND;
  }
}
