package dev.subnetsim.consensus.roles;

import dev.subnetsim.consensus.artifacts.ConsensusMessage.Beacon;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Notarization;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Share aggregator: f+1 beacon shares combine (Lagrange in G1) into the beacon; n-f notarization
 * or finalization shares on one block aggregate into a multi-signature; n-f certification shares
 * on one state root combine into its certification, and n-f shares on one catch-up package's
 * content into the signed CUP. Only validated shares reach the pool. A block is notarized only
 * if the consensus variant allows it ({@code ConsensusProtocol#mayNotarize}).
 */
public final class ShareAggregator implements Role {
  private final ConsensusCrypto crypto;

  public ShareAggregator(ConsensusCrypto crypto) {
    this.crypto = crypto;
  }

  @Override
  public void onStateChange(ConsensusPool pool, long now, Changes changes) {
    int quorum = pool.config().quorum();
    for (var e : pool.beaconShares.entrySet()) {
      long h = e.getKey();
      if (!pool.beacons.containsKey(h) && pool.beacons.containsKey(h - 1)
          && e.getValue().size() >= pool.config().beaconThreshold()) {
        byte[] sig = crypto.combineBeacon(first(e.getValue(), pool.config().beaconThreshold()));
        pool.beacons.put(h, sig);
        changes.broadcast(new Beacon(h, sig));
        changes.combined.add(new Changes.CombinedArtifact("random-beacon", h,
            crypto.beaconPublicKey(), SignedMessages.beaconMessage(h,
                ConsensusPool.sha256(pool.beacons.get(h - 1))), sig));
      }
    }
    for (var byHeight : pool.notarizationShares.entrySet()) {
      long h = byHeight.getKey();
      for (var byBlock : byHeight.getValue().entrySet()) {
        if (byBlock.getValue().size() >= quorum && !pool.notarizations
            .getOrDefault(h, new TreeMap<>()).containsKey(byBlock.getKey())
            && pool.config().protocol().mayNotarize(pool, h, byBlock.getKey())) {
          Map<Integer, byte[]> chosen = first(byBlock.getValue(), quorum);
          Notarization n = new Notarization(h, byBlock.getKey().toArray(),
              List.copyOf(chosen.keySet()), crypto.aggregate(new ArrayList<>(chosen.values())));
          pool.notarizations.computeIfAbsent(h, k -> new TreeMap<>()).put(byBlock.getKey(), n);
          changes.broadcast(n);
          changes.combined.add(new Changes.CombinedArtifact("notarization", h,
              crypto.aggregatePublicKey(n.signers()),
              SignedMessages.notarizationMessage(h, n.blockHash()), n.signature()));
        }
      }
    }
    for (var byHeight : pool.finalizationShares.entrySet()) {
      long h = byHeight.getKey();
      for (var byBlock : byHeight.getValue().entrySet()) {
        if (byBlock.getValue().size() >= quorum && !pool.finalizations.containsKey(h)
            && h > pool.config().protocol().slowPathFloor(pool)) {
          Map<Integer, byte[]> chosen = first(byBlock.getValue(), quorum);
          Finalization f = new Finalization(h, byBlock.getKey().toArray(),
              List.copyOf(chosen.keySet()), crypto.aggregate(new ArrayList<>(chosen.values())));
          pool.finalizations.put(h, f);
          changes.broadcast(f);
          changes.combined.add(new Changes.CombinedArtifact("finalization", h,
              crypto.aggregatePublicKey(f.signers()),
              SignedMessages.finalizationMessage(h, f.blockHash()), f.signature()));
        }
      }
    }
    for (var byHeight : pool.certificationShares.entrySet()) {
      long h = byHeight.getKey();
      for (var byRoot : byHeight.getValue().entrySet()) {
        if (byRoot.getValue().size() >= quorum && !pool.certifications.containsKey(h)) {
          byte[] sig = crypto.combineCertification(first(byRoot.getValue(), quorum));
          Certification c = new Certification(h, byRoot.getKey().toArray(), sig);
          pool.certifications.put(h, c);
          changes.certified.add(c);
          changes.broadcast(c);
          changes.combined.add(new Changes.CombinedArtifact("certification", h,
              crypto.certificationPublicKey(), SignedMessages.certificationMessage(c.stateRoot()),
              sig));
        }
      }
    }
    // The newest CUP with n-f shares on our content; older unsigned ones are then moot.
    for (var e : pool.unsignedCups.descendingMap().entrySet()) {
      long h = e.getKey();
      ConsensusPool.UnsignedCup cup = e.getValue();
      TreeMap<Integer, byte[]> shares = pool.cupShares.getOrDefault(h, new TreeMap<>())
          .get(cup.key());
      if (h > pool.latestCup.height() && shares != null && shares.size() >= quorum) {
        byte[] sig = crypto.combineCertification(first(shares, quorum));
        pool.latestCup = cup.content().signed(sig);
        changes.combined.add(new Changes.CombinedArtifact("catch-up-package", h,
            crypto.certificationPublicKey(),
            SignedMessages.cupMessage(h, cup.contentHash()), sig));
        pool.unsignedCups.headMap(h, true).clear();
        pool.cupShares.headMap(h, true).clear();
        break;
      }
    }
  }

  private static Map<Integer, byte[]> first(TreeMap<Integer, byte[]> shares, int count) {
    Map<Integer, byte[]> out = new TreeMap<>();
    for (var e : shares.entrySet()) {
      if (out.size() == count) {
        break;
      }
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }
}
