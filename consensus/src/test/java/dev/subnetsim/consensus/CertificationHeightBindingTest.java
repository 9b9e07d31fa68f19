package dev.subnetsim.consensus;

import dev.subnetsim.consensus.types.Rejection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CertificationShare;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.types.NodeId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Certification shares and certifications sign the state root alone, so their height is bound by
 * matching the root against the replica's own root at that height (as the IC's certifier does):
 * relabelled ones are rejected and blamed on their sender and never displace the genuine
 * certification; a divergent replica still learns at CUP heights what the subnet certified.
 */
class CertificationHeightBindingTest {
  private static final long MS = 1_000_000L;
  private static final long UNIT = 100 * MS;

  /** Every certification node {@code i} emitted, by height, as hex roots. */
  private static TreeMap<Long, List<String>> certifiedBy(LocalConsensusNetwork net, int i) {
    TreeMap<Long, List<String>> out = new TreeMap<>();
    for (ConsensusNode.StepResult r : net.resultsByNode.get(i)) {
      for (Certification c : r.certified()) {
        out.computeIfAbsent(c.height(), k -> new ArrayList<>())
            .add(HexFormat.of().formatHex(c.stateRoot()));
      }
    }
    return out;
  }

  private static List<Rejection> rejectionsBy(LocalConsensusNetwork net, int i) {
    return net.resultsByNode.get(i).stream().flatMap(r -> r.rejections().stream()).toList();
  }

  private static String honestRoot(LocalConsensusNetwork net, long height) {
    return HexFormat.of().formatHex(net.stateRoot(0, net.finalized.get(0).get(height)));
  }

  @Test
  void relabelledSharesAndCertificationsAreBlamedOnTheRelabellerAndEveryHeightKeepsItsOwnRoot() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 41, UNIT,
        Map.of(3, EnumSet.of(ByzantineBehaviour.RELABELLED_CERTIFICATIONS)));
    net.runUntil(2_500 * MS, 10 * MS);
    for (int node = 0; node < 3; node++) {
      final int i = node;
      TreeMap<Long, List<String>> certified = certifiedBy(net, i);
      assertThat(certified.size()).as("heights node %d certified", i).isGreaterThan(10);
      assertThat(certified.keySet()).as("node %d certifies every height", i).containsAll(
          java.util.stream.LongStream.rangeClosed(1, net.finalizedHeight(i) - 2).boxed().toList());
      certified.forEach((h, roots) -> assertThat(roots).as("node %d at height %d", i, h)
          .containsExactly(honestRoot(net, h)));
      List<Rejection> rejections = rejectionsBy(net, i);
      assertThat(rejections).as("node %d's rejections", i).isNotEmpty()
          .allSatisfy(rej -> assertThat(rej.sender()).isEqualTo(new NodeId(3)));
      // Both kinds, and relabelled to heights executed already and to ones executed later.
      assertThat(rejections).anySatisfy(rej -> assertThat(rej.reason())
          .startsWith("certification: certification at height").contains("not our root"));
      assertThat(rejections).anySatisfy(rej -> assertThat(rej.reason())
          .startsWith("certification-share: certification share of node index"));
    }
  }

  @Test
  void aCertificationForAHeightNotYetExecutedWaitsAndIsRejectedOnceItsRootIsKnown() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 42, UNIT, Map.of());
    net.runUntil(600 * MS, 10 * MS);
    ConsensusNode node = net.nodes.get(0);
    long h = node.finalizedHeight();
    Certification genuine = net.resultsByNode.get(1).stream()
        .flatMap(r -> r.certified().stream()).filter(c -> c.height() == h - 2).findFirst()
        .orElseThrow();
    // Node 1's real certification of h-2, relabelled to a height node 0 has not yet executed.
    Certification relabelled = new Certification(h + 3, genuine.stateRoot(), genuine.signature());
    var waiting = node.step(net.now(), List.of(
        new ConsensusNode.Received(new NodeId(1), relabelled)));
    assertThat(waiting.rejections()).isEmpty();
    assertThat(waiting.certified()).isEmpty();
    assertThat(node.pendingCount()).isPositive();
    byte[] ownRoot = new byte[32];
    ownRoot[0] = 7;
    var executed = node.step(net.now(), List.of(new ConsensusNode.Executed(h + 3, ownRoot)));
    assertThat(executed.certified()).isEmpty();
    assertThat(executed.rejections()).singleElement().satisfies(rej -> {
      assertThat(rej.sender()).isEqualTo(new NodeId(1));
      assertThat(rej.reason()).contains("certification at height " + (h + 3));
    });
  }

  @Test
  void aRelabelledShareIsRejectedWithoutDisplacingTheSharesOfItsOwnRoot() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 43, UNIT, Map.of());
    net.runUntil(400 * MS, 10 * MS);
    ConsensusNode node = net.nodes.get(0);
    long h = node.finalizedHeight();
    var key = net.nodes.get(2).thresholdKeys(h).orElseThrow().myCertificationShare();
    byte[] otherRoot = net.stateRoot(2, net.finalized.get(2).get(h - 1));
    CertificationShare relabelled = new CertificationShare(h, otherRoot, 2,
        net.crypto.signCertificationShare(2, key, SignedMessages.certificationMessage(otherRoot)));
    var r = node.step(net.now(), List.of(
        new ConsensusNode.Received(new NodeId(2), relabelled)));
    assertThat(r.rejections()).singleElement().satisfies(rej -> {
      assertThat(rej.sender()).isEqualTo(new NodeId(2));
      assertThat(rej.reason()).contains("certification share of node index 2 at height " + h);
    });
  }

  @Test
  void aDivergentReplicaRejectsNoHonestRootAtCupHeightsAndTheHonestOnesBlameItsShares() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 44, UNIT, Map.of());
    net.divergent.add(2);
    net.runUntil(2_500 * MS, 10 * MS);
    for (int i : new int[] {0, 1, 3}) {
      TreeMap<Long, List<String>> certified = certifiedBy(net, i);
      assertThat(certified.size()).isGreaterThan(10);
      certified.forEach((h, roots) -> assertThat(roots).containsExactly(honestRoot(net, h)));
      assertThat(rejectionsBy(net, i)).isNotEmpty()
          .allSatisfy(rej -> assertThat(rej.sender()).isEqualTo(new NodeId(2)));
    }
    // The divergent replica accepts the subnet's certification only where n-f CUP shares bind
    // its root to the height, and then holds the honest root (which differs from its own).
    TreeMap<Long, List<String>> divergent = certifiedBy(net, 2);
    assertThat(divergent).isNotEmpty();
    divergent.forEach((h, roots) -> {
      assertThat(h % net.config.cupInterval()).isZero();
      assertThat(roots).containsExactly(honestRoot(net, h));
    });
    assertThat(net.nodes.get(2).latestCup().height()).isGreaterThanOrEqualTo(10);
  }
}
