package dev.subnetsim.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.DkgItemMessage;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.dkg.DkgItem;
import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.consensus.dkg.IntervalSummary;
import dev.subnetsim.consensus.dkg.SubnetDkg;
import dev.subnetsim.consensus.dkg.ThresholdKey;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.wire.MessageCodec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The consensus DKG over a lock-step local network: every interval reshares the beacon and
 * certification keys (dealings in block payloads, transcripts from the finalized chain), the public
 * keys never change, shares of different intervals do not combine, and a replica restarted from a
 * CUP recovers its current shares.
 */
class DkgIntervalTest {
  private static final long MS = 1_000_000L;
  private static final long UNIT = 100 * MS;
  private static final int INTERVAL = 5;
  private static final ThresholdBls BLS = ThresholdBls.ic();

  private static LocalConsensusNetwork network(long seed) {
    return new LocalConsensusNetwork(4, seed, UNIT, Map.of(), ConsensusCrypto.Mode.REAL, INTERVAL);
  }

  private static long firstHeight(long epoch) {
    return epoch * INTERVAL + 1;
  }

  @Test
  void everyIntervalResharesBothKeysKeepingThePublicKeysWhileFinalizationContinues() {
    LocalConsensusNetwork net = network(21);
    net.runUntil(1_600 * MS, 10 * MS);
    assertThat(net.finalizedHeight(0)).isGreaterThan(6 * INTERVAL);
    var genesis = net.keys.publicKeys();
    for (long epoch = 2; epoch <= 5; epoch++) {
      EpochKeys k0 = net.nodes.get(0).thresholdKeys(firstHeight(epoch)).orElseThrow();
      EpochKeys previous = net.nodes.get(0).thresholdKeys(firstHeight(epoch - 2)).orElse(null);
      assertThat(k0.beacon().publicKey()).isEqualTo(genesis.beaconKey().publicKey());
      assertThat(k0.certification().publicKey()).isEqualTo(genesis.certificationKey().publicKey());
      assertThat(k0.beacon()).as("epoch %d beacon sharing", epoch)
          .isNotEqualTo(genesis.beaconKey());
      assertThat(k0.certification()).isNotEqualTo(genesis.certificationKey());
      if (previous != null) {
        assertThat(k0.beacon()).isNotEqualTo(previous.beacon());
      }
      for (int i = 0; i < 4; i++) {
        EpochKeys ki = net.nodes.get(i).thresholdKeys(firstHeight(epoch)).orElseThrow();
        assertThat(ki.beacon()).isEqualTo(k0.beacon());
        assertThat(ki.certification()).isEqualTo(k0.certification());
        assertThat(ki.beacon().verifyShare(i, ki.myBeaconShare())).isTrue();
        assertThat(ki.certification().verifyShare(i, ki.myCertificationShare())).isTrue();
      }
    }
    // Every beacon and certification the replicas combined, in every interval, verifies under the
    // genesis public keys with jblst-backed threshold verification.
    var combined = net.results.stream().flatMap(r -> r.combined().stream())
        .filter(c -> c.kind().equals("random-beacon") || c.kind().equals("certification"))
        .toList();
    assertThat(combined).hasSizeGreaterThan(5 * INTERVAL);
    assertThat(combined.stream().map(c -> c.height()).filter(h -> h > 2 * INTERVAL)).isNotEmpty();
    for (var c : combined) {
      var pk = c.kind().equals("random-beacon") ? genesis.beaconKey().publicKey()
          : genesis.certificationKey().publicKey();
      assertThat(BLS.verify(pk, c.message(), G1Point.fromBytes(c.signature())))
          .as("%s at %d", c.kind(), c.height()).isTrue();
    }
    assertThat(net.results.stream().flatMap(r -> r.rejections().stream())).isEmpty();
    // The first block of every interval is a summary block stating the interval's sharings (the
    // ones every replica used); no other block carries a summary.
    var finalizedBlocks = net.results.stream().flatMap(r -> r.finalized().stream()).toList();
    assertThat(finalizedBlocks.stream().filter(b -> b.height() == firstHeight(5))).isNotEmpty();
    for (var b : finalizedBlocks) {
      if ((b.height() - 1) % INTERVAL != 0) {
        assertThat(b.dkgSummary()).as("block at %d", b.height()).isEmpty();
        continue;
      }
      IntervalSummary summary = IntervalSummary.decode(b.dkgSummary());
      EpochKeys k = net.nodes.get(0).thresholdKeys(b.height()).orElseThrow();
      assertThat(summary.epoch()).isEqualTo((b.height() - 1) / INTERVAL);
      assertThat(summary.beaconDigest()).isEqualTo(ConsensusCrypto.sha256(k.beacon().toBytes()));
      assertThat(summary.certificationDigest())
          .isEqualTo(ConsensusCrypto.sha256(k.certification().toBytes()));
    }
  }

