package dev.subnetsim.consensus.roles;

import static dev.subnetsim.consensus.roles.ArtifactChecks.check;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.EquivocationProof;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.dkg.SubnetDkg;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.roles.Validator.InvalidArtifactException;
import dev.subnetsim.consensus.roles.Validator.Verdict;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@link Validator}'s block family: block proposals (rank, signature, payload, DKG content,
 * time) and the equivocation detector they feed (a second valid proposal of one proposer at one
 * height yields a proof and disqualifies the proposer there), and gossiped equivocation proofs.
 */
final class ProposalValidator {
  private final ConsensusCrypto crypto;
  private final SubnetDkg dkg;

  ProposalValidator(ConsensusCrypto crypto, SubnetDkg dkg) {
    this.crypto = crypto;
    this.dkg = dkg;
  }

  Verdict proposal(ConsensusPool pool, BlockProposal p, Changes changes) {
    long h = p.height();
    if (h <= pool.finalizedHeight) {
      return Verdict.IGNORED;
    }
    Bytes key = p.block().id();
    if (pool.proposals.getOrDefault(h, new TreeMap<>()).containsKey(key)) {
      return Verdict.IGNORED;
    }
    if (!pool.beacons.containsKey(h)) {
      return Verdict.PENDING;
    }
    int proposer = p.block().proposer();
    check(proposer >= 0 && proposer < pool.config().n(), "proposer index out of range");
    check(p.block().rank() == pool.rankOf(h, proposer), "block of node index " + proposer
        + " claims rank " + p.block().rank() + " but has rank " + pool.rankOf(h, proposer));
    check(crypto.verifyIndividual(proposer, SignedMessages.proposalMessage(h, p.block().hash()),
        p.signature()), "invalid block proposal signature of node index " + proposer);
    check(p.block().ingress().size() <= pool.config().maxIngressPerBlock(),
        "block exceeds the payload limit");
    if (!pool.isNotarized(h - 1, p.block().parentHash()) || dkg.keys(h).isEmpty()) {
      return Verdict.PENDING;
    }
    try {
      dkg.checkBlock(p.block());
    } catch (IllegalArgumentException e) {
      throw new InvalidArtifactException("block of node index " + proposer + ": " + e.getMessage());
    }
    long parentTime = pool.block(h - 1, p.block().parentHash()).map(Block::timeNanos).orElse(0L);
    check(p.block().timeNanos() >= parentTime, "block of node index " + proposer
        + " has time " + p.block().timeNanos() + " before its parent's " + parentTime);
    List<BlockProposal> earlier = pool.proposals.getOrDefault(h, new TreeMap<>()).values()
        .stream().filter(o -> o.block().proposer() == proposer).toList();
    if (earlier.size() >= pool.perSignerLimit()) {
      return Verdict.IGNORED; // an equivocator's blocks beyond the limit: it is disqualified
    }
    for (BlockProposal other : earlier) {
      EquivocationProof proof = new EquivocationProof(other, p);
      addProof(pool, proof);
      pool.disqualified.computeIfAbsent(h, k -> new TreeSet<>()).add(proposer);
      changes.equivocations.add(proof);
      changes.broadcast(proof);
    }
    pool.proposals.computeIfAbsent(h, k -> new TreeMap<>()).put(key, p);
    // Gossip: relay a newly validated proposal at once, as the IC's P2P layer adverts every
    // artifact it validates. An equivocating maker's two blocks then meet within two hops,
    // before the rank-0 notary delay runs out, and the rank is disqualified before honest
    // notaries sign both (which would leave the height unfinalizable).
    changes.broadcast(p);
    return Verdict.ACCEPTED;
  }

  Verdict equivocation(ConsensusPool pool, EquivocationProof e, Changes changes) {
    BlockProposal a = e.first();
    BlockProposal b = e.second();
    int proposer = a.block().proposer();
    check(a.height() == b.height() && proposer == b.block().proposer()
        && !a.block().equals(b.block()), "not an equivocation");
    check(crypto.verifyIndividual(proposer, SignedMessages.proposalMessage(a.height(),
        a.block().hash()), a.signature()) && crypto.verifyIndividual(proposer,
        SignedMessages.proposalMessage(b.height(), b.block().hash()), b.signature()),
        "equivocation proof with an invalid signature");
    if (pool.disqualified.computeIfAbsent(a.height(), k -> new TreeSet<>()).add(proposer)) {
      addProof(pool, e);
      changes.equivocations.add(e);
      return Verdict.ACCEPTED;
    }
    return Verdict.IGNORED;
  }

  /** Keeps the first proof of each proposer and height; counts every one. */
  private static void addProof(ConsensusPool pool, EquivocationProof proof) {
    pool.equivocations.computeIfAbsent(proof.height(), k -> new TreeMap<>())
        .putIfAbsent(proof.first().block().proposer(), proof);
    pool.equivocationsSeen++;
  }
}
