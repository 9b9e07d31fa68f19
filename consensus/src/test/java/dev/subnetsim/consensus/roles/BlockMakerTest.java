package dev.subnetsim.consensus.roles;

import static dev.subnetsim.consensus.testing.PoolFixture.MS;
import static dev.subnetsim.consensus.testing.PoolFixture.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.pool.IngressPool;
import dev.subnetsim.consensus.testing.PoolFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The block maker of rank r proposes r unit delays into the round, unless a lower-rank block is
 * already valid, on the lowest-rank notarized parent, with ingress its chain lacks.
 */
class BlockMakerTest {
  private final PoolFixture fx = PoolFixture.committeeOfFour();
  private final ConsensusPool pool = fx.pool();
  private final IngressPool ingress = new IngressPool();

  private BlockMaker makerOfRank(long h, int rank) {
    return new BlockMaker(fx.context(fx.proposerOfRank(h, rank)), ingress);
  }

  private static Changes run(BlockMaker maker, ConsensusPool pool, long now) {
    Changes changes = new Changes();
    maker.onStateChange(pool, now, changes);
    return changes;
  }

  private static BlockProposal proposed(Changes changes) {
    assertThat(changes.outgoing).singleElement().satisfies(o -> assertThat(o.to()).isNull());
    return (BlockProposal) changes.outgoing.get(0).message();
  }

  private static byte[] msg(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theRankZeroMakerProposesAtTheRoundStartOnTheFinalizedTip() {
    fx.startRound(1, 7 * MS);
    int proposer = fx.proposerOfRank(1, 0);

    BlockProposal p = proposed(run(makerOfRank(1, 0), pool, 7 * MS));

    Block b = p.block();
    assertThat(b.height()).isEqualTo(1);
    assertThat(b.rank()).isZero();
    assertThat(b.proposer()).isEqualTo(proposer);
    assertThat(b.parentHash()).isEqualTo(fx.genesisHash());
    assertThat(b.timeNanos()).isEqualTo(7 * MS);
    assertThat(fx.crypto().verifyIndividual(proposer,
        SignedMessages.proposalMessage(1, b.hash()), p.signature())).isTrue();
    assertThat(pool.myProposals).containsExactly(1L);
    assertThat(pool.proposals.get(1L)).containsOnlyKeys(b.id());
  }

  @Test
  void aRankTwoMakerWaitsTwoUnitDelaysAndAsksToBeWokenThen() {
    fx.startRound(1, 0);
    BlockMaker maker = makerOfRank(1, 2);

    Changes early = run(maker, pool, 2 * UNIT - 1);

    assertThat(early.outgoing).isEmpty();
    assertThat(early.wakeAt).isEqualTo(2 * UNIT);
    assertThat(proposed(run(maker, pool, 2 * UNIT)).block().rank()).isEqualTo(2);
  }

  @Test
  void aMakerDoesNotProposeOnceALowerRankBlockIsValid() {
    fx.startRound(1, 0);
    fx.addProposal(fx.block(1, fx.genesisHash(), fx.proposerOfRank(1, 0)));

    Changes changes = run(makerOfRank(1, 1), pool, 5 * UNIT);

    assertThat(changes.outgoing).isEmpty();
    assertThat(pool.myProposals).isEmpty();
  }

  @Test
  void aMakerProposesAtMostOncePerHeight() {
    fx.startRound(1, 0);
    BlockMaker maker = makerOfRank(1, 0);

    assertThat(run(maker, pool, 0).outgoing).hasSize(1);
    assertThat(run(maker, pool, UNIT).outgoing).isEmpty();
  }

  @Test
  void aMakerProposesNothingWithoutTheHeightsBeacon() {
    fx.addBeacon(1);
    BlockMaker maker = makerOfRank(1, 0);
    pool.beacons.remove(1L);
    pool.roundStart.put(1L, 0L);

    assertThat(run(maker, pool, 10 * UNIT).outgoing).isEmpty();
  }

  @Test
  void aMakerBuildsOnTheLowestRankNotarizedBlockBelow() {
    fx.addBeacon(1);
    Block rank1 = fx.block(1, fx.genesisHash(), fx.proposerOfRank(1, 1));
    Block rank0 = fx.block(1, fx.genesisHash(), fx.proposerOfRank(1, 0));
    fx.addProposal(rank1);
    fx.addNotarization(rank1);
    fx.addProposal(rank0);
    fx.addNotarization(rank0);
    fx.startRound(2, 0);

    BlockProposal p = proposed(run(makerOfRank(2, 0), pool, 0));

    assertThat(p.block().parentHash()).isEqualTo(rank0.hash());
    assertThat(p.block().timeNanos()).as("never before the parent's time")
        .isEqualTo(rank0.timeNanos());
  }

  @Test
  void aMakerIncludesWaitingIngressItsChainDoesNotAlreadyCarry() {
    fx.addBeacon(1);
    Block parent = fx.block(1, fx.genesisHash(), fx.proposerOfRank(1, 0),
        List.of(msg("already in chain")));
    fx.addProposal(parent);
    fx.addNotarization(parent);
    fx.startRound(2, 0);
    ingress.add(msg("already in chain"));
    ingress.add(msg("new"));

    BlockProposal p = proposed(run(makerOfRank(2, 0), pool, 0));

    assertThat(p.block().ingress()).singleElement()
        .satisfies(m -> assertThat(m).isEqualTo(msg("new")));
  }

  @Test
  void aMakerIncludesAtMostTheConfiguredIngressPerBlock() {
    PoolFixture small = PoolFixture.builder().maxIngressPerBlock(2).build();
    small.startRound(1, 0);
    for (int i = 0; i < 5; i++) {
      ingress.add(msg("m" + i));
    }
    BlockMaker maker = new BlockMaker(small.context(small.proposerOfRank(1, 0)), ingress);

    BlockProposal p = proposed(run(maker, small.pool(), 0));

    assertThat(p.block().ingress()).extracting(m -> new String(m, StandardCharsets.UTF_8))
        .containsExactly("m0", "m1");
  }

  @Test
  void theFirstBlockOfADkgIntervalCarriesTheIntervalsSummaryAndTheMakersDealings() {
    PoolFixture dkg = PoolFixture.builder().dkgInterval(4).build();
    dkg.startRound(1, 0);
    NodeContext maker = dkg.context(dkg.proposerOfRank(1, 0));
    new IntervalDealer(maker).onStateChange(dkg.pool(), 0, new Changes());

    BlockProposal p = proposed(run(new BlockMaker(maker, ingress), dkg.pool(), 0));

    assertThat(p.block().dkgSummary()).isNotEmpty()
        .isEqualTo(maker.dkg().summaryFor(1));
    assertThat(p.block().dkg()).hasSize(2);
    maker.dkg().checkBlock(p.block()); // what every validator checks: no exception
  }

  @Test
  void aMakerWaitsAtASummaryHeightWhoseIntervalKeysItDoesNotKnowYet() {
    PoolFixture dkg = PoolFixture.builder().dkgInterval(4).build(); // real keys: DKG needs them
    dkg.addNotarizedChain(8);
    dkg.startRound(9, 0); // height 9 opens interval 2, whose keys come from dealings not made

    Changes changes = run(new BlockMaker(dkg.context(dkg.proposerOfRank(9, 0)), ingress),
        dkg.pool(), 10 * UNIT);

    assertThat(changes.outgoing).isEmpty();
    assertThat(dkg.pool().myProposals).isEmpty();
  }
}
