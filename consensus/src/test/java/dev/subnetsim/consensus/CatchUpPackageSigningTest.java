package dev.subnetsim.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.certification.BlsVerifier;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CupShare;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.types.NodeId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Catch-up packages are threshold-signed by the subnet (certification key, n-f shares over the
 * content hash), as the IC signs its CUPs; checked with jblst's BLS verification, independent of
 * the Lagrange combination that produced the signatures.
 */
class CatchUpPackageSigningTest {
  private static final long MS = 1_000_000L;
  private static final long UNIT = 100 * MS;
  private static final BlsVerifier JBLST = BlsVerifier.jblst();

  private static boolean verifies(LocalConsensusNetwork net, CatchUpPackage cup) {
    return JBLST.verify(net.crypto.certificationPublicKey(),
        SignedMessages.cupMessage(cup.height(), cup.contentHash()), cup.signature());
  }

  @Test
  void everyReplicaHoldsTheSameSignedCupAcrossDkgIntervalsAndAnAlteredContentNoLongerVerifies() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 31, UNIT, Map.of(),
        ConsensusCrypto.Mode.REAL, 5);
    net.runUntil(1_500 * MS, 10 * MS);
    CatchUpPackage cup = net.nodes.get(0).latestCup();
    assertThat(cup.height()).isGreaterThanOrEqualTo(20);
    assertThat(cup.isSigned()).isTrue();
    assertThat(cup.dkgSummary()).isNotEmpty();
    assertThat(verifies(net, cup)).isTrue();
    for (int i = 1; i < 4; i++) {
      CatchUpPackage other = net.nodes.get(i).latestCup();
      if (other.height() == cup.height()) {
        assertThat(other.contentHash()).isEqualTo(cup.contentHash());
        assertThat(other.signature()).isEqualTo(cup.signature());
      } else {
        assertThat(verifies(net, other)).as("node %d's CUP at %d", i, other.height()).isTrue();
      }
    }
    // Every CUP the replicas combined during the run verifies, at several heights.
    var combined = net.results.stream().flatMap(r -> r.combined().stream())
        .filter(c -> c.kind().equals("catch-up-package")).toList();
    assertThat(combined.stream().map(c -> c.height()).distinct()).hasSizeGreaterThanOrEqualTo(2);
    combined.forEach(c -> assertThat(JBLST.verify(c.publicKey(), c.message(), c.signature()))
        .as("CUP at %d", c.height()).isTrue());
    // The signature covers the whole content: another state root or DKG summary breaks it.
    byte[] root = cup.stateRoot().clone();
    root[0] ^= 1;
    byte[] summary = Arrays.copyOf(cup.dkgSummary(), cup.dkgSummary().length + 1);
    assertThat(verifies(net, new CatchUpPackage(cup.height(), cup.blockHash(),
        cup.beaconSignature(), root, cup.certification(), cup.dkgSummary(), cup.signature())))
        .isFalse();
    assertThat(verifies(net, new CatchUpPackage(cup.height(), cup.blockHash(),
        cup.beaconSignature(), cup.stateRoot(), cup.certification(), summary, cup.signature())))
        .isFalse();
  }

  @Test
  void invalidCupSharesAreRejectedAndAttributedAndTheHonestQuorumStillSignsCups() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 32, UNIT,
        Map.of(3, Set.of(ByzantineBehaviour.INVALID_SIGNATURE_SHARES)));
    net.runUntil(1_200 * MS, 10 * MS);
    var cupRejections = net.results.stream().flatMap(r -> r.rejections().stream())
        .filter(r -> r.reason().contains("catch-up package share")).toList();
    assertThat(cupRejections).isNotEmpty().allSatisfy(r -> {
      assertThat(r.sender()).isEqualTo(new NodeId(3));
      assertThat(r.reason()).contains("invalid catch-up package share of node index 3");
    });
    for (int i = 0; i < 3; i++) {
      CatchUpPackage cup = net.nodes.get(i).latestCup();
      assertThat(cup.height()).isGreaterThanOrEqualTo(20);
      assertThat(verifies(net, cup)).isTrue();
    }
  }

  @Test
  void aNodeSharingTwoDifferentCupContentsAtOneHeightIsRejectedForTheSecond() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 33, UNIT, Map.of());
    net.runUntil(200 * MS, 10 * MS);
    long h = 10L * (net.nodes.get(0).finalizedHeight() / 10 + 5); // a future CUP height
    var share = net.nodes.get(2).thresholdKeys(h).orElseThrow().myCertificationShare();
    byte[] a = new byte[32];
    byte[] b = new byte[32];
    b[0] = 1;
    CupShare first = new CupShare(h, a, 2, net.crypto.signCertificationShare(2, share,
        SignedMessages.cupMessage(h, a)));
    CupShare second = new CupShare(h, b, 2, net.crypto.signCertificationShare(2, share,
        SignedMessages.cupMessage(h, b)));
    var r = net.nodes.get(0).step(201 * MS, List.of(
        new ConsensusNode.Received(new NodeId(2), first),
        new ConsensusNode.Received(new NodeId(2), second)));
    assertThat(r.rejections()).singleElement().satisfies(rej -> {
      assertThat(rej.sender()).isEqualTo(new NodeId(2));
      assertThat(rej.reason()).contains("node index 2 signed two catch-up package contents at height "
          + h);
    });
  }
}
