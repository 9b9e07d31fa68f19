package dev.subnetsim.consensus.dkg;

import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.Attribution;
import dev.subnetsim.chainkey.dkg.Complaint;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DealingValidator;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.DkgDealer;
import dev.subnetsim.chainkey.dkg.DkgReceiver;
import dev.subnetsim.chainkey.dkg.InsufficientDealingsException;
import dev.subnetsim.chainkey.dkg.ShareOpening;
import dev.subnetsim.chainkey.dkg.Transcript;
import dev.subnetsim.chainkey.dkg.TranscriptBuilder;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.NodeSecrets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

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
 * the transcripts, which every replica computes from the blocks. Catch-up packages carry them ({@link DkgSummary}) so a restarted replica
 * recovers its shares. A replica that was down through an epoch's complaint round cannot complain
 * in it: if a dealer cheated it, it holds no share of that key for the epoch.
 */
public final class SubnetDkg {
  /** Epochs of keys kept (a few back, for late shares and for inspection). */
  static final int KEPT_EPOCHS = 8;
  private static final int KEPT_CUP_SUMMARIES = 4;

  private final ConsensusConfig config;
  private final ConsensusCrypto crypto;
  private final NodeSecrets me;
  private final EpochKeys genesis;
  private final TreeMap<Long, EpochRecord> epochs = new TreeMap<>();
  /** Finalized dealings by target epoch, then slot (key/dealer): the first per slot counts. */
  private final TreeMap<Long, TreeMap<String, DkgItem>> included = new TreeMap<>();
  /** Valid gossiped dealings awaiting inclusion, by slot. */
  private final TreeMap<String, DkgItem> pending = new TreeMap<>();
  private final TreeSet<Long> dealt = new TreeSet<>();
  /** Our complaints awaiting gossip. */
  private final List<DkgItem> toGossip = new ArrayList<>();
  /** Shares computed from tentative transcripts, by target epoch and key. */
  private final TreeMap<Long, EnumMap<ThresholdKey, Tentative>> tentative = new TreeMap<>();
  /** Nodes the judged transcripts blame, awaiting report. */
  private final List<Blame> blames = new ArrayList<>();
  /** A Byzantine dealer: encrypts a garbage share to one receiver ({@link #maybeDeal}). */
  private final boolean dealsBadly;
  /** Resharing configs by target epoch and key (a config checks its receiver keys when built). */
  private final TreeMap<Long, EnumMap<ThresholdKey, DkgConfig>> configs = new TreeMap<>();
  /**
   * DKG summaries of the latest CUP heights, taken when the height was finalized, so the summary a
   * CUP states is a function of the finalized chain up to its height (identical on every honest
   * replica, hence threshold-signable), not of how far this replica has got since.
   */
  private final TreeMap<Long, byte[]> cupSummaries = new TreeMap<>();

  /** An epoch's keys and how they came about (null transcripts: genesis sharing). */
  record EpochRecord(EpochKeys keys, Transcript beacon, PublicCoefficients beaconSource,
      Transcript certification, PublicCoefficients certificationSource) {}

