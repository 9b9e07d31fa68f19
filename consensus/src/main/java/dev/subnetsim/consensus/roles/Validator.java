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
import dev.subnetsim.consensus.catchup.CatchUpPackage;
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
    if (!pool.withinLookahead(m.height()) && !(m instanceof DkgItemMessage)) {
      return beyondLookahead(m, n); // DKG items are bounded by their epoch instead
    }
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
      if (s.height() <= pool.finalizedHeight
          || overSignerLimit(pool, pool.notarizationShares, s.height(), s.blockHash(), s.signer())) {
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
      if (s.height() <= pool.finalizedHeight
          || overSignerLimit(pool, pool.finalizationShares, s.height(), s.blockHash(), s.signer())) {
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
      return certificationShare(pool, s);
    }
    if (m instanceof Certification c) {
      return certification(pool, c, changes);
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

  /**
   * A share over the state root of its height. The signed message is the root alone (external
   * verifiers check those bytes), so the height is bound as the IC binds it: the root must be our
   * own at that height. Until we have executed the height the share waits; a share over another
   * root is rejected (an honest signer's share relabelled to another height, or a divergent
   * signer's), never stored where it could combine into a certification of the wrong height.
   */
  private Verdict certificationShare(ConsensusPool pool, CertificationShare s) {
    byte[] own = pool.stateRoots.get(s.height());
    if (own == null) {
      return s.height() > pool.executedHeight ? Verdict.PENDING : Verdict.IGNORED;
    }
    check(Arrays.equals(own, s.stateRoot()), "certification share of node index " + s.signer()
        + " at height " + s.height() + " is over state root " + shortHex(s.stateRoot())
        + ", not our root " + shortHex(own));
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

  /**
   * A certification is accepted for its height only if its root is our own root there, checked
   * once we have executed that height. One over another root is either relabelled from another
   * height (rejected, so it never displaces the genuine one) or proof that our own execution
   * diverged. The two are told apart only where the height is signed: at a CUP height, n-f CUP
   * shares on the content with that root (at least f+1 of them honest) show the subnet certified
   * it there; it is then accepted, and the replica sees that its own root differs.
   */
  private Verdict certification(ConsensusPool pool, Certification c, Changes changes) {
    long h = c.height();
    byte[] own = pool.stateRoots.get(h);
    if (own == null) {
      return h > pool.executedHeight ? Verdict.PENDING : Verdict.IGNORED;
    }
    boolean ours = Arrays.equals(own, c.stateRoot());
    String wrongRoot = "certification at height " + h + " is over state root "
        + shortHex(c.stateRoot()) + ", not our root " + shortHex(own);
    Certification held = pool.certifications.get(h);
    if (held != null) {
      // Nothing displaces the certification we hold.
      check(ours || Arrays.equals(held.stateRoot(), c.stateRoot()), wrongRoot);
      return Verdict.IGNORED;
    }
    if (!ours) {
      check(h % pool.config().cupInterval() == 0, wrongRoot);
      Boolean signedByCup = certifiedByCupShares(pool, c);
      if (signedByCup == null) {
        return Verdict.PENDING; // the CUP shares of this height will decide
      }
      check(signedByCup, wrongRoot);
    }
    check(crypto.verifyCertification(ConsensusCrypto.certificationMessage(c.stateRoot()),
        c.signature()), "invalid certification at " + h);
    pool.certifications.put(h, c);
    changes.certified.add(c);
    changes.combined.add(new Changes.CombinedArtifact("certification", h,
        crypto.certificationPublicKey(), ConsensusCrypto.certificationMessage(c.stateRoot()),
        c.signature()));
    return Verdict.ACCEPTED;
  }

  /**
   * Whether n-f valid CUP shares sign the CUP content this certification would make at its
   * (CUP) height: true, false once the CUP of that height is signed or passed without it, null
   * while undecided.
   */
  private Boolean certifiedByCupShares(ConsensusPool pool, Certification c) {
    long h = c.height();
    Block b = pool.finalizedBlocks.get(h);
    byte[] beacon = pool.beacons.get(h);
    byte[] summary = dkg.cupSummary(h).orElse(null);
    if (h <= pool.latestCup.height()) {
      return false;
    }
    if (b == null || beacon == null || summary == null) {
      return null;
    }
    byte[] content = new CatchUpPackage(h, b.hash(), beacon,
        c.stateRoot(), c.signature(), summary).contentHash();
    TreeMap<Integer, byte[]> shares = pool.cupShares.getOrDefault(h, new TreeMap<>())
        .get(ConsensusPool.hex(content));
    return shares != null && shares.size() >= pool.config().quorum() ? Boolean.TRUE : null;
  }

  /**
   * An artifact beyond the lookahead is dropped unstored and unverified (checking it would let a
   * flood cost us verifications); only what is invalid at any height is attributed.
   */
  private static Verdict beyondLookahead(ConsensusMessage m, int n) {
    int signer = 0;
    if (m instanceof BeaconShare s) {
      signer = s.signer();
    } else if (m instanceof NotarizationShare s) {
      signer = s.signer();
    } else if (m instanceof FinalizationShare s) {
      signer = s.signer();
    } else if (m instanceof CertificationShare s) {
      signer = s.signer();
    } else if (m instanceof CupShare s) {
      signer = s.signer();
    }
    check(signer >= 0 && signer < n, m.kind() + " of node index " + signer
        + ": no such node");
    return Verdict.IGNORED;
  }

  /**
   * Whether a share of {@code signer} on a block it has not yet signed at this height would
   * exceed {@link ConsensusPool#perSignerLimit()}.
   */
  private static boolean overSignerLimit(ConsensusPool pool,
      TreeMap<Long, TreeMap<String, TreeMap<Integer, byte[]>>> shares, long height,
      byte[] blockHash, int signer) {
    TreeMap<String, TreeMap<Integer, byte[]>> byBlock = shares.get(height);
    if (byBlock == null || byBlock.getOrDefault(ConsensusPool.hex(blockHash), new TreeMap<>())
        .containsKey(signer)) {
      return false;
    }
    return ConsensusPool.blocksSignedBy(byBlock, signer) >= pool.perSignerLimit();
  }

  private static String shortHex(byte[] root) {
    String hex = ConsensusPool.hex(root);
    return hex.length() > 16 ? hex.substring(0, 16) + "..." : hex;
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
