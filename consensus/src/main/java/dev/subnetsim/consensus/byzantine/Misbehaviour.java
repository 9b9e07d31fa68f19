package dev.subnetsim.consensus.byzantine;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.bls12381.HashToCurve;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BeaconShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CertificationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CupShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.EquivocationProof;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.FinalizationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.roles.Changes.Outgoing;
import dev.subnetsim.consensus.roles.NodeContext;
import dev.subnetsim.consensus.types.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites an honest replica's outgoing messages according to its Byzantine behaviours (the IC's
 * "malicious behaviour as a decorator over honest output"). It has the replica's real keys, so its
 * lies are validly signed where the attack needs that (equivocation, double signing).
 */
public final class Misbehaviour {
  private final Set<ByzantineBehaviour> behaviours;
  private final NodeContext node;
  private final List<NodeId> committee;
  /** Blocks this node double-signed (kept apart from the honest pool's own-share records). */
  private final java.util.TreeSet<String> doubleSigned = new java.util.TreeSet<>();
  /** The honest block this node split at each height (its twin comes back through relays). */
  private final java.util.TreeMap<Long, Bytes> splitBlock = new java.util.TreeMap<>();
  /** Certified heights whose shares and certification this node has relabelled. */
  private final java.util.TreeSet<Long> relabelled = new java.util.TreeSet<>();

  public Misbehaviour(Set<ByzantineBehaviour> behaviours, NodeContext node, List<NodeId> committee) {
    this.behaviours = behaviours.isEmpty() ? EnumSet.noneOf(ByzantineBehaviour.class)
        : EnumSet.copyOf(behaviours);
    this.node = node;
    this.committee = List.copyOf(committee);
  }

  /** Typed lies of an {@link ByzantineBehaviour#ARBITRARY} node (null until a plan is given). */
  private ArbitraryLies lies;

  public boolean isHonest() {
    return behaviours.isEmpty();
  }

  /** Gives an {@link ByzantineBehaviour#ARBITRARY} node its plan (ignored for other nodes). */
  public void adversary(AdversaryPlan plan) {
    lies = has(ByzantineBehaviour.ARBITRARY) ? new ArbitraryLies(plan, node) : null;
  }

  public List<Outgoing> apply(List<Outgoing> honest, ConsensusPool pool) {
    if (behaviours.contains(ByzantineBehaviour.WITHHOLDING)) {
      return List.of();
    }
    boolean colluding = has(ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER)
        || has(ByzantineBehaviour.DOUBLE_SIGNING_NOTARY);
    List<Outgoing> out = new ArrayList<>();
    for (Outgoing o : honest) {
      ConsensusMessage m = o.message();
      if (colluding && (m instanceof EquivocationProof
          || m instanceof BlockProposal p && p.block().proposer() != node.index())) {
        // An attacker on agreement never exposes an equivocation (its own or an ally's) and
        // never gossips others' blocks: either would carry one side's block to the other
        // side's honest replicas and disqualify the rank before they sign.
        continue;
      }
      if (m instanceof BlockProposal p && p.block().proposer() == node.index()
          && has(ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER)) {
        equivocate(p, out);
      } else if (m instanceof BeaconShare s && has(ByzantineBehaviour.INVALID_BEACON_SHARES)) {
        out.add(new Outgoing(o.to(), new BeaconShare(s.height(), s.signer(), junk(s.share()))));
      } else if (m instanceof NotarizationShare s && has(ByzantineBehaviour.INVALID_SIGNATURE_SHARES)) {
        out.add(new Outgoing(o.to(), new NotarizationShare(s.height(), s.blockHash(), s.signer(),
            junk(s.signature()))));
      } else if (m instanceof FinalizationShare s && has(ByzantineBehaviour.INVALID_SIGNATURE_SHARES)) {
        out.add(new Outgoing(o.to(), new FinalizationShare(s.height(), s.blockHash(), s.signer(),
            junk(s.signature()))));
      } else if (m instanceof CertificationShare s && has(ByzantineBehaviour.INVALID_SIGNATURE_SHARES)) {
        out.add(new Outgoing(o.to(), new CertificationShare(s.height(), s.stateRoot(), s.signer(),
            junk(s.share()))));
      } else if (m instanceof CupShare s && has(ByzantineBehaviour.INVALID_SIGNATURE_SHARES)) {
        out.add(new Outgoing(o.to(), new CupShare(s.height(), s.contentHash(), s.signer(),
            junk(s.share()))));
      } else {
        out.add(o);
      }
    }
    if (has(ByzantineBehaviour.DOUBLE_SIGNING_NOTARY)) {
      doubleSign(pool, out);
    }
    if (has(ByzantineBehaviour.RELABELLED_CERTIFICATIONS)) {
      relabelCertifications(pool, out);
    }
    if (lies != null) {
      return lies.apply(out);
    }
    return out;
  }