  private record Tentative(Transcript transcript, Scalar share) {}

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
    this.dealsBadly = dealsBadly;
    this.crypto = crypto;
    this.me = me;
    var k = crypto.keys();
    this.genesis = new EpochKeys(0, k.beaconKey(), k.certificationKey(),
        crypto.publicKeyShares(k.beaconKey()), crypto.publicKeyShares(k.certificationKey()),
        me.beaconShare(), me.certificationShare());
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
    return config.dkgInterval() > 0 && crypto.mode() == ConsensusCrypto.Mode.REAL;
  }

  public long epochOf(long height) {
    return enabled() && height > 0 ? (height - 1) / config.dkgInterval() : 0;
  }

  private long lastHeight(long epoch) {
    return (epoch + 1) * config.dkgInterval();
  }

  /** The last height of epoch e whose blocks may include dealings: the window is ceil(I/2). */
  private long lastDealingHeight(long epoch) {
    return epoch * config.dkgInterval() + (config.dkgInterval() + 1) / 2;
  }

  /** The keys for signing and verifying at {@code height}, once known. */
  public Optional<EpochKeys> keys(long height) {
    if (!enabled()) {
      return Optional.of(genesis);
    }
    EpochRecord r = epochs.get(epochOf(height));
    return r == null ? Optional.empty() : Optional.of(r.keys());
  }

  private DkgConfig dkgConfig(long target, ThresholdKey key, PublicCoefficients source) {
    byte[] id = (config.subnet().name() + "/" + key.name().toLowerCase() + "/epoch-" + target)
        .getBytes(StandardCharsets.UTF_8);
    int threshold = key == ThresholdKey.BEACON ? config.beaconThreshold() : config.quorum();
    return DkgConfig.resharing(id, source, config.n(), crypto.keys().dkgReceiverKeys(), threshold);
  }

  private Optional<DkgConfig> dkgConfig(long target, ThresholdKey key) {
    EpochRecord source = epochs.get(target - 2);
    return source == null ? Optional.empty()
        : Optional.of(configs.computeIfAbsent(target, t -> new EnumMap<>(ThresholdKey.class))
            .computeIfAbsent(key, k -> dkgConfig(target, k, source.keys().coefficients(k))));
  }

  /**
   * Deals for epoch e+2 once the round height is in epoch e and this replica holds epoch e's
   * shares; returns the signed items to gossip (also kept for its own block proposals).
   */
  public List<DkgItem> maybeDeal(long roundHeight) {
    List<DkgItem> out = new ArrayList<>();
    long e = epochOf(roundHeight);
    EpochRecord current = epochs.get(e);
    if (!enabled() || current == null || !dealt.add(e)) {
      return out;
    }
    for (ThresholdKey key : ThresholdKey.values()) {
      if (current.keys().myShare(key) == null) {
        continue;
      }
      DkgConfig c = dkgConfig(e + 2, key).orElseThrow();
      SeededRandom rng = SeededRandom.fromSeed(me.multiSigKey().toBytes(),
          "consensus-dkg/" + config.subnet().name() + "/" + (e + 2) + "/" + key);
      Dealing dealing = new DkgDealer(c, me.index()).createResharingDealing(
          current.keys().myShare(key), rng);
      if (dealsBadly) {
        dealing = withBadShare(dealing, (me.index() + 1) % config.n());
      }
      DkgItem item = sign(DkgItem.Kind.DEALING, e + 2, key, dealing.toBytes());
      pending.put(item.slot(), item);
      out.add(item);
    }
    return out;
  }

  private DkgItem sign(DkgItem.Kind kind, long target, ThresholdKey key, byte[] body) {
    byte[] sig = crypto.signIndividually(me,
        DkgItem.signedMessage(kind, target, key, me.index(), body));
    return new DkgItem(kind, target, key, me.index(), body, sig);
  }

  /** The dealing with receiver {@code victim}'s encrypted share off by one. */
  private static Dealing withBadShare(Dealing d, int victim) {
    List<Scalar> ciphertexts = new ArrayList<>(d.ciphertexts());
    ciphertexts.set(victim, ciphertexts.get(victim).add(Scalar.ONE));
    return new Dealing(d.dealerIndex(), d.commitment(), d.ephemeralKey(), ciphertexts);
  }

  /** Our complaints to gossip (each returned once). */
  public List<DkgItem> drainGossip() {
    List<DkgItem> out = List.copyOf(toGossip);
    toGossip.clear();
    return out;
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
        || pending.containsKey(item.slot())) {
      return Verdict.IGNORED;
    }
    if (epochs.get(item.targetEpoch() - 2) == null) {
      return item.targetEpoch() - 2 <= epochOf(finalizedHeight) + 2 ? Verdict.PENDING
          : Verdict.IGNORED;
    }
    check(item);
    pending.put(item.slot(), item);
    return Verdict.ACCEPTED;
  }

  /**
   * Public checks of an item: signer and signature; a dealing against its resharing config; a
   * complaint well-formed, by its signer, against another node (judged when the transcript is made).
   */
  private void check(DkgItem item) {
    DkgItem known = pending.get(item.slot());
    if (known != null && Arrays.equals(known.body(), item.body())
        && Arrays.equals(known.signature(), item.signature())) {
      return; // the same item passed these checks when it was gossiped (or is our own)
    }
    String what = "dkg " + item.kind().name().toLowerCase() + " of node index " + item.signer();
    if (item.signer() >= config.n()) {
      throw new IllegalArgumentException(what + ": unknown signer");
    }
    if (!crypto.verifyIndividual(item.signer(), item.signedMessage(), item.signature())) {
      throw new IllegalArgumentException(what + ": not signed by its signer");
    }
    if (item.kind() == DkgItem.Kind.COMPLAINT) {
      Complaint c = Complaint.fromBytes(item.body()); // MalformedDkgBytesException names the field
      if (c.complainerIndex() != item.signer() || c.dealerIndex() >= config.n()
          || c.dealerIndex() == item.signer()) {
        throw new IllegalArgumentException(what + ": complaint of " + c.complainerIndex()
            + " against " + c.dealerIndex());
      }
      return;
    }
    DkgConfig c = dkgConfig(item.targetEpoch(), item.key()).orElseThrow(
        () -> new IllegalArgumentException(what + " for epoch " + item.targetEpoch()
            + " whose source keys are unknown"));
    boolean valid = crypto.verifyCached("dkg-dealing", c.toBytes(), item.body(), () -> {
      try {
        Dealing d = Dealing.fromBytes(item.body());
        return d.dealerIndex() == item.signer() && DealingValidator.isValid(c, d);
      } catch (RuntimeException e) {
        return false;
      }
    });
    if (!valid) {
      throw new IllegalArgumentException("invalid " + what + " for epoch " + item.targetEpoch());
    }
  }

  /** Whether {@code height} is the first of a DKG interval, whose block is a summary block. */
  public boolean isSummaryHeight(long height) {
    return enabled() && height > 0 && (height - 1) % config.dkgInterval() == 0;
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
      if (item.kind() == DkgItem.Kind.DEALING && b.height() > lastDealingHeight(e)) {
        throw new IllegalArgumentException("block at height " + b.height() + " carries a dkg "
            + "dealing after the dealing window (last height " + lastDealingHeight(e) + ")");
      }
      check(item);
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
    long target = epochOf(height) + 2;
    boolean window = height <= lastDealingHeight(epochOf(height));
    TreeSet<String> present = new TreeSet<>(included.getOrDefault(target, new TreeMap<>()).keySet());
    for (byte[] raw : ancestorItems) {
      present.add(DkgItem.decode(raw).slot());
    }
    List<byte[]> out = new ArrayList<>();
    for (DkgItem item : pending.values()) {
      if (item.targetEpoch() == target && !present.contains(item.slot())
          && (window || item.kind() == DkgItem.Kind.COMPLAINT)) {
        out.add(item.encode());
      }
    }
    return out;
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
    for (byte[] raw : b.dkg()) {
      DkgItem item;
      try {
        item = DkgItem.decode(raw);
      } catch (IllegalArgumentException ex) {
        continue; // unreachable: n-f replicas validated the block before finalizing it
      }
      if (item.targetEpoch() == e + 2) {
        included.computeIfAbsent(e + 2, k -> new TreeMap<>()).putIfAbsent(item.slot(), item);
      }
    }
    if (b.height() == lastDealingHeight(e) && epochs.containsKey(e)) {
      checkTentative(e + 2);
    }
    if (b.height() == lastHeight(e) && !epochs.containsKey(e + 2)) {
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

  private List<DkgItem> includedItems(long target, ThresholdKey key, DkgItem.Kind kind) {
    return included.getOrDefault(target, new TreeMap<>()).values().stream()
        .filter(i -> i.key() == key && i.kind() == kind).toList();
  }

  /**
   * The transcript of {@code key} for epoch {@code target} from the given dealings and complaints,
   * built once per run (all honest replicas build it from the same finalized items); null if too
   * few dealings remain.
   */
  private Transcript transcript(long target, ThresholdKey key, List<DkgItem> dealingItems,
      List<DkgItem> complaintItems) {
    DkgConfig c = dkgConfig(target, key).orElseThrow();
    String memo = "dkg-transcript/" + HexFormat.of().formatHex(ConsensusCrypto.sha256(c.toBytes()))
        + "/" + dealingItems.stream().map(DkgItem::slot).toList()
        + "/" + complaintItems.stream().map(DkgItem::slot).toList();
    return crypto.memo(memo, () -> {
      // Decoding a dealing checks its points' subgroups: done once per run, not per replica.
      List<Dealing> dealings = new ArrayList<>();
      dealingItems.forEach(i -> dealings.add(Dealing.fromBytes(i.body())));
      List<Complaint> complaints = new ArrayList<>();
      complaintItems.forEach(i -> complaints.add(Complaint.fromBytes(i.body())));
      try {
        return TranscriptBuilder.build(c, dealings, complaints);
      } catch (InsufficientDealingsException ex) {
        return null;
      }
    });
  }

  /**
   * The complaint round: our share from the tentative transcript (the window's dealings, no
   * complaints); if it does not match, every included dealing is opened and each bad one gets a
   * complaint, so the final transcript excludes its dealer.
   */
  private void checkTentative(long target) {
    for (ThresholdKey key : ThresholdKey.values()) {
      List<DkgItem> dealingItems = includedItems(target, key, DkgItem.Kind.DEALING);
      Transcript t = transcript(target, key, dealingItems, List.of());
      if (t == null) {
        continue;
      }
      DkgConfig c = dkgConfig(target, key).orElseThrow();
      try {
        Scalar share = new DkgReceiver(c, me.index(), me.dkgReceiver()).computeKeyShare(t);
        tentative.computeIfAbsent(target, x -> new EnumMap<>(ThresholdKey.class))
            .put(key, new Tentative(t, share));
      } catch (RuntimeException bad) {
        complain(target, key, c, dealingItems);
      }
    }
  }

  private void complain(long target, ThresholdKey key, DkgConfig c, List<DkgItem> dealingItems) {
    DkgReceiver receiver = new DkgReceiver(c, me.index(), me.dkgReceiver());
    SeededRandom rng = SeededRandom.fromSeed(me.multiSigKey().toBytes(),
        "consensus-dkg-complaint/" + config.subnet().name() + "/" + target + "/" + key);
    for (DkgItem i : dealingItems) {
      if (receiver.open(Dealing.fromBytes(i.body()), rng) instanceof ShareOpening.Invalid bad) {
        DkgItem complaint = sign(DkgItem.Kind.COMPLAINT, target, key,
            bad.complaint().toBytes());
        pending.put(complaint.slot(), complaint);
        toGossip.add(complaint);
      }
    }
  }

  private void makeEpoch(long target) {
    EpochRecord source = epochs.get(target - 2);
    Transcript[] transcripts = new Transcript[2];
    for (ThresholdKey key : ThresholdKey.values()) {
      Transcript t = transcript(target, key, includedItems(target, key, DkgItem.Kind.DEALING),
          includedItems(target, key, DkgItem.Kind.COMPLAINT));
      transcripts[key.ordinal()] = t;
      if (t != null) {
        for (Attribution a : t.attributions()) {
          blames.add(switch (a.kind()) {
            case UPHELD_COMPLAINT -> new Blame(a.accused(), "dkg: upheld complaint of node index "
                + a.reporter() + " against the " + key + " dealing for epoch " + target);
            case FALSE_COMPLAINT -> new Blame(a.accused(), "dkg: false complaint against node "
                + "index " + a.reporter() + " in the " + key + " dkg for epoch " + target);
            default -> new Blame(a.accused(), "dkg: " + a.kind() + " in the " + key
                + " dkg for epoch " + target);
          });
        }
      }
    }
    epochs.put(target, open(target, source, transcripts[0], transcripts[1]));
    included.headMap(target, true).clear();
    pending.values().removeIf(i -> i.targetEpoch() <= target);
    epochs.headMap(target - KEPT_EPOCHS).clear();
    configs.headMap(target, true).clear();
    tentative.headMap(target, true).clear();
  }

  /** Epoch keys from the transcripts (null: keep the source epoch's sharing of that key). */
  private EpochRecord open(long target, EpochRecord source, Transcript beacon, Transcript cert) {
    EpochKeys s = source.keys();
    PublicCoefficients bc = beacon == null ? s.beacon() : beacon.publicCoefficients();
    PublicCoefficients cc = cert == null ? s.certification() : cert.publicCoefficients();
    EpochKeys keys = new EpochKeys(target, bc, cc, crypto.publicKeyShares(bc),
        crypto.publicKeyShares(cc),
        beacon == null ? s.myBeaconShare() : myShare(target, ThresholdKey.BEACON, s.beacon(), beacon),
        cert == null ? s.myCertificationShare()
            : myShare(target, ThresholdKey.CERTIFICATION, s.certification(), cert));
    return new EpochRecord(keys, beacon == null ? source.beacon() : beacon,
        beacon == null ? source.beaconSource() : s.beacon(),
        cert == null ? source.certification() : cert,
        cert == null ? source.certificationSource() : s.certification());
  }

  private Scalar myShare(long target, ThresholdKey key, PublicCoefficients source, Transcript t) {
    Tentative early = tentative.getOrDefault(target, new EnumMap<>(ThresholdKey.class)).get(key);
    if (early != null && early.transcript() == t) {
      return early.share(); // no complaint changed the transcript (one memoized object)
    }
    try {
      return new DkgReceiver(dkgConfig(target, key, source), me.index(), me.dkgReceiver())
          .computeKeyShare(t);
    } catch (RuntimeException e) {
      return null; // a bad share was dealt to us: no share of this key this epoch
    }
  }

  /** An epoch's record from a CUP's summary entry (transcripts already checked). */
  EpochRecord restored(DkgSummary.Entry e) {
    PublicCoefficients bc = e.beacon() == null ? genesis.beacon()
        : e.beacon().publicCoefficients();
    PublicCoefficients cc = e.certification() == null ? genesis.certification()
        : e.certification().publicCoefficients();
    EpochKeys keys = new EpochKeys(e.epoch(), bc, cc, crypto.publicKeyShares(bc),
        crypto.publicKeyShares(cc),
        e.beacon() == null ? genesis.myBeaconShare()
            : myShare(e.epoch(), ThresholdKey.BEACON, e.beaconSource(), e.beacon()),
        e.certification() == null ? genesis.myCertificationShare()
            : myShare(e.epoch(), ThresholdKey.CERTIFICATION, e.certificationSource(),
                e.certification()));
    return new EpochRecord(keys, e.beacon(), e.beaconSource(), e.certification(),
        e.certificationSource());
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
    return included;
  }

  EpochKeys genesis() {
    return genesis;
  }

  ConsensusConfig config() {
    return config;
  }

  DkgConfig configFor(long target, ThresholdKey key, PublicCoefficients source) {
    return dkgConfig(target, key, source);
  }
}
