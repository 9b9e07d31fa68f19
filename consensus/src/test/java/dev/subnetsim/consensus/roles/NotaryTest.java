package dev.subnetsim.consensus.roles;

import static dev.subnetsim.consensus.testing.PoolFixture.MS;
import static dev.subnetsim.consensus.testing.PoolFixture.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.testing.PoolFixture;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The notary as a function of the pool: what it signs at the round's height, and when. */
class NotaryTest {
  /** The rank-0 notary delay of the fixture's config. */
  private static final long DELAY0 = UNIT * 3 / 10;

  private final PoolFixture fx = PoolFixture.committeeOfFour();
  private final ConsensusPool pool = fx.pool();
  private final Notary notary = new Notary(fx.node());

  private Changes run(long now) {
    Changes changes = new Changes();
    notary.onStateChange(pool, now, changes);
    return changes;
  }

  private static List<NotarizationShare> shares(Changes changes) {
    return changes.outgoing.stream().map(o -> {
      assertThat(o.to()).as("broadcast").isNull();
      return (NotarizationShare) o.message();
    }).toList();
  }

  private Block proposalOfRank(long h, int rank) {
    Block b = fx.block(h, fx.tipAt(h - 1), fx.proposerOfRank(h, rank));
    fx.addProposal(b);
    return b;
  }

  @Test
  void notarySignsTheLowestRankBlockOnceTheNotaryDelayHasPassed() {
    fx.startRound(1, 0);
    Block rank0 = proposalOfRank(1, 0);
    proposalOfRank(1, 1);

    List<NotarizationShare> signed = shares(run(DELAY0));

    assertThat(signed).singleElement().satisfies(s -> {
      assertThat(s.height()).isEqualTo(1);
      assertThat(s.blockHash()).isEqualTo(rank0.hash());
      assertThat(s.signer()).isEqualTo(fx.self());
      assertThat(fx.crypto().verifyIndividual(fx.self(),
          SignedMessages.notarizationMessage(1, rank0.hash()), s.signature())).isTrue();
    });
    assertThat(pool.myNotarizationShares.get(1L)).containsExactly(rank0.id());
    assertThat(pool.notarizationShares.get(1L).get(rank0.id()))
        .containsOnlyKeys(fx.self());
  }

  @Test
  void notaryWaitsForTheNotaryDelayAndAsksToBeWokenWhenItEnds() {
    fx.startRound(1, 5 * MS);
    proposalOfRank(1, 0);

    Changes early = run(5 * MS + DELAY0 - 1);

    assertThat(early.outgoing).isEmpty();
    assertThat(early.wakeAt).isEqualTo(5 * MS + DELAY0);
    assertThat(pool.myNotarizationShares.getOrDefault(1L, new TreeSet<>())).isEmpty();
  }

  @Test
  void aHigherRankBlockWaitsOneUnitDelayPerRankLonger() {
    fx.startRound(1, 0);
    Block rank2 = proposalOfRank(1, 2);

    assertThat(run(DELAY0 + 2 * UNIT - 1).outgoing).isEmpty();
    assertThat(shares(run(DELAY0 + 2 * UNIT))).extracting(NotarizationShare::blockHash)
        .containsExactly(rank2.hash());
  }

  @Test
  void notaryDoesNotSignTheSameBlockTwice() {
    fx.startRound(1, 0);
    proposalOfRank(1, 0);

    assertThat(run(DELAY0).outgoing).hasSize(1);
    assertThat(run(DELAY0 + UNIT).outgoing).isEmpty();
    assertThat(run(DELAY0 + 10 * UNIT).outgoing).isEmpty();
  }

  @Test
  void notaryDoesNotSignAHigherRankBlockArrivingAfterItSignedALowerRankOne() {
    fx.startRound(1, 0);
    Block rank0 = proposalOfRank(1, 0);
    run(DELAY0);
    proposalOfRank(1, 1);

    assertThat(run(DELAY0 + 5 * UNIT).outgoing).isEmpty();
    assertThat(pool.myNotarizationShares.get(1L)).containsExactly(rank0.id());
  }

