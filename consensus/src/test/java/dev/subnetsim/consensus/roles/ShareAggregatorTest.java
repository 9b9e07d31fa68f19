package dev.subnetsim.consensus.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Beacon;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Notarization;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.testing.PoolFixture;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The share aggregator combines exactly at the threshold: n-f notarization, finalization,
 * certification and CUP shares, f+1 beacon shares; never below it, never twice.
 */
class ShareAggregatorTest {
  private final PoolFixture fx = PoolFixture.committeeOfFour(); // n=4, f=1: quorum 3, beacon 2
  private final ConsensusPool pool = fx.pool();
  private final ShareAggregator aggregator = new ShareAggregator(fx.crypto());

  private Changes run() {
    Changes changes = new Changes();
    aggregator.onStateChange(pool, 0, changes);
    return changes;
  }

  private static List<ConsensusMessage> sent(Changes changes) {
    return changes.outgoing.stream().map(Changes.Outgoing::message).toList();
  }

  private Block proposedAt1() {
    fx.addBeacon(1);
    Block b = fx.block(1, fx.genesisHash(), fx.proposerOfRank(1, 0));
    fx.addProposal(b);
    return b;
  }

  private void addNotarizationShares(Block b, int... signers) {
    for (int i : signers) {
      pool.notarizationShares.computeIfAbsent(b.height(), k -> new TreeMap<>())
          .computeIfAbsent(b.id(), k -> new TreeMap<>())
          .put(i, fx.notarizationShare(i, b).signature());
    }
  }

  private void addFinalizationShares(Block b, int... signers) {
    for (int i : signers) {
      pool.finalizationShares.computeIfAbsent(b.height(), k -> new TreeMap<>())
          .computeIfAbsent(b.id(), k -> new TreeMap<>())
          .put(i, fx.finalizationShare(i, b).signature());
    }
  }

  @Test
  void notarizationSharesBelowTheQuorumAggregateToNothing() {
    Block b = proposedAt1();
    addNotarizationShares(b, 0, 1);

    assertThat(run().outgoing).isEmpty();
    assertThat(pool.notarizations).isEmpty();
  }

  @Test
  void exactlyAQuorumOfNotarizationSharesAggregatesIntoAVerifyingNotarization() {
    Block b = proposedAt1();
    addNotarizationShares(b, 1, 2, 3);

    Changes changes = run();

    assertThat(sent(changes)).singleElement().isInstanceOfSatisfying(Notarization.class, n -> {
      assertThat(n.height()).isEqualTo(1);
      assertThat(n.blockHash()).isEqualTo(b.hash());
      assertThat(n.signers()).containsExactly(1, 2, 3);
      assertThat(fx.crypto().verifyMultiSignature(n.signers(),
          SignedMessages.notarizationMessage(1, b.hash()), n.signature())).isTrue();
    });
    assertThat(pool.isNotarized(1, b.hash())).isTrue();
    assertThat(changes.combined).extracting(Changes.CombinedArtifact::kind)
        .containsExactly("notarization");
  }

  @Test
  void moreThanAQuorumOfSharesAggregatesTheFirstQuorumBySignerIndex() {
    Block b = proposedAt1();
    addNotarizationShares(b, 3, 0, 2, 1);

    assertThat(sent(run())).singleElement().isInstanceOfSatisfying(Notarization.class,
        n -> assertThat(n.signers()).containsExactly(0, 1, 2));
  }

  @Test
  void aBlockIsNotarizedOnlyOnce() {
    Block b = proposedAt1();
    addNotarizationShares(b, 0, 1, 2);
    run();
    addNotarizationShares(b, 3);

    assertThat(run().outgoing).isEmpty();
  }

  @Test
  void sharesSplitOverTwoBlocksDoNotCombine() {
    Block rank0 = proposedAt1();
    Block rank1 = fx.block(1, fx.genesisHash(), fx.proposerOfRank(1, 1));
    fx.addProposal(rank1);
    addNotarizationShares(rank0, 0, 1);
    addNotarizationShares(rank1, 2, 3);

    assertThat(run().outgoing).isEmpty();
  }

  @Test
  void aQuorumOfFinalizationSharesAggregatesIntoAVerifyingFinalization() {
    Block b = fx.addNotarizedBlock(1);
    addFinalizationShares(b, 0, 2);
    assertThat(run().outgoing).as("below the quorum").isEmpty();
    addFinalizationShares(b, 3);

    Changes changes = run();

    assertThat(sent(changes)).singleElement().isInstanceOfSatisfying(Finalization.class, f -> {
      assertThat(f.blockHash()).isEqualTo(b.hash());
      assertThat(f.signers()).containsExactly(0, 2, 3);
      assertThat(fx.crypto().verifyMultiSignature(f.signers(),
          SignedMessages.finalizationMessage(1, b.hash()), f.signature())).isTrue();
    });
    assertThat(pool.finalizations).containsOnlyKeys(1L);
  }

