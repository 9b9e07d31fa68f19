package dev.subnetsim.consensus.dkg;

import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.Transcript;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.NodeSecrets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One replica's part in the consensus DKG that reshares the subnet's beacon and certification keys
 * every DKG interval ("epoch" e = heights (e*I, (e+1)*I]; the IC's NIDKG intervals):
 *
 * <ol>
 *   <li>During epoch e every replica deals, from its epoch-e shares, a resharing of both keys for
 *       epoch e+2 ({@link #maybeDeal}), signs the dealings and gossips them; block makers include
 *       valid dealings not yet in their chain ({@link #payloadFor}) in the first half of the epoch
 *       (the dealing window, {@code ceil(I/2)} heights).
 *   <li>Complaint round: when the window's last block is finalized, every replica builds the
 *       tentative transcript from the window's dealings and computes its share from it
 *       ({@link #onFinalized}). If its share does not match (a dealer encrypted a bad share to it)
 *       it opens every included dealing, and for each bad one signs and gossips a complaint that
 *       reveals its DH key for that dealing with a proof (chainkey's {@code Complaint}); block
 *       makers include complaints until the epoch ends.
 *   <li>When the last block of epoch e is finalized, the window's dealings and the epoch's
 *       complaints make the epoch-(e+2) transcripts: chainkey's {@code TranscriptBuilder} judges
 *       each complaint, excludes dealers with upheld ones (blamed, {@link #drainBlames}) and takes
 *       the first collection-threshold remaining dealers by index; each replica decrypts its new
 *       share. The public keys stay the same, the sharings change, so shares of different epochs
 *       do not combine. Too few dealings: epoch e+2 keeps epoch e's sharing (as the IC keeps the
 *       old transcripts when a DKG fails).
 *   <li>Heights of epoch e use epoch e's keys; a replica that has not yet finalized epoch e-2 waits
 *       ({@link #keys} is empty) rather than guess. The epoch's first block is a summary block
 *       stating those keys' sharings ({@link IntervalSummary}, {@link #summaryFor}), checked by
 *       every validator ({@link #checkBlock}).
 * </ol>
 *
 * <p>Simplified relative to the IC, whose NIDKG dealings carry zero-knowledge proofs of correct
 * sharing and encryption so it needs no complaints: here dealings are checked publicly (Feldman
 * commitments, resharing of the dealer's public key share) and a bad encrypted share is caught by
 * its receiver's complaint. The transcripts are a deterministic function of the finalized chain, so
 * every honest replica derives the same ones; a summary block states digests of the sharings, not
 * the transcripts, which every replica computes from the blocks. Catch-up packages carry them
 * ({@link DkgSummary}) so a restarted replica recovers its shares. A replica that was down through
 * an epoch's complaint round cannot complain in it: if a dealer cheated it, it holds no share of
 * that key for the epoch.
 *
 * <p>This class keeps the epochs and follows the chain; the items are in a {@link DkgItemPool},
 * the calendar is a {@link DkgSchedule}, and the phases are their own classes: {@link
 * ResharingDealer}, {@link DkgItemChecker}, {@link ComplaintRound}, {@link DkgTranscripts} and
 * {@link EpochOpener}, over the cached {@link ResharingConfigs}.
 */
public final class SubnetDkg {
  /** Epochs of keys kept (a few back, for late shares and for inspection). */
  static final int KEPT_EPOCHS = 8;
  private static final int KEPT_CUP_SUMMARIES = 4;

  private final ConsensusConfig config;
  private final ConsensusCrypto crypto;
  private final DkgSchedule schedule;
  private final EpochKeys genesis;
  private final TreeMap<Long, EpochRecord> epochs = new TreeMap<>();
  private final DkgItemPool items = new DkgItemPool();
  /** Nodes the judged transcripts blame, awaiting report. */
  private final List<Blame> blames = new ArrayList<>();
  private final ResharingConfigs configs;
  private final ResharingDealer dealer;
  private final DkgItemChecker checker;
  private final DkgTranscripts transcripts;
  private final ComplaintRound complaints;
  private final EpochOpener opener;
  /**
   * DKG summaries of the latest CUP heights, taken when the height was finalized, so the summary a
   * CUP states is a function of the finalized chain up to its height (identical on every honest
   * replica, hence threshold-signable), not of how far this replica has got since.
   */
  private final TreeMap<Long, byte[]> cupSummaries = new TreeMap<>();

  /** An epoch's keys and how they came about (null transcripts: genesis sharing). */
  record EpochRecord(EpochKeys keys, Transcript beacon, PublicCoefficients beaconSource,
      Transcript certification, PublicCoefficients certificationSource) {}

  /** A node a transcript's judgement blames (node index), and why. */
  public record Blame(int node, String reason) {}

  public SubnetDkg(ConsensusConfig config, ConsensusCrypto crypto, NodeSecrets me,
      CatchUpPackage start) {
    this(config, crypto, me, start, false);
  }

  /**
   * @param dealsBadly a Byzantine dealer ({@code BAD_DEALINGS}): each of its dealings encrypts a
   *     wrong share to the next node, which public verification cannot see
   * @throws IllegalArgumentException if {@code start}'s DKG summary is malformed, fails its
   *     public checks, or lacks the keys of the CUP's interval or the next
   */
  public SubnetDkg(ConsensusConfig config, ConsensusCrypto crypto, NodeSecrets me,
      CatchUpPackage start, boolean dealsBadly) {
    this.config = config;
    this.crypto = crypto;
    this.schedule = new DkgSchedule(config.dkgInterval(),
        config.dkgInterval() > 0 && crypto.mode() == ConsensusCrypto.Mode.REAL);
    var k = crypto.keys();
    this.genesis = new EpochKeys(0, k.beaconKey(), k.certificationKey(),
        crypto.publicKeyShares(k.beaconKey()), crypto.publicKeyShares(k.certificationKey()),
        me.beaconShare(), me.certificationShare());
    DkgItemSigner signer = new DkgItemSigner(crypto, me);
    this.configs = new ResharingConfigs(config, crypto, epochs);
    this.dealer = new ResharingDealer(config, me, configs, signer, dealsBadly);
    this.checker = new DkgItemChecker(config, crypto, configs, items.pending());
    this.transcripts = new DkgTranscripts(crypto, configs);
    this.complaints = new ComplaintRound(config, me, configs, transcripts, signer);
    this.opener = new EpochOpener(crypto, me, configs, complaints, genesis);
    if (start.dkgSummary().length == 0) {
      epochs.put(0L, new EpochRecord(genesis, null, null, null, null));
      epochs.put(1L, new EpochRecord(genesis.asEpoch(1), null, null, null, null));
    } else {
      DkgSummary.decode(start.dkgSummary()).restore(this);
    }
    long e = epochOf(start.height());
    if (enabled() && (!epochs.containsKey(e) || !epochs.containsKey(e + 1))) {
      // A stale or truncated summary would leave this replica waiting forever for keys.
      throw new IllegalArgumentException("the dkg summary of the CUP at height "
          + start.height() + " lacks the keys of interval " + e + " or " + (e + 1));
    }
  }

  public boolean enabled() {
    return schedule.enabled();
  }

  public long epochOf(long height) {
    return schedule.epochOf(height);
  }

  /** The keys for signing and verifying at {@code height}, once known. */
  public Optional<EpochKeys> keys(long height) {
    if (!enabled()) {
      return Optional.of(genesis);
    }
    EpochRecord r = epochs.get(epochOf(height));
    return r == null ? Optional.empty() : Optional.of(r.keys());
  }

  /**
   * Every epoch's keys this replica holds now (the current and previous epochs' and those already
   * made for the next two; at most {@link #KEPT_EPOCHS}), oldest first: for observers that check
   * the sharings, never for signing.
   */
  public List<EpochKeys> heldKeys() {
    return epochs.values().stream().map(EpochRecord::keys).toList();
  }

  /**
   * Deals for epoch e+2 once the round height is in epoch e and this replica holds epoch e's
   * shares; returns the signed items to gossip (also kept for its own block proposals).
   */
  public List<DkgItem> maybeDeal(long roundHeight) {
    long e = epochOf(roundHeight);
    EpochRecord current = epochs.get(e);
    if (!enabled() || current == null) {
      return new ArrayList<>();
    }
    List<DkgItem> out = dealer.deal(e, current.keys());
    out.forEach(items::keep);
    out.stream().filter(i -> i.kind() == DkgItem.Kind.DEALING)
        .forEach(i -> crypto.dealt(config.n()));
    return out;
  }

  /** Our complaints to gossip (each returned once). */
  public List<DkgItem> drainGossip() {
    return items.drainGossip();
  }

  /** Nodes blamed by the transcripts made since the last call. */
  public List<Blame> drainBlames() {
    List<Blame> out = List.copyOf(blames);
    blames.clear();
    return out;
  }

  /** The outcome of checking a gossiped item. */
  public enum Verdict { ACCEPTED, IGNORED, PENDING }

  /**
   * Checks a gossiped item: a valid dealing for a future epoch is kept for inclusion.
   *
   * @throws IllegalArgumentException if it is malformed, forged or an invalid dealing
   */
  public Verdict onGossip(DkgItem item, long finalizedHeight) {
    if (!enabled() || item.targetEpoch() <= epochOf(finalizedHeight) + 1
        || items.isPending(item)) {
      return Verdict.IGNORED;
    }
    if (epochs.get(item.targetEpoch() - 2) == null) {
      return item.targetEpoch() - 2 <= epochOf(finalizedHeight) + 2 ? Verdict.PENDING
          : Verdict.IGNORED;
    }
    checker.check(item);
    items.keep(item);
    return Verdict.ACCEPTED;
  }

  /** Whether {@code height} is the first of a DKG interval, whose block is a summary block. */
  public boolean isSummaryHeight(long height) {
    return schedule.isSummaryHeight(height);
  }

  /**
   * The DKG summary a block at {@code height} carries: the interval's sharings at a summary
   * height, empty elsewhere; requires the interval's keys ({@link #keys}).
   */
  public byte[] summaryFor(long height) {
    if (!isSummaryHeight(height)) {
      return new byte[0];
    }
    return IntervalSummary.of(keys(height).orElseThrow()).encode();
  }

  /**
   * Checks a proposed block's DKG content: a summary block's summary equals ours (other blocks
   * have none); each item a valid, signed dealing (within the dealing window) or complaint for the
   * epoch after next.
   *
   * @throws IllegalArgumentException naming what is wrong; the block is invalid
   */
  public void checkBlock(Block b) {
    if (!enabled()) {
      if (!b.dkg().isEmpty() || b.dkgSummary().length > 0) {
        throw new IllegalArgumentException("block carries dkg content but the subnet has no DKG");
      }
      return;
    }
    byte[] expected = summaryFor(b.height());
    if (!Arrays.equals(expected, b.dkgSummary())) {
      throw new IllegalArgumentException(expected.length == 0
          ? "block at height " + b.height() + " is not a summary block but carries a dkg summary"
          : "summary block at height " + b.height() + " carries a dkg summary that differs "
              + "from the interval's sharings");
    }
    for (byte[] raw : b.dkg()) {
      DkgItem item = DkgItem.decode(raw);
      long e = epochOf(b.height());
      if (item.targetEpoch() != e + 2) {
        throw new IllegalArgumentException("block at height " + b.height() + " carries a dkg "
            + "item for epoch " + item.targetEpoch());
      }
      if (item.kind() == DkgItem.Kind.DEALING && b.height() > schedule.lastDealingHeight(e)) {
        throw new IllegalArgumentException("block at height " + b.height() + " carries a dkg "
            + "dealing after the dealing window (last height " + schedule.lastDealingHeight(e)
            + ")");
      }
      checker.check(item);
    }
  }

  /**
   * DKG items for a block at {@code height}: pending items for the epoch after next that neither
   * the finalized chain nor the unfinalized ancestors ({@code ancestorItems}) include yet; dealings
   * only within the dealing window.
   */
  public List<byte[]> payloadFor(long height, List<byte[]> ancestorItems) {
    if (!enabled()) {
      return List.of();
    }
    long e = epochOf(height);
    return items.payloadFor(e + 2, height <= schedule.lastDealingHeight(e), ancestorItems);
  }

  /**
   * A finalized block: counts its items; at the dealing window's end, checks our shares in the
   * tentative transcripts (complaining if one is bad); at the epoch's end, makes epoch e+2's keys.
   */
  public void onFinalized(Block b) {
    if (!enabled()) {
      return;
    }
    long e = epochOf(b.height());
    items.includeFinalized(b, e + 2);
    if (b.height() == schedule.lastDealingHeight(e) && epochs.containsKey(e)) {
      checkTentative(e + 2);
    }
    if (b.height() == schedule.lastHeight(e) && !epochs.containsKey(e + 2)) {
      makeEpoch(e + 2);
    }
    if (b.height() % config.cupInterval() == 0) {
      cupSummaries.put(b.height(), summary(b.height()));
      while (cupSummaries.size() > KEPT_CUP_SUMMARIES) {
        cupSummaries.pollFirstEntry();
      }
    }
  }

  /**
   * The DKG summary for a CUP at {@code height}, as of that height's finalization; empty if this
   * replica did not finalize it itself (it started from a later CUP) or it is long past.
   */
  public Optional<byte[]> cupSummary(long height) {
    if (!enabled()) {
      return Optional.of(new byte[0]);
    }
    return Optional.ofNullable(cupSummaries.get(height));
  }

  /**
   * The complaint round ({@link ComplaintRound}): our complaints against the window's bad
   * dealings are kept for inclusion and gossip.
   */
  private void checkTentative(long target) {
    for (DkgItem complaint : complaints.checkShares(target,
        key -> items.included(target, key, DkgItem.Kind.DEALING))) {
      items.complain(complaint);
    }
  }

  private void makeEpoch(long target) {
    EpochRecord source = epochs.get(target - 2);
    Transcript[] made = new Transcript[2];
    for (ThresholdKey key : ThresholdKey.values()) {
      Transcript t = transcripts.transcript(target, key,
          items.included(target, key, DkgItem.Kind.DEALING),
          items.included(target, key, DkgItem.Kind.COMPLAINT));
      made[key.ordinal()] = t;
      if (t != null) {
        blames.addAll(DkgTranscripts.blames(t, key, target));
      }
    }
    epochs.put(target, opener.open(target, source, made[0], made[1]));
    items.dropThrough(target);
    epochs.headMap(target - KEPT_EPOCHS).clear();
    configs.dropThrough(target);
    complaints.dropThrough(target);
  }

  /** An epoch's record from a CUP's summary entry (transcripts already checked). */
  EpochRecord restored(DkgSummary.Entry e) {
    return opener.restored(e);
  }

  /** The summary a CUP at {@code height} carries: epochs from its own on, and included items. */
  private byte[] summary(long height) {
    if (!enabled()) {
      return new byte[0];
    }
    return DkgSummary.of(this, epochOf(height)).encode();
  }

  // --- for DkgSummary ---

  TreeMap<Long, EpochRecord> epochs() {
    return epochs;
  }

  TreeMap<Long, TreeMap<String, DkgItem>> included() {
    return items.included();
  }

  EpochKeys genesis() {
    return genesis;
  }

  ConsensusConfig config() {
    return config;
  }

  DkgConfig configFor(long target, ThresholdKey key, PublicCoefficients source) {
    return configs.of(target, key, source);
  }
}