  @Test
  void aLowerRankBlockArrivingAfterAHigherRankOneWasSignedIsSignedToo() {
    // ICC allows several shares per height; the finalizer then refuses to finalize-share it.
    fx.startRound(1, 0);
    Block rank1 = proposalOfRank(1, 1);
    run(DELAY0 + UNIT);
    Block rank0 = proposalOfRank(1, 0);

    assertThat(shares(run(DELAY0 + UNIT + 1))).extracting(NotarizationShare::blockHash)
        .containsExactly(rank0.hash());
    assertThat(pool.myNotarizationShares.get(1L)).containsExactlyInAnyOrder(
        rank0.id(), rank1.id());
  }

  @Test
  void notaryIgnoresABlockWhoseParentIsNotNotarized() {
    fx.startRound(1, 0);
    fx.addProposal(fx.block(1, ConsensusPool.sha256(new byte[] {1}), fx.proposerOfRank(1, 0)));

    Changes changes = run(DELAY0 + 10 * UNIT);

    assertThat(changes.outgoing).isEmpty();
    assertThat(changes.wakeAt).as("nothing to wait for").isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void notaryDoesNotSignTheBlockOfADisqualifiedProposer() {
    fx.startRound(1, 0);
    Block rank0 = proposalOfRank(1, 0);
    Block rank1 = proposalOfRank(1, 1);
    pool.disqualified.computeIfAbsent(1L, k -> new TreeSet<>()).add(rank0.proposer());

    assertThat(run(DELAY0).outgoing).as("rank 1's delay has not passed").isEmpty();
    assertThat(shares(run(DELAY0 + UNIT))).extracting(NotarizationShare::blockHash)
        .containsExactly(rank1.hash());
  }

  @Test
  void notaryDoesNothingBeforeTheRoundStarts() {
    fx.addBeacon(1);
    proposalOfRank(1, 0);

    assertThat(run(10 * UNIT).outgoing).isEmpty();
  }

  @Test
  void notarySignsAtTheHeightAboveTheNotarizedChainOnTopOfItsTip() {
    fx.addNotarizedChain(2);
    fx.startRound(3, 1_000 * MS);
    Block onTip = proposalOfRank(3, 0);

    assertThat(shares(run(1_000 * MS + fx.config().notaryDelayNanos(0, 2, 0))))
        .extracting(NotarizationShare::height, s -> Bytes.of(s.blockHash()))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L,
            onTip.id()));
  }

  @Test
  void notaryBacksOffWhenFinalizationLagsNotarization() {
    fx.addNotarizedChain(2); // notarized 2, finalized 0: rank delays grow by 1.5^2
    fx.startRound(3, 0);
    proposalOfRank(3, 1);
    long backedOff = DELAY0 + (long) (UNIT * 2.25);

    Changes early = run(DELAY0 + UNIT);

    assertThat(early.outgoing).isEmpty();
    assertThat(early.wakeAt).isEqualTo(backedOff);
    assertThat(run(backedOff).outgoing).hasSize(1);
  }

  @Test
  void notarySignsBothBlocksOfAnEquivocatingLowestRankMakerUntilItIsDisqualified() {
    // Both have the lowest rank; the validator's equivocation proof disqualifies the maker.
    fx.startRound(1, 0);
    int maker = fx.proposerOfRank(1, 0);
    Block a = fx.block(1, fx.genesisHash(), maker);
    Block b = fx.block(1, fx.genesisHash(), maker, List.of(new byte[] {1}));
    fx.addProposal(a);
    fx.addProposal(b);

    assertThat(shares(run(DELAY0))).extracting(s -> Bytes.of(s.blockHash()))
        .containsExactlyInAnyOrder(a.id(), b.id());

    PoolFixture other = PoolFixture.committeeOfFour();
    other.startRound(1, 0);
    other.addProposal(a);
    other.addProposal(b);
    other.pool().disqualified.computeIfAbsent(1L, k -> new TreeSet<>()).add(maker);
    Changes disqualified = new Changes();
    new Notary(other.node()).onStateChange(other.pool(), DELAY0, disqualified);
    assertThat(disqualified.outgoing).isEmpty();
  }
}