  @Test
  void finalizationSharesAtOrBelowTheFinalizedHeightAreNotAggregated() {
    List<Block> chain = fx.addNotarizedChain(2);
    fx.markFinalized(chain.get(1));
    pool.finalizations.clear();
    addFinalizationShares(chain.get(1), 0, 1, 2);

    assertThat(run().outgoing).isEmpty();
    assertThat(pool.finalizations).isEmpty();
  }

  @Test
  void exactlyTheBeaconThresholdOfSharesCombinesIntoAVerifyingBeacon() {
    byte[] previous = pool.beacons.get(0L);
    pool.beaconShares.computeIfAbsent(1L, k -> new TreeMap<>())
        .put(2, fx.beaconShare(2, 1).share());
    assertThat(run().outgoing).as("f shares").isEmpty();
    pool.beaconShares.get(1L).put(3, fx.beaconShare(3, 1).share());

    Changes changes = run();

    byte[] message = SignedMessages.beaconMessage(1, ConsensusPool.sha256(previous));
    assertThat(sent(changes)).singleElement().isInstanceOfSatisfying(Beacon.class, b -> {
      assertThat(b.height()).isEqualTo(1);
      assertThat(fx.crypto().verifyBeacon(message, b.signature())).isTrue();
    });
    assertThat(pool.beacons).containsKey(1L);
    assertThat(changes.combined).extracting(Changes.CombinedArtifact::kind)
        .containsExactly("random-beacon");
  }

  @Test
  void beaconSharesWaitForThePreviousBeacon() {
    fx.addBeacon(1);
    pool.beaconShares.computeIfAbsent(2L, k -> new TreeMap<>())
        .put(0, fx.beaconShare(0, 2).share());
    pool.beaconShares.get(2L).put(1, fx.beaconShare(1, 2).share());
    pool.beacons.remove(1L);

    assertThat(run().outgoing).isEmpty();
    assertThat(pool.beacons).doesNotContainKey(2L);
  }

  @Test
  void aQuorumOfCertificationSharesOnOneRootCombinesIntoAVerifyingCertification() {
    byte[] root = ConsensusPool.sha256(new byte[] {42});
    for (int i : new int[] {0, 1, 3}) {
      pool.certificationShares.computeIfAbsent(5L, k -> new TreeMap<>())
          .computeIfAbsent(Bytes.of(root), k -> new TreeMap<>())
          .put(i, fx.certificationShare(i, 5, root).share());
    }

    Changes changes = run();

    assertThat(changes.certified).singleElement().satisfies(c -> {
      assertThat(c.height()).isEqualTo(5);
      assertThat(c.stateRoot()).isEqualTo(root);
      assertThat(fx.crypto().verifyCertification(SignedMessages.certificationMessage(root),
          c.signature())).isTrue();
    });
    assertThat(sent(changes)).singleElement().isInstanceOf(Certification.class);
    assertThat(pool.certifications).containsOnlyKeys(5L);
  }

  @Test
  void certificationSharesOnDifferentRootsDoNotCombine() {
    byte[] a = ConsensusPool.sha256(new byte[] {1});
    byte[] b = ConsensusPool.sha256(new byte[] {2});
    var byRoot = pool.certificationShares.computeIfAbsent(5L, k -> new TreeMap<>());
    byRoot.computeIfAbsent(Bytes.of(a), k -> new TreeMap<>())
        .put(0, fx.certificationShare(0, 5, a).share());
    byRoot.get(Bytes.of(a)).put(1, fx.certificationShare(1, 5, a).share());
    byRoot.computeIfAbsent(Bytes.of(b), k -> new TreeMap<>())
        .put(2, fx.certificationShare(2, 5, b).share());

    Changes changes = run();

    assertThat(changes.outgoing).isEmpty();
    assertThat(changes.certified).isEmpty();
  }

  @Test
  void aQuorumOfCupSharesOnOurContentSignsTheCatchUpPackage() {
    CatchUpPackage content = new CatchUpPackage(10, ConsensusPool.sha256(new byte[] {10}),
        new byte[] {1}, new byte[] {2}, new byte[] {3});
    byte[] hash = content.contentHash();
    pool.unsignedCups.put(10L, new ConsensusPool.UnsignedCup(content, hash));
    for (int i = 0; i < 3; i++) {
      byte[] share = fx.crypto().signCertificationShare(i, fx.secrets(i).certificationShare(),
          SignedMessages.cupMessage(10, hash));
      pool.cupShares.computeIfAbsent(10L, k -> new TreeMap<>())
          .computeIfAbsent(Bytes.of(hash), k -> new TreeMap<>()).put(i, share);
    }

    Changes changes = run();

    assertThat(pool.latestCup.height()).isEqualTo(10);
    assertThat(pool.latestCup.isSigned()).isTrue();
    assertThat(fx.crypto().verifyCertification(SignedMessages.cupMessage(10, hash),
        pool.latestCup.signature())).isTrue();
    assertThat(pool.unsignedCups).isEmpty();
    assertThat(pool.cupShares).isEmpty();
    assertThat(changes.combined).extracting(Changes.CombinedArtifact::kind)
        .containsExactly("catch-up-package");
  }
}
