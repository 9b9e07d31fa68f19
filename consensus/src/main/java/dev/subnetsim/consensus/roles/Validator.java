package dev.subnetsim.consensus.roles;

import static dev.subnetsim.consensus.roles.ArtifactChecks.check;
import static dev.subnetsim.consensus.roles.ArtifactChecks.checkSigners;
import static dev.subnetsim.consensus.roles.ArtifactChecks.overSignerLimit;

import dev.subnetsim.chainkey.bytes.Bytes;
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
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.crypto.ShareCheck;
import dev.subnetsim.consensus.dkg.DkgItem;
import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.consensus.dkg.SubnetDkg;
import dev.subnetsim.consensus.pool.ConsensusPool;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Validator: checks a received artifact against the pool (signatures, ranks, heights) and either
 * adds it, rejects it with a reason (attributed to its sender by the caller), or defers it until
 * what it depends on (a beacon, a parent) arrives. It checks the beacon, notarization, finalization,
 * CUP-share and DKG families itself and hands blocks with the equivocation detector to {@link
 * ProposalValidator} and the certification family to {@link CertificationValidator}.
 */
public final class Validator {
  /** The outcome of validating one artifact. */
  public enum Verdict { ACCEPTED, IGNORED, PENDING }

  private final ConsensusCrypto crypto;
  private final SubnetDkg dkg;
  private final ProposalValidator proposals;
  private final CertificationValidator certifications;

