package dev.subnetsim.consensus.dkg;

import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.DkgReceiver;
import dev.subnetsim.chainkey.dkg.ShareOpening;
import dev.subnetsim.chainkey.dkg.Transcript;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.crypto.NodeSecrets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The complaint phase of the DKG for one replica: at the dealing window's end, its share from the
 * tentative transcript (the window's dealings, no complaints); if that fails, every included
 * dealing is opened and each bad one gets a signed complaint, so the final transcript excludes its
 * dealer. Shares that did compute are kept for when the epoch's keys are made.
 */
final class ComplaintRound {
  private final ConsensusConfig config;
  private final NodeSecrets me;
  private final ResharingConfigs configs;
  private final DkgTranscripts transcripts;
  private final DkgItemSigner signer;
  /** Shares computed from tentative transcripts, by target epoch and key. */
  private final TreeMap<Long, EnumMap<ThresholdKey, Tentative>> tentative = new TreeMap<>();

  private record Tentative(Transcript transcript, Scalar share) {}

  ComplaintRound(ConsensusConfig config, NodeSecrets me, ResharingConfigs configs,
      DkgTranscripts transcripts, DkgItemSigner signer) {
    this.config = config;
    this.me = me;
    this.configs = configs;
    this.transcripts = transcripts;
    this.signer = signer;
  }

  /**
   * Checks our shares in epoch {@code target}'s tentative transcripts, whose dealings
   * {@code dealingsOf} gives per key; returns our complaints, in order.
   */
  List<DkgItem> checkShares(long target, Function<ThresholdKey, List<DkgItem>> dealingsOf) {
    List<DkgItem> complaints = new ArrayList<>();
    for (ThresholdKey key : ThresholdKey.values()) {
      List<DkgItem> dealingItems = dealingsOf.apply(key);
      Transcript t = transcripts.transcript(target, key, dealingItems, List.of());
      if (t == null) {
        continue;
      }
      DkgConfig c = configs.forEpoch(target, key).orElseThrow();
      try {
        Scalar share = new DkgReceiver(c, me.index(), me.dkgReceiver()).computeKeyShare(t);
        tentative.computeIfAbsent(target, x -> new EnumMap<>(ThresholdKey.class))
            .put(key, new Tentative(t, share));
      } catch (RuntimeException bad) {
        complaints.addAll(complain(target, key, c, dealingItems));
      }
    }
    return complaints;
  }

  private List<DkgItem> complain(long target, ThresholdKey key, DkgConfig c,
      List<DkgItem> dealingItems) {
    List<DkgItem> out = new ArrayList<>();
    DkgReceiver receiver = new DkgReceiver(c, me.index(), me.dkgReceiver());
    SeededRandom rng = SeededRandom.fromSeed(me.multiSigKey().toBytes(),
        "consensus-dkg-complaint/" + config.subnet().name() + "/" + target + "/" + key);
    for (DkgItem i : dealingItems) {
      if (receiver.open(Dealing.fromBytes(i.body()), rng) instanceof ShareOpening.Invalid bad) {
        out.add(signer.sign(DkgItem.Kind.COMPLAINT, target, key, bad.complaint().toBytes()));
      }
    }
    return out;
  }

  /** Our share of {@code key} in epoch {@code target} if it came from transcript {@code t}. */
  Scalar shareFrom(long target, ThresholdKey key, Transcript t) {
    Tentative early = tentative.getOrDefault(target, new EnumMap<>(ThresholdKey.class)).get(key);
    // No complaint changed the transcript (one memoized object).
    return early != null && early.transcript() == t ? early.share() : null;
  }

  /** Forgets the tentative shares of epochs up to {@code target} (their keys are made). */
  void dropThrough(long target) {
    tentative.headMap(target, true).clear();
  }
}
