package dev.subnetsim.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BeaconShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Notarization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.roles.Changes;
import dev.subnetsim.consensus.testing.PoolFixture;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The rebroadcast re-sends what lets a replica that missed messages converge: the tip's
 * notarizations and finalization, the next beacon (or this node's share of it), proposals at the
 * open height, and this node's own shares there; never another node's shares.
 */
class TipRebroadcasterTest {
  private final PoolFixture fx = PoolFixture.committeeOfFour();
  private final ConsensusPool pool = fx.pool();

  private List<ConsensusMessage> run() {
    Changes changes = new Changes();
    new TipRebroadcaster(pool, fx.self()).rebroadcast(changes);
    assertThat(changes.outgoing).allSatisfy(o -> assertThat(o.to()).isNull());
    return changes.outgoing.stream().map(Changes.Outgoing::message).toList();
  }

  private void putNotarizationShare(NotarizationShare s) {
    pool.notarizationShares.computeIfAbsent(s.height(), k -> new TreeMap<>())
        .computeIfAbsent(Bytes.of(s.blockHash()), k -> new TreeMap<>())
        .put(s.signer(), s.signature());
  }

  @Test
  void theTipsNotarizationFinalizationAndTheNextBeaconAreResent() {
    List<Block> chain = fx.addNotarizedChain(2);
    fx.markFinalized(chain.get(0));
    fx.addBeacon(3);

    List<ConsensusMessage> sent = run();

    assertThat(sent).filteredOn(m -> m instanceof Notarization)
        .extracting(ConsensusMessage::height).containsExactly(2L);
    assertThat(sent).filteredOn(m -> m instanceof Finalization)
        .extracting(ConsensusMessage::height).containsExactly(1L);
    assertThat(sent).filteredOn(m -> m instanceof ConsensusMessage.Beacon)
        .extracting(ConsensusMessage::height).containsExactly(3L);
    assertThat(sent).noneMatch(m -> m instanceof BeaconShare);
  }

  @Test
  void ownBeaconShareIsResentOnlyWhileTheBeaconIsUnknown() {
    BeaconShare mine = fx.beaconShare(fx.self(), 1);
    pool.beaconShares.computeIfAbsent(1L, k -> new TreeMap<>()).put(fx.self(), mine.share());
    pool.beaconShares.get(1L).put(2, fx.beaconShare(2, 1).share());

    assertThat(run()).filteredOn(m -> m instanceof BeaconShare)
        .extracting(m -> ((BeaconShare) m).signer()).containsExactly(fx.self());

    fx.addBeacon(1);
    assertThat(run()).noneMatch(m -> m instanceof BeaconShare);
  }

  @Test
  void proposalsAndOnlyOwnNotarizationSharesAtTheOpenHeightAreResent() {
    fx.addBeacon(1);
    Block b = fx.block(1, fx.genesisHash(), fx.proposerOfRank(1, 0));
    BlockProposal p = fx.addProposal(b);
    putNotarizationShare(fx.notarizationShare(fx.self(), b));
    putNotarizationShare(fx.notarizationShare(3, b));

    List<ConsensusMessage> sent = run();

    assertThat(sent).filteredOn(m -> m instanceof BlockProposal).containsExactly(p);
    assertThat(sent).filteredOn(m -> m instanceof NotarizationShare)
        .extracting(m -> ((NotarizationShare) m).signer()).containsExactly(fx.self());
  }
}
