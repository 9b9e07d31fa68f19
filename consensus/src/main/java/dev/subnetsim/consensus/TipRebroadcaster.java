package dev.subnetsim.consensus;

import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.roles.Changes;
import java.util.TreeMap;

/**
 * Re-sends the artifacts at the tip every unit delay, so replicas that missed messages (loss,
 * partitions, restarts) converge; the IC's artifact pool gossip plays this part.
 */
final class TipRebroadcaster {
  private final ConsensusPool pool;
  /** This replica's committee index: only its own shares are re-sent. */
  private final int me;

  TipRebroadcaster(ConsensusPool pool, int me) {
    this.pool = pool;
    this.me = me;
  }

  void rebroadcast(Changes changes) {
    long notarized = pool.notarizedHeight();
    long h = notarized + 1;
    pool.notarizations.getOrDefault(notarized, new TreeMap<>()).values()
        .forEach(changes::broadcast);
    Finalization f = pool.finalizations.get(pool.finalizedHeight);
    if (f != null) {
      changes.broadcast(f);
    }
    byte[] beacon = pool.beacons.get(h);
    if (beacon != null) {
      changes.broadcast(new ConsensusMessage.Beacon(h, beacon));
    }
    byte[] share = pool.beaconShares.getOrDefault(h, new TreeMap<>()).get(me);
    if (share != null && beacon == null) {
      changes.broadcast(new ConsensusMessage.BeaconShare(h, me, share));
    }
    // This replica's share of the newest CUP not yet signed (shares lost in a partition would
    // otherwise leave it unsigned until the next CUP height).
    var unsigned = pool.unsignedCups.lastEntry();
    if (unsigned != null) {
      long ch = unsigned.getKey();
      byte[] mine = pool.cupShares.getOrDefault(ch, new TreeMap<>())
          .getOrDefault(unsigned.getValue().key(), new TreeMap<>()).get(me);
      if (mine != null) {
        changes.broadcast(new ConsensusMessage.CupShare(ch, unsigned.getValue().contentHash(), me,
            mine));
      }
    }
    // Relay every valid proposal at the open height (the IC gossips artifacts), so an equivocating
    // block maker's two blocks reach everyone and the rank is disqualified.
    pool.proposals.getOrDefault(h, new TreeMap<>()).values()
        .forEach(changes::broadcast);
    pool.notarizationShares.getOrDefault(h, new TreeMap<>()).forEach((block, shares) -> {
      byte[] mine = shares.get(me);
      if (mine != null) {
        byte[] vote = pool.fastVotes.getOrDefault(h, new TreeMap<>())
            .getOrDefault(block, new TreeMap<>()).getOrDefault(me, new byte[0]);
        changes.broadcast(new ConsensusMessage.NotarizationShare(h,
            block.toArray(), me, mine, vote));
      }
    });
    for (long fh = pool.finalizedHeight + 1; fh <= notarized; fh++) {
      final long height = fh;
      pool.finalizationShares.getOrDefault(fh, new TreeMap<>()).forEach((block, s) -> {
        byte[] mine = s.get(me);
        if (mine != null) {
          changes.broadcast(new ConsensusMessage.FinalizationShare(height,
              block.toArray(), me, mine));
        }
      });
    }
  }
}