  @Test
  void aSummaryBlockMustStateTheIntervalsSharingsAndOnlySummaryBlocksMayCarryOne() {
    LocalConsensusNetwork net = network(26);
    SubnetDkg dkg = new SubnetDkg(net.config, net.crypto, net.keys.secrets().get(0),
        ConsensusNode.genesis(net.config));
    long h = firstHeight(1);
    byte[] parent = new byte[32];
    byte[] right = dkg.summaryFor(h);
    assertThat(IntervalSummary.decode(right).epoch()).isEqualTo(1);
    dkg.checkBlock(new Block(h, parent, 0, 1, 0, List.of(), List.of(), right));
    byte[] wrong = right.clone();
    wrong[20] ^= 1;
    assertThatThrownBy(() -> dkg.checkBlock(new Block(h, parent, 0, 1, 0, List.of(), List.of(),
        wrong))).hasMessageContaining("differs from the interval's sharings");
    assertThatThrownBy(() -> dkg.checkBlock(new Block(h, parent, 0, 1, 0, List.of(), List.of())))
        .hasMessageContaining("differs");
    assertThatThrownBy(() -> dkg.checkBlock(new Block(h + 1, parent, 0, 1, 0, List.of(),
        List.of(), right))).hasMessageContaining("is not a summary block");
  }

  @Test
  void sharesOfDifferentIntervalsDoNotCombine() {
    LocalConsensusNetwork net = network(22);
    net.runUntil(1_200 * MS, 10 * MS);
    EpochKeys old0 = net.nodes.get(0).thresholdKeys(1).orElseThrow();
    EpochKeys new0 = net.nodes.get(0).thresholdKeys(firstHeight(2)).orElseThrow();
    EpochKeys new1 = net.nodes.get(1).thresholdKeys(firstHeight(2)).orElseThrow();
    byte[] msg = "a beacon message".getBytes();
    var pk = net.keys.publicKeys().beaconKey().publicKey();
    int t = 2; // f + 1 for n = 4
    Map<Integer, G1Point> fresh = new TreeMap<>(Map.of(
        0, BLS.signShare(new0.myShare(ThresholdKey.BEACON), msg),
        1, BLS.signShare(new1.myShare(ThresholdKey.BEACON), msg)));
    assertThat(BLS.verify(pk, msg, BLS.combine(t, fresh))).isTrue();
    Map<Integer, G1Point> mixed = new TreeMap<>(Map.of(
        0, BLS.signShare(old0.myShare(ThresholdKey.BEACON), msg),
        1, BLS.signShare(new1.myShare(ThresholdKey.BEACON), msg)));
    assertThat(BLS.verify(pk, msg, BLS.combine(t, mixed))).isFalse();
    // And an old share no longer passes as a share of the current interval.
    assertThat(new0.beacon().verifyShare(0, old0.myBeaconShare())).isFalse();
  }

  @Test
  void aReplicaRestartedFromACupAfterSeveralIntervalsRecoversItsSharesAndSignsAgain() {
    LocalConsensusNetwork net = network(23);
    net.crashed.add(3);
    net.runUntil(3_000 * MS, 10 * MS);
    long before = net.finalizedHeight(0);
    assertThat(before).isGreaterThan(3 * INTERVAL);
    assertThat(net.nodes.get(0).latestCup().dkgSummary()).isNotEmpty();
    net.restartFromCup(3, 0);
    int resultsBefore = net.results.size();
    net.runUntil(5_000 * MS, 10 * MS);
    long h = net.finalizedHeight(3);
    assertThat(h).isGreaterThan(before + INTERVAL);
    EpochKeys k3 = net.nodes.get(3).thresholdKeys(h).orElseThrow();
    EpochKeys k0 = net.nodes.get(0).thresholdKeys(h).orElseThrow();
    assertThat(k3.beacon()).isEqualTo(k0.beacon());
    assertThat(k3.beacon().verifyShare(3, k3.myBeaconShare())).isTrue();
    assertThat(k3.certification().verifyShare(3, k3.myCertificationShare())).isTrue();
    // Its shares after the restart are valid: nobody rejects anything from it.
    assertThat(net.results.subList(resultsBefore, net.results.size()).stream()
        .flatMap(r -> r.rejections().stream())).isEmpty();
  }