  private boolean has(ByzantineBehaviour b) {
    return behaviours.contains(b);
  }

  /**
   * Two validly signed blocks at one rank: the original to the lower half of the committee (by
   * index), a twin to the upper half; the same halves a {@code TWINS} replica serves, so allies
   * of both kinds split the honest replicas along one line.
   */
  private void equivocate(BlockProposal p, List<Outgoing> out) {
    Block b = p.block();
    Bytes hash = b.id();
    if (!splitBlock.computeIfAbsent(b.height(), k -> hash).equals(hash)) {
      return; // our own twin, relayed back to us: re-sending the split original covers it
    }
    splitBlock.headMap(b.height() - 100).clear();
    List<byte[]> payload = new ArrayList<>(b.ingress());
    payload.add(("equivocation/" + b.height()).getBytes(StandardCharsets.UTF_8));
    Block twin = new Block(b.height(), b.parentHash(), b.rank(), b.proposer(), b.timeNanos(),
        payload, b.dkg(), b.dkgSummary());
    BlockProposal second = new BlockProposal(twin, node.crypto().signIndividually(node.secrets(),
        SignedMessages.proposalMessage(twin.height(), twin.hash())));
    for (int i = 0; i < committee.size(); i++) {
      if (i != node.index()) {
        out.add(new Outgoing(committee.get(i), i < committee.size() / 2 ? p : second));
      }
    }
  }

  /**
   * Notarization and finalization shares (and fast-path votes) for every candidate block at every
   * open height.
   */
  private void doubleSign(ConsensusPool pool, List<Outgoing> out) {
    for (long h = pool.finalizedHeight + 1; h <= pool.notarizedHeight() + 1; h++) {
      for (BlockProposal p : pool.proposals.getOrDefault(h, new java.util.TreeMap<>()).values()) {
        byte[] hash = p.block().hash();
        if (doubleSigned.add(h + "/" + p.block().id().toHex())) {
          // Under a variant with a fast path it votes for every block too.
          byte[] vote = pool.config().protocol().votes() ? node.crypto().signIndividually(
              node.secrets(), SignedMessages.fastVoteMessage(h, hash)) : new byte[0];
          out.add(new Outgoing(null, new NotarizationShare(h, hash, node.index(),
              node.crypto().signIndividually(node.secrets(),
                  SignedMessages.notarizationMessage(h, hash)), vote)));
          out.add(new Outgoing(null, new FinalizationShare(h, hash, node.index(),
              node.crypto().signIndividually(node.secrets(),
                  SignedMessages.finalizationMessage(h, hash)))));
        }
      }
    }
  }

  /**
   * Every certification this node holds, and the shares it was combined from, sent again at the
   * height below and the height above: one height the peers have executed, one they have not yet.
   */
  private void relabelCertifications(ConsensusPool pool, List<Outgoing> out) {
    for (Certification c : pool.certifications.values()) {
      long h = c.height();
      if (!relabelled.add(h)) {
        continue;
      }
      var shares = pool.certificationShares.getOrDefault(h, new java.util.TreeMap<>())
          .getOrDefault(Bytes.of(c.stateRoot()), new java.util.TreeMap<>());
      for (long other : new long[] {h - 1, h + 1}) {
        if (other < 1) {
          continue;
        }
        out.add(new Outgoing(null, new Certification(other, c.stateRoot(), c.signature())));
        shares.forEach((signer, share) -> out.add(new Outgoing(null,
            new CertificationShare(other, c.stateRoot(), signer, share))));
      }
    }
    if (!pool.certifications.isEmpty()) {
      relabelled.headSet(pool.certifications.firstKey()).clear(); // purged from the pool
    }
  }

  /** A valid G1 point that is not the right signature (so decoding succeeds, verification fails). */
  private static byte[] junk(byte[] honest) {
    return HashToCurve.hashToG1(honest, DomainSeparators.BLS_SIG_DST).toBytes();
  }
}
