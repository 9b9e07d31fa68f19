package dev.subnetsim.consensus.dkg;

import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DealingValidator;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.DkgDealer;
import dev.subnetsim.chainkey.dkg.DkgReceiver;
import dev.subnetsim.chainkey.dkg.InsufficientDealingsException;
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
 *       epoch e+2 ({@link #maybeDeal}), signs the dealings and gossips them; block makers of epoch
 *       e include valid dealings not yet in their chain ({@link #payloadFor}).
 *   <li>When the last block of epoch e is finalized, the dealings its finalized blocks included
 *       make the epoch-(e+2) transcripts ({@link #onFinalized}): the first collection-threshold
 *       dealers by index; each replica decrypts its new share. The public keys stay the same, the
 *       sharings change, so shares of different epochs do not combine. Too few dealings: epoch e+2
 *       keeps epoch e's sharing (as the IC keeps the old transcripts when a DKG fails).
 *   <li>Heights of epoch e use epoch e's keys; a replica that has not yet finalized epoch e-2 waits
 *       ({@link #keys} is empty) rather than guess.
 * </ol>
 *
 * <p>The transcripts are a deterministic function of the finalized chain, so every honest replica
 * derives the same ones; they are not carried in a summary block but computed from the blocks
 * (simplification). Catch-up packages carry them ({@link DkgSummary}) so a restarted replica
 * recovers its shares. <b>Not modelled yet</b>: complaints in the consensus DKG (the chainkey DKG
 * has them): a dealer that encrypts a bad share to a replica leaves that replica without a share
 * for the epoch, and no Byzantine behaviour deals badly here.
 */
public final class SubnetDkg {
  /** Epochs of keys kept (a few back, for late shares and for inspection). */
  static final int KEPT_EPOCHS = 8;
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

  /** An epoch's keys and how they came about (null transcripts: genesis sharing). */
  record EpochRecord(EpochKeys keys, Transcript beacon, PublicCoefficients beaconSource,
      Transcript certification, PublicCoefficients certificationSource) {}

  public SubnetDkg(ConsensusConfig config, ConsensusCrypto crypto, NodeSecrets me,
      CatchUpPackage start) {
    this.config = config;
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
        : Optional.of(dkgConfig(target, key, source.keys().coefficients(key)));
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
      byte[] bytes = dealing.toBytes();
      byte[] sig = crypto.signIndividually(me,
          DkgItem.signedMessage(e + 2, key, me.index(), bytes));
      DkgItem item = new DkgItem(e + 2, key, me.index(), bytes, sig);
      pending.put(item.slot(), item);
      out.add(item);
    }
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

  /** Public checks of an item: signer, signature and the dealing against its resharing config. */
  private void check(DkgItem item) {
    if (item.dealer() >= config.n()) {
      throw new IllegalArgumentException("dkg dealing of unknown dealer " + item.dealer());
    }
    if (!crypto.verifyIndividual(item.dealer(), item.signedMessage(), item.signature())) {
      throw new IllegalArgumentException("dkg dealing not signed by its dealer " + item.dealer());
    }
    DkgConfig c = dkgConfig(item.targetEpoch(), item.key()).orElseThrow(
        () -> new IllegalArgumentException("dkg dealing for epoch " + item.targetEpoch()
            + " whose source keys are unknown"));
    boolean valid = crypto.verifyCached("dkg-dealing", c.toBytes(), item.dealing(), () -> {
      try {
        Dealing d = Dealing.fromBytes(item.dealing());
        return d.dealerIndex() == item.dealer() && DealingValidator.isValid(c, d);
      } catch (RuntimeException e) {
        return false;
      }
    });
    if (!valid) {
      throw new IllegalArgumentException("invalid dkg dealing of dealer " + item.dealer()
          + " for epoch " + item.targetEpoch());
    }
  }

  /**
   * Checks a proposed block's DKG items: each a valid, signed dealing for the epoch after next.
   *
   * @throws IllegalArgumentException naming the bad item; the block is invalid
   */
  public void checkBlock(Block b) {
    if (!enabled()) {
      if (!b.dkg().isEmpty()) {
        throw new IllegalArgumentException("block carries dkg items but the subnet has no DKG");
      }
      return;
    }
    for (byte[] raw : b.dkg()) {
      DkgItem item = DkgItem.decode(raw);
      if (item.targetEpoch() != epochOf(b.height()) + 2) {
        throw new IllegalArgumentException("block at height " + b.height() + " carries a dkg "
            + "dealing for epoch " + item.targetEpoch());
      }
      check(item);
    }
  }

  /**
   * DKG items for a block at {@code height}: pending dealings for the epoch after next that neither
   * the finalized chain nor the unfinalized ancestors ({@code ancestorItems}) include yet.
   */
  public List<byte[]> payloadFor(long height, List<byte[]> ancestorItems) {
    if (!enabled()) {
      return List.of();
    }
    long target = epochOf(height) + 2;
    TreeSet<String> present = new TreeSet<>(included.getOrDefault(target, new TreeMap<>()).keySet());
    for (byte[] raw : ancestorItems) {
      present.add(DkgItem.decode(raw).slot());
    }
    List<byte[]> out = new ArrayList<>();
    for (DkgItem item : pending.values()) {
      if (item.targetEpoch() == target && !present.contains(item.slot())) {
        out.add(item.encode());
      }
    }
    return out;
  }

  /** A finalized block: counts its dealings; at an epoch's last height, makes epoch e+2's keys. */
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
    if (b.height() == lastHeight(e) && !epochs.containsKey(e + 2)) {
      makeEpoch(e + 2);
    }
  }

  private void makeEpoch(long target) {
    EpochRecord source = epochs.get(target - 2);
    TreeMap<String, DkgItem> items = included.getOrDefault(target, new TreeMap<>());
    Transcript[] transcripts = new Transcript[2];
    for (ThresholdKey key : ThresholdKey.values()) {
      List<Dealing> dealings = new ArrayList<>();
      items.values().stream().filter(i -> i.key() == key)
          .forEach(i -> dealings.add(Dealing.fromBytes(i.dealing())));
      DkgConfig c = dkgConfig(target, key, source.keys().coefficients(key));
      String memo = "dkg-transcript/" + HexFormat.of().formatHex(
          ConsensusCrypto.sha256(c.toBytes())) + "/" + items.keySet();
      transcripts[key.ordinal()] = crypto.memo(memo, () -> {
        try {
          return TranscriptBuilder.build(c, dealings, List.of());
        } catch (InsufficientDealingsException ex) {
          return null;
        }
      });
    }
    epochs.put(target, open(target, source, transcripts[0], transcripts[1]));
    included.headMap(target, true).clear();
    pending.values().removeIf(i -> i.targetEpoch() <= target);
    epochs.headMap(target - KEPT_EPOCHS).clear();
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

  private dev.subnetsim.chainkey.bls12381.Scalar myShare(long target, ThresholdKey key,
      PublicCoefficients source, Transcript t) {
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
  public byte[] summary(long height) {
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