  @Test
  void aCupWhoseDkgSummaryIsMalformedOrStaleIsRefusedRatherThanLeavingTheReplicaWithoutKeys() {
    LocalConsensusNetwork net = network(27);
    net.runUntil(500 * MS, 10 * MS);
    CatchUpPackage early = net.nodes.get(0).latestCup();
    net.runUntil(2_500 * MS, 10 * MS);
    CatchUpPackage late = net.nodes.get(0).latestCup();
    assertThat(late.height() / INTERVAL).isGreaterThan(early.height() / INTERVAL + 2);
    var secrets = net.keys.secrets().get(3);
    // The genuine CUP restores; the same CUP with an older interval's summary, or garbage, does not.
    assertThat(new ConsensusNode(net.config, new NodeId(3), secrets, net.crypto, late, Set.of())
        .thresholdKeys(late.height())).isPresent();
    CatchUpPackage stale = new CatchUpPackage(late.height(), late.blockHash(),
        late.beaconSignature(), late.stateRoot(), late.certification(), early.dkgSummary());
    assertThatThrownBy(() -> new ConsensusNode(net.config, new NodeId(3), secrets, net.crypto,
        stale, Set.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lacks the keys of interval " + (late.height() - 1) / INTERVAL);
    CatchUpPackage garbage = new CatchUpPackage(late.height(), late.blockHash(),
        late.beaconSignature(), late.stateRoot(), late.certification(), new byte[] {0, 0, 0, 9});
    assertThatThrownBy(() -> new ConsensusNode(net.config, new NodeId(3), secrets, net.crypto,
        garbage, Set.of())).hasMessageContaining("malformed dkg summary");
  }

  @Test
  void aDealingNotSignedByItsDealerIsRejectedAndAttributedToItsSender() {
    LocalConsensusNetwork net = network(24);
    DkgItem forged = new DkgItem(DkgItem.Kind.DEALING, 2, ThresholdKey.BEACON, 2,
        new byte[] {1, 2, 3}, new byte[48]);
    var r = net.nodes.get(0).step(1, List.of(new ConsensusNode.Received(new NodeId(1),
        new DkgItemMessage(1, forged.encode()))));
    assertThat(r.rejections()).singleElement().satisfies(rej -> {
      assertThat(rej.sender()).isEqualTo(new NodeId(1));
      assertThat(rej.reason()).contains("dkg dealing of node index 2: not signed by its signer");
    });
  }

  @Test
  void aDealerThatEncryptsABadShareIsCaughtByItsVictimsComplaintExcludedAndBlamedWhileTheVictimGetsValidShares() {
    // Node 0 deals badly to node 1 in every interval; its dealing passes public verification and,
    // as the lowest index, would be in every transcript: only node 1's complaint can exclude it.
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 25, UNIT,
        Map.of(0, Set.of(ByzantineBehaviour.BAD_DEALINGS)), ConsensusCrypto.Mode.REAL, INTERVAL);
    net.runUntil(1_600 * MS, 10 * MS);
    assertThat(net.finalizedHeight(1)).isGreaterThan(6 * INTERVAL);
    var genesis = net.keys.publicKeys();
    for (long epoch = 2; epoch <= 5; epoch++) {
      for (int i = 1; i < 4; i++) {
        EpochKeys k = net.nodes.get(i).thresholdKeys(firstHeight(epoch)).orElseThrow();
        assertThat(k.beacon().publicKey()).isEqualTo(genesis.beaconKey().publicKey());
        assertThat(k.beacon()).isNotEqualTo(genesis.beaconKey());
        assertThat(k.myBeaconShare()).as("node %d's beacon share of epoch %d", i, epoch).isNotNull();
        assertThat(k.beacon().verifyShare(i, k.myBeaconShare())).isTrue();
        assertThat(k.myCertificationShare()).isNotNull();
        assertThat(k.certification().verifyShare(i, k.myCertificationShare())).isTrue();
      }
    }
    // Node 1 complained (gossiped complaint items), every honest replica upheld it and blamed the
    // dealer, and nobody blamed an honest node.
    long complaints = net.results.stream().flatMap(r -> r.messages().stream())
        .filter(m -> m.kind() == dev.subnetsim.consensus.types.MessageKind.DKG_ITEM)
        .map(m -> (DkgItemMessage) MessageCodec.decode(m.bytes()))
        .map(d -> DkgItem.decode(d.item()))
        .filter(item -> item.kind() == DkgItem.Kind.COMPLAINT)
        .peek(item -> assertThat(item.signer()).isEqualTo(1))
        .peek(item -> assertThat(item.accused()).isZero())
        .count();
    assertThat(complaints).isPositive();
    var rejections = net.results.stream().flatMap(r -> r.rejections().stream()).toList();
    assertThat(rejections).isNotEmpty().allSatisfy(rej -> {
      assertThat(rej.sender()).isEqualTo(new NodeId(0));
      assertThat(rej.reason()).contains("upheld complaint of node index 1");
    });
    assertThat(rejections.stream().map(r -> r.reason()).distinct()
        .filter(r -> r.contains("BEACON dealing for epoch 3"))).isNotEmpty();
  }
}
