package dev.subnetsim.consensus.roles;

import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Beacon;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BeaconShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CertificationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CupShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.DkgItemMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.EquivocationProof;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.FinalizationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Notarization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.dkg.DkgItem;
import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.consensus.dkg.SubnetDkg;
import dev.subnetsim.consensus.pool.ConsensusPool;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Validator: checks a received artifact against the pool (signatures, ranks, heights) and either
 * adds it, rejects it with a reason (attributed to its sender by the caller), or defers it until
 * what it depends on (a beacon, a parent) arrives. The equivocation detector lives here too: a
 * second valid proposal of one proposer at one height yields a proof and disqualifies the proposer
 * at that height.
 */
public final class Validator {
  /** The outcome of validating one artifact. */
  public enum Verdict { ACCEPTED, IGNORED, PENDING }

  private final ConsensusCrypto crypto;
  private final SubnetDkg dkg;

  public Validator(ConsensusCrypto crypto, SubnetDkg dkg) {
    this.crypto = crypto;
    this.dkg = dkg;
  }

  /** Validates {@code m}; throws {@link InvalidArtifactException} when it is invalid. */
  public Verdict validate(ConsensusPool pool, ConsensusMessage m, Changes changes) {
    int n = pool.config().n();
    if (m instanceof BeaconShare s) {
      if (pool.beacons.containsKey(s.height()) || s.height() <= pool.finalizedHeight) {
        return Verdict.IGNORED;
      }
      byte[] prev = pool.beacons.get(s.height() - 1);
      if (prev == null) {
        return Verdict.PENDING;
      }
      EpochKeys keys = dkg.keys(s.height()).orElse(null);
      if (keys == null) {
        return Verdict.PENDING;
      }
      check(crypto.verifyBeaconShare(keys.beaconShares(), s.signer(),
          ConsensusCrypto.beaconMessage(s.height(), ConsensusPool.sha256(prev)), s.share()),
          "invalid beacon share of node index " + s.signer());
      pool.beaconShares.computeIfAbsent(s.height(), k -> new TreeMap<>()).put(s.signer(), s.share());
      return Verdict.ACCEPTED;
    }
    if (m instanceof Beacon b) {
      if (pool.beacons.containsKey(b.height())) {
        return Verdict.IGNORED;
      }
      byte[] prev = pool.beacons.get(b.height() - 1);
      if (prev == null) {
        return b.height() <= pool.finalizedHeight ? Verdict.IGNORED : Verdict.PENDING;
      }
      check(crypto.verifyBeacon(ConsensusCrypto.beaconMessage(b.height(), ConsensusPool.sha256(prev)),
          b.signature()), "invalid random beacon at height " + b.height());
      pool.beacons.put(b.height(), b.signature());
      changes.combined.add(new Changes.CombinedArtifact("random-beacon", b.height(),
          crypto.beaconPublicKey(), ConsensusCrypto.beaconMessage(b.height(),
              ConsensusPool.sha256(prev)), b.signature()));
      return Verdict.ACCEPTED;
    }
    if (m instanceof BlockProposal p) {
      return proposal(pool, p, changes);
    }
    if (m instanceof NotarizationShare s) {
      if (s.height() <= pool.finalizedHeight) {
        return Verdict.IGNORED;
      }
      check(crypto.verifyIndividual(s.signer(), ConsensusCrypto.notarizationMessage(s.height(),
          s.blockHash()), s.signature()), "invalid notarization share of node index " + s.signer());
      pool.notarizationShares.computeIfAbsent(s.height(), k -> new TreeMap<>())
          .computeIfAbsent(ConsensusPool.hex(s.blockHash()), k -> new TreeMap<>())
          .put(s.signer(), s.signature());
      return Verdict.ACCEPTED;
    }
    if (m instanceof Notarization z) {
      if (z.height() <= pool.finalizedHeight || pool.notarizations.getOrDefault(z.height(),
          new TreeMap<>()).containsKey(ConsensusPool.hex(z.blockHash()))) {
        return Verdict.IGNORED;
      }
      checkSigners(z.signers(), pool.config().quorum(), n);
      check(crypto.verifyMultiSignature(z.signers(), ConsensusCrypto.notarizationMessage(
          z.height(), z.blockHash()), z.signature()), "invalid notarization at " + z.height());
      pool.notarizations.computeIfAbsent(z.height(), k -> new TreeMap<>())
          .put(ConsensusPool.hex(z.blockHash()), z);
      changes.combined.add(new Changes.CombinedArtifact("notarization", z.height(),
          crypto.aggregatePublicKey(z.signers()),
          ConsensusCrypto.notarizationMessage(z.height(), z.blockHash()), z.signature()));
      return Verdict.ACCEPTED;
    }
    if (m instanceof FinalizationShare s) {
      if (s.height() <= pool.finalizedHeight) {
        return Verdict.IGNORED;
      }
      check(crypto.verifyIndividual(s.signer(), ConsensusCrypto.finalizationMessage(s.height(),
          s.blockHash()), s.signature()), "invalid finalization share of node index " + s.signer());
      pool.finalizationShares.computeIfAbsent(s.height(), k -> new TreeMap<>())
          .computeIfAbsent(ConsensusPool.hex(s.blockHash()), k -> new TreeMap<>())
          .put(s.signer(), s.signature());
      return Verdict.ACCEPTED;
    }
    if (m instanceof Finalization f) {
      if (f.height() <= pool.finalizedHeight || pool.finalizations.containsKey(f.height())) {
        return Verdict.IGNORED;
      }
      checkSigners(f.signers(), pool.config().quorum(), n);
      check(crypto.verifyMultiSignature(f.signers(), ConsensusCrypto.finalizationMessage(
          f.height(), f.blockHash()), f.signature()), "invalid finalization at " + f.height());
      pool.finalizations.put(f.height(), f);
      changes.combined.add(new Changes.CombinedArtifact("finalization", f.height(),
          crypto.aggregatePublicKey(f.signers()),
          ConsensusCrypto.finalizationMessage(f.height(), f.blockHash()), f.signature()));
      return Verdict.ACCEPTED;
    }
    if (m instanceof CertificationShare s) {
      if (pool.certifications.containsKey(s.height())) {
        return Verdict.IGNORED;
      }
      EpochKeys keys = dkg.keys(s.height()).orElse(null);
      if (keys == null) {
        return Verdict.PENDING;
      }
      check(crypto.verifyCertificationShare(keys.certificationShares(), s.signer(),
          ConsensusCrypto.certificationMessage(s.stateRoot()), s.share()),
          "invalid certification share of node index " + s.signer());
      pool.certificationShares.computeIfAbsent(s.height(), k -> new TreeMap<>())
          .computeIfAbsent(ConsensusPool.hex(s.stateRoot()), k -> new TreeMap<>())
          .put(s.signer(), s.share());
      return Verdict.ACCEPTED;
    }
    if (m instanceof Certification c) {
      if (pool.certifications.containsKey(c.height())) {
        return Verdict.IGNORED;
      }
      check(crypto.verifyCertification(ConsensusCrypto.certificationMessage(c.stateRoot()),
          c.signature()), "invalid certification at " + c.height());
      pool.certifications.put(c.height(), c);
      changes.certified.add(c);
      changes.combined.add(new Changes.CombinedArtifact("certification", c.height(),
          crypto.certificationPublicKey(), ConsensusCrypto.certificationMessage(c.stateRoot()),
          c.signature()));
      return Verdict.ACCEPTED;
    }
    if (m instanceof CupShare s) {
      if (s.height() <= pool.latestCup.height()) {
        return Verdict.IGNORED;
      }
      check(s.height() % pool.config().cupInterval() == 0, "catch-up package share at height "
          + s.height() + ", not a CUP height");
      EpochKeys keys = dkg.keys(s.height()).orElse(null);
      if (keys == null) {
        return Verdict.PENDING;
      }
      String content = ConsensusPool.hex(s.contentHash());
      var byContent = pool.cupShares.getOrDefault(s.height(), new TreeMap<>());
      if (byContent.getOrDefault(content, new TreeMap<>()).containsKey(s.signer())) {
        return Verdict.IGNORED;
      }
      check(byContent.values().stream().noneMatch(x -> x.containsKey(s.signer())),
          "node index " + s.signer() + " signed two catch-up package contents at height "
              + s.height());
      check(crypto.verifyCertificationShare(keys.certificationShares(), s.signer(),
          ConsensusCrypto.cupMessage(s.height(), s.contentHash()), s.share()),
          "invalid catch-up package share of node index " + s.signer());
      pool.cupShares.computeIfAbsent(s.height(), k -> new TreeMap<>())
          .computeIfAbsent(content, k -> new TreeMap<>()).put(s.signer(), s.share());
      return Verdict.ACCEPTED;
    }
    if (m instanceof DkgItemMessage d) {
      DkgItem item = DkgItem.decode(d.item()); // IllegalArgumentException: rejected, attributed
      return switch (dkg.onGossip(item, pool.finalizedHeight)) {
        case ACCEPTED -> Verdict.ACCEPTED;
        case PENDING -> Verdict.PENDING;
        case IGNORED -> Verdict.IGNORED;
      };
    }
    if (m instanceof EquivocationProof e) {
      return equivocation(pool, e, changes);
    }
    return Verdict.IGNORED;
  }