  public Validator(ConsensusCrypto crypto, SubnetDkg dkg) {
    this.crypto = crypto;
    this.dkg = dkg;
    this.proposals = new ProposalValidator(crypto, dkg);
    this.certifications = new CertificationValidator(crypto, dkg);
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
          SignedMessages.beaconMessage(s.height(), ConsensusPool.sha256(prev)), s.share()),
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
      check(crypto.verifyBeacon(SignedMessages.beaconMessage(b.height(), ConsensusPool.sha256(prev)),
          b.signature()), "invalid random beacon at height " + b.height());
      pool.beacons.put(b.height(), b.signature());
      changes.combined.add(new Changes.CombinedArtifact("random-beacon", b.height(),
          crypto.beaconPublicKey(), SignedMessages.beaconMessage(b.height(),
              ConsensusPool.sha256(prev)), b.signature()));
      return Verdict.ACCEPTED;
    }
    if (m instanceof BlockProposal p) {
      return proposals.proposal(pool, p, changes);
    }
    if (m instanceof NotarizationShare s) {
      if (s.height() <= pool.finalizedHeight
          || overSignerLimit(pool, pool.notarizationShares, s.height(), s.blockHash(), s.signer())) {
        return Verdict.IGNORED;
      }
      check(crypto.verifyIndividual(s.signer(), SignedMessages.notarizationMessage(s.height(),
          s.blockHash()), s.signature()), "invalid notarization share of node index " + s.signer());
      if (s.isVote()) {
        vote(pool, s);
      }
      pool.notarizationShares.computeIfAbsent(s.height(), k -> new TreeMap<>())
          .computeIfAbsent(Bytes.of(s.blockHash()), k -> new TreeMap<>())
          .put(s.signer(), s.signature());
      return Verdict.ACCEPTED;
    }
    if (m instanceof Notarization z) {
      if (z.height() <= pool.finalizedHeight || pool.notarizations.getOrDefault(z.height(),
          new TreeMap<>()).containsKey(Bytes.of(z.blockHash()))) {
        return Verdict.IGNORED;
      }
      if (!pool.config().protocol().mayNotarize(pool, z.height(), Bytes.of(z.blockHash()))) {
        return Verdict.PENDING; // not good by the votes we hold yet: a Byzantine aggregator's
      }
      checkSigners(z.signers(), pool.config().quorum(), n);
      check(crypto.verifyMultiSignature(z.signers(), SignedMessages.notarizationMessage(
          z.height(), z.blockHash()), z.signature()), "invalid notarization at " + z.height());
      pool.notarizations.computeIfAbsent(z.height(), k -> new TreeMap<>())
          .put(Bytes.of(z.blockHash()), z);
      changes.combined.add(new Changes.CombinedArtifact("notarization", z.height(),
          crypto.aggregatePublicKey(z.signers()),
          SignedMessages.notarizationMessage(z.height(), z.blockHash()), z.signature()));
      return Verdict.ACCEPTED;
    }
    if (m instanceof FinalizationShare s) {
      if (s.height() <= pool.config().protocol().slowPathFloor(pool)
          || s.height() <= pool.finalizedHeight && pool.finalizations.containsKey(s.height())
          || overSignerLimit(pool, pool.finalizationShares, s.height(), s.blockHash(), s.signer())) {
        return Verdict.IGNORED;
      }
      check(crypto.verifyIndividual(s.signer(), SignedMessages.finalizationMessage(s.height(),
          s.blockHash()), s.signature()), "invalid finalization share of node index " + s.signer());
      pool.finalizationShares.computeIfAbsent(s.height(), k -> new TreeMap<>())
          .computeIfAbsent(Bytes.of(s.blockHash()), k -> new TreeMap<>())
          .put(s.signer(), s.signature());
      return Verdict.ACCEPTED;
    }
    if (m instanceof Finalization f) {
      if (f.height() <= pool.config().protocol().slowPathFloor(pool)
          || pool.finalizations.containsKey(f.height())) {
        return Verdict.IGNORED;
      }
      checkSigners(f.signers(), pool.config().quorum(), n);
      check(crypto.verifyMultiSignature(f.signers(), SignedMessages.finalizationMessage(
          f.height(), f.blockHash()), f.signature()), "invalid finalization at " + f.height());
      pool.finalizations.put(f.height(), f);
      changes.combined.add(new Changes.CombinedArtifact("finalization", f.height(),
          crypto.aggregatePublicKey(f.signers()),
          SignedMessages.finalizationMessage(f.height(), f.blockHash()), f.signature()));
      return Verdict.ACCEPTED;
    }
    if (m instanceof CertificationShare s) {
      return certifications.certificationShare(pool, s);
    }
    if (m instanceof Certification c) {
      return certifications.certification(pool, c, changes);
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
      Bytes content = Bytes.of(s.contentHash());
      var byContent = pool.cupShares.getOrDefault(s.height(), new TreeMap<>());
      if (byContent.getOrDefault(content, new TreeMap<>()).containsKey(s.signer())) {
        return Verdict.IGNORED;
      }
      check(byContent.values().stream().noneMatch(x -> x.containsKey(s.signer())),
          "node index " + s.signer() + " signed two catch-up package contents at height "
              + s.height());
      check(crypto.verifyCertificationShare(keys.certificationShares(), s.signer(),
          SignedMessages.cupMessage(s.height(), s.contentHash()), s.share()),
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
      return proposals.equivocation(pool, e, changes);
    }
    return Verdict.IGNORED;
  }

  /**
   * Records a fast-path vote carried by a valid notarization share: under a variant without a
   * fast path it is refused; a signer's second vote at a height (Byzantine: honest replicas vote
   * once) is not counted.
   */
  private void vote(ConsensusPool pool, NotarizationShare s) {
    check(pool.config().protocol().votes(), "fast-path vote of node index " + s.signer()
        + " under " + pool.config().protocol().name());
    TreeMap<Bytes, TreeMap<Integer, byte[]>> atHeight =
        pool.fastVotes.computeIfAbsent(s.height(), k -> new TreeMap<>());
    if (atHeight.values().stream().anyMatch(v -> v.containsKey(s.signer()))) {
      return;
    }
    check(crypto.verifyIndividual(s.signer(), SignedMessages.fastVoteMessage(s.height(),
        s.blockHash()), s.vote()), "invalid fast-path vote of node index " + s.signer());
    atHeight.computeIfAbsent(Bytes.of(s.blockHash()), k -> new TreeMap<>())
        .put(s.signer(), s.vote());
  }

  /**
   * Decides together the shares among {@code received} that {@link #validate} would verify now
   * against the pool as it is (same guards: lookahead, height, signer limit, keys, state root),
   * leaving their verdicts in the shared verification cache (one aggregated pairing check per
   * message instead of one per share). Validation then finds them there: every accept or reject
   * is the one-by-one decision. Shares whose guards depend on what this step adds are left alone.
   */
  public void verifySharesTogether(ConsensusPool pool, List<ConsensusMessage> received) {
    List<ShareCheck> checks = new ArrayList<>();
    for (ConsensusMessage m : received) {
      // Certification and CUP shares follow execution, so they are at or below the finalized
      // height.
      if (!pool.withinLookahead(m.height()) || (m.height() <= pool.finalizedHeight
          && !(m instanceof CertificationShare) && !(m instanceof CupShare))) {
        continue;
      }
      if (m instanceof NotarizationShare s && !overSignerLimit(pool, pool.notarizationShares,
          s.height(), s.blockHash(), s.signer())) {
        checks.add(ShareCheck.of(crypto, ShareCheck.Kind.INDIVIDUAL, List.of(), s.signer(),
            SignedMessages.notarizationMessage(s.height(), s.blockHash()), s.signature()));
      } else if (m instanceof FinalizationShare s && !overSignerLimit(pool,
          pool.finalizationShares, s.height(), s.blockHash(), s.signer())) {
        checks.add(ShareCheck.of(crypto, ShareCheck.Kind.INDIVIDUAL, List.of(), s.signer(),
            SignedMessages.finalizationMessage(s.height(), s.blockHash()), s.signature()));
      } else if (m instanceof BeaconShare s && !pool.beacons.containsKey(s.height())
          && pool.beacons.containsKey(s.height() - 1)) {
        byte[] prev = pool.beacons.get(s.height() - 1);
        dkg.keys(s.height()).ifPresent(k -> checks.add(ShareCheck.of(crypto,
            ShareCheck.Kind.BEACON, k.beaconShares(), s.signer(),
            SignedMessages.beaconMessage(s.height(), ConsensusPool.sha256(prev)), s.share())));
      } else if (m instanceof CertificationShare s
          && !pool.certifications.containsKey(s.height())
          && Bytes.of(s.stateRoot()).equals(pool.stateRoots.get(s.height()))) {
        dkg.keys(s.height()).ifPresent(k -> checks.add(ShareCheck.of(crypto,
            ShareCheck.Kind.CERTIFICATION, k.certificationShares(), s.signer(),
            SignedMessages.certificationMessage(s.stateRoot()), s.share())));
      } else if (m instanceof CupShare s && s.height() > pool.latestCup.height()
          && s.height() % pool.config().cupInterval() == 0) {
        dkg.keys(s.height()).ifPresent(k -> checks.add(ShareCheck.of(crypto,
            ShareCheck.Kind.CERTIFICATION, k.certificationShares(), s.signer(),
            SignedMessages.cupMessage(s.height(), s.contentHash()), s.share())));
      }
    }
    crypto.verifyTogether(checks);
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

  /** An artifact that fails validation; the caller attributes it to the sender. */
  public static final class InvalidArtifactException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidArtifactException(String reason) {
      super(reason);
    }
  }
}
