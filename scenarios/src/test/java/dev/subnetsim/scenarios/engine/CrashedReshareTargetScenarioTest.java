package dev.subnetsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.StepOutput;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.node.ConsensusReplicaFactory;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A signing node that is down while the root's reshare is installed: every other signing replica
 * decrypts its own shares then, the crashed one holds none (nothing decrypts for it); after it
 * restarts from a catch-up package it decrypts its share from the installed dealings in its state,
 * the share opens the reshared keys' public commitments, and it signs among the others (peers
 * accept its chain-key shares and every reply verifies for its client).
 */
class CrashedReshareTargetScenarioTest {
  private static final long S = 1_000_000_000L;
  private static final long RESTART = 9 * S;
  private static final String YAML = """
      name: reshare-to-a-crashed-node
      seed: 6
      duration: 20s
      subnets:
        - {name: root, role: root, nodes: 4}
        - {name: signing, role: signing, nodes: 4}
        - {name: app, role: app, nodes: 4}
      workload:
        requests:
          - {kind: sign-with-ecdsa, rate: 1/s, from: app}
          - {kind: vetkd-derive-key, rate: 1/s, from: app}
      faults:
        - {at: 500ms, kind: crash, subnet: signing, nodes: [3]}
        - {at: 1s, kind: reshare, from: root, to: signing, keys: [ecdsa, vetkd]}
        - {at: 9s, kind: restart, subnet: signing, nodes: [3]}
      """;

  private static ScenarioRun run;
  private static ConsensusReplicaFactory factory;
  private static NodeId crashed;
  private static List<NodeId> signing;
  /** When each signing node's replica first held its reshared shares (virtual ns), by node. */
  private static final Map<NodeId, Long> firstHeld = new TreeMap<>();
  /** The crashed node's steps: (time, incarnation's shares present). */
  private static final List<long[]> crashedSteps = new ArrayList<>();
  private static NodeChainKeyShares recovered;
  private static int sharesSentAfterRestart;
  private static final List<String> rejectedFromCrashed = new ArrayList<>();

  @BeforeAll
  static void runTheScenario() {
    ScenarioSpec spec = ScenarioParser.parse("crashed-target.yaml", YAML);
    run = ScenarioRunner.run(spec, new ScenarioRunner.Options(spec.seed(), 2, null, "test"),
        real -> {
          factory = (ConsensusReplicaFactory) real;
          signing = factory.execution(new SubnetId("signing")).members().get("signing");
          crashed = signing.get(3);
          return (node, incarnation) -> observed(node, real.create(node, incarnation));
        });
  }

  /** The logic of {@code node}, watched after each of its own steps. */
  private static ReplicaLogic observed(NodeId node, ReplicaLogic logic) {
    return (now, events) -> {
      StepOutput out = logic.step(now, events);
      var held = factory.resharedShares(node);
      synchronized (firstHeld) {
        if (held.isPresent()) {
          firstHeld.putIfAbsent(node, now);
        }
        if (node.equals(crashed)) {
          crashedSteps.add(new long[] {now, held.isPresent() ? 1 : 0});
          if (now >= RESTART) {
            held.ifPresent(s -> recovered = s);
            sharesSentAfterRestart += (int) out.sends().stream()
                .filter(e -> e.kind() == MessageKind.CHAINKEY_SHARE).count();
          }
        }
        for (Observation o : out.observations()) {
          if (o instanceof Observation.ArtifactRejected r && r.from().equals(crashed)) {
            rejectedFromCrashed.add(r.reason());
          }
        }
      }
      return out;
    };
  }

  @Test
  void theOthersInstallWhileTheCrashedNodeHoldsNothingUntilItReturns() {
    assertThat(run.violated()).as(run.result().invariants().toString()).isFalse();
    for (NodeId n : signing.subList(0, 3)) {
      assertThat(firstHeld.get(n)).as(n.toString()).isNotNull().isLessThan(RESTART);
    }
    // It ran only before the crash (holding nothing) and after the restart.
    assertThat(crashedSteps).allSatisfy(s -> assertThat(s[0] < S || s[0] >= RESTART).isTrue());
    assertThat(crashedSteps).filteredOn(s -> s[0] < RESTART).allSatisfy(s ->
        assertThat(s[1]).isZero());
    assertThat(firstHeld.get(crashed)).isNotNull().isGreaterThanOrEqualTo(RESTART);
  }

  @Test
  void theRecoveredShareOpensTheResharedPublicCommitments() {
    var pub = factory.execution(new SubnetId("signing")).installedKeys().orElseThrow()
        .publicKeys();
    int i = recovered.index();
    assertThat(i).isEqualTo(3);
    assertThat(G2Point.generator().mul(recovered.vetKdShare()))
        .isEqualTo(pub.vetKdKey().publicKeyShare(i));
    pub.signing().ecdsaKeys().forEach((c, t) -> assertThat(recovered.signing().ecdsaKeys().get(c)
        .opens(t.commitment(), i)).as(c.toString()).isTrue());
  }

  @Test
  void theReturnedNodeSignsAmongTheOthersAndNoShareOfItsIsRejected() {
    assertThat(sharesSentAfterRestart).isPositive();
    assertThat(rejectedFromCrashed).isEmpty();
    assertThat(run.result().invariants()).anyMatch(r -> r.name().equals("chain-key replies valid")
        && r.status() == dev.subnetsim.scenarios.result.InvariantResult.Status.HELD);
  }
}