  private Verdict proposal(ConsensusPool pool, BlockProposal p, Changes changes) {
    long h = p.height();
    if (h <= pool.finalizedHeight) {
      return Verdict.IGNORED;
    }
    String key = ConsensusPool.hex(p.block().hash());
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
    check(crypto.verifyIndividual(proposer, ConsensusCrypto.proposalMessage(h, p.block().hash()),
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
    for (BlockProposal other : pool.proposals.getOrDefault(h, new TreeMap<>()).values()) {
      if (other.block().proposer() == proposer) {
        EquivocationProof proof = new EquivocationProof(other, p);
        pool.equivocations.add(proof);
        pool.disqualified.computeIfAbsent(h, k -> new TreeSet<>()).add(proposer);
        changes.equivocations.add(proof);
        changes.broadcast(proof);
      }
    }
    pool.proposals.computeIfAbsent(h, k -> new TreeMap<>()).put(key, p);
    // Gossip: relay a newly validated proposal at once, as the IC's P2P layer adverts every
    // artifact it validates. An equivocating maker's two blocks then meet within two hops,
    // before the rank-0 notary delay runs out, and the rank is disqualified before honest
    // notaries sign both (which would leave the height unfinalizable).
    changes.broadcast(p);
    return Verdict.ACCEPTED;
  }

  private Verdict equivocation(ConsensusPool pool, EquivocationProof e, Changes changes) {
    BlockProposal a = e.first();
    BlockProposal b = e.second();
    int proposer = a.block().proposer();
    check(a.height() == b.height() && proposer == b.block().proposer()
        && !Arrays.equals(a.block().hash(), b.block().hash()), "not an equivocation");
    check(crypto.verifyIndividual(proposer, ConsensusCrypto.proposalMessage(a.height(),
        a.block().hash()), a.signature()) && crypto.verifyIndividual(proposer,
        ConsensusCrypto.proposalMessage(b.height(), b.block().hash()), b.signature()),
        "equivocation proof with an invalid signature");
    if (pool.disqualified.computeIfAbsent(a.height(), k -> new TreeSet<>()).add(proposer)) {
      pool.equivocations.add(e);
      changes.equivocations.add(e);
      return Verdict.ACCEPTED;
    }
    return Verdict.IGNORED;
  }

  private static void checkSigners(List<Integer> signers, int quorum, int n) {
    check(new TreeSet<>(signers).size() == signers.size(), "duplicate signers");
    check(signers.size() >= quorum, "only " + signers.size() + " signers, need " + quorum);
    check(signers.stream().allMatch(i -> i >= 0 && i < n), "signer index out of range");
  }

  private static void check(boolean ok, String reason) {
    if (!ok) {
      throw new InvalidArtifactException(reason);
    }
  }

  /** An artifact that fails validation; the caller attributes it to the sender. */
  public static final class InvalidArtifactException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidArtifactException(String reason) {
      super(reason);
    }
  }
}
