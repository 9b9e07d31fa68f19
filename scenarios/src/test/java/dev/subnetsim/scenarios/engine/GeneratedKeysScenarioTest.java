package dev.subnetsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.StepOutput;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.reshare.KeyGeneration;
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
 * The root generates its chain keys through its consensus in a whole world, with one dealer
 * cheating and one node down through the generation: the live replicas hold their own shares of
 * keys whose public keys are the generated transcripts', the cheater is blamed, the crashed node
 * holds nothing until it restarts and then decrypts its share from the state, and the signing
 * subnet, reshared only after the keys exist, answers requests that verify under them.
 */
class GeneratedKeysScenarioTest {
  private static final long S = 1_000_000_000L;
  private static final long RESTART = 10 * S;
  private static final String YAML = """
      name: keys-generated-with-a-crashed-root-node
      seed: 8
      duration: 20s
      subnets:
        - {name: root, role: root, nodes: 7}
        - {name: signing, role: signing, nodes: 4}
        - {name: app, role: app, nodes: 4}
      workload:
        requests:
          - {kind: sign-with-ecdsa, rate: 1/s, from: app}
          - {kind: vetkd-derive-key, rate: 1/s, from: app}
      faults:
        - {at: 0s, kind: byzantine, subnet: root, nodes: [0], behaviour: bad-dealings}
        - {at: 100ms, kind: crash, subnet: root, nodes: [6]}
        - {at: 0s, kind: reshare, from: root, to: signing, keys: [ecdsa, vetkd]}
        - {at: 10s, kind: restart, subnet: root, nodes: [6]}
      """;

  private static ScenarioRun run;
  private static ConsensusReplicaFactory factory;
  private static List<NodeId> root;
  /** When each root node's replica first held its generated shares (virtual ns), by node. */
  private static final Map<NodeId, Long> firstHeld = new TreeMap<>();
  private static NodeChainKeyShares recovered;
  private static final List<String> blamedOnCheater = new ArrayList<>();

  @BeforeAll
  static void runTheScenario() {
    ScenarioSpec spec = ScenarioParser.parse("generated-keys.yaml", YAML);
    run = ScenarioRunner.run(spec, new ScenarioRunner.Options(spec.seed(), 2, null, "test"),
        real -> {
          factory = (ConsensusReplicaFactory) real;
          root = factory.execution(new SubnetId("root")).members().get("root");
          return (node, incarnation) -> observed(node, real.create(node, incarnation));
        });
  }

  private static ReplicaLogic observed(NodeId node, ReplicaLogic logic) {
    return (now, events) -> {
      StepOutput out = logic.step(now, events);
      if (!root.contains(node)) {
        return out;
      }
      var held = factory.resharedShares(node);
      synchronized (firstHeld) {
        if (held.isPresent()) {
          firstHeld.putIfAbsent(node, now);
          if (node.equals(root.get(6))) {
            recovered = held.get();
          }
        }
        for (Observation o : out.observations()) {
          if (o instanceof Observation.ArtifactRejected r && r.from().equals(root.get(0))) {
            blamedOnCheater.add(r.reason());
          }
        }
      }
      return out;
    };
  }

  @Test
  void theLiveRootReplicasHoldTheirSharesWhileTheCrashedOneHoldsNoneUntilItReturns() {
    assertThat(run.violated()).as(run.result().invariants().toString()).isFalse();
    for (NodeId n : root.subList(0, 6)) {
      assertThat(firstHeld.get(n)).as(n.toString()).isNotNull().isLessThan(RESTART);
    }
    assertThat(firstHeld.get(root.get(6))).isNotNull().isGreaterThanOrEqualTo(RESTART);
    var held = factory.execution(new SubnetId("root")).installedKeys().orElseThrow();
    assertThat(held.reshare()).isEqualTo(KeyGeneration.INSTANCE);
    assertThat(recovered.index()).isEqualTo(6);
    assertThat(G2Point.generator().mul(recovered.vetKdShare()))
        .isEqualTo(held.publicKeys().vetKdKey().publicKeyShare(6));
    held.publicKeys().signing().ecdsaKeys().forEach((c, t) -> assertThat(
        recovered.signing().ecdsaKeys().get(c).opens(t.commitment(), 6)).as(c.toString()).isTrue());
  }

  @Test
  void theCheatingDealerIsBlamedAndTheSigningSubnetSignsUnderTheGeneratedKeys() {
    assertThat(blamedOnCheater).anySatisfy(r -> assertThat(r).contains("key-generation dealing"));
    var generated = factory.execution(new SubnetId("root")).holderKeys().orElseThrow();
    var signing = factory.execution(new SubnetId("signing")).installedKeys().orElseThrow()
        .publicKeys();
    assertThat(signing.vetKdKey().publicKey()).isEqualTo(generated.vetKdKey().publicKey());
    generated.signing().ecdsaKeys().forEach((c, t) -> assertThat(
        signing.signing().ecdsaKeys().get(c).commitment().constantTerm())
        .isEqualTo(t.commitment().constantTerm()));
    assertThat(run.artifacts()).anyMatch(a -> a.contains("\"kind\":\"ecdsa\""))
        .anyMatch(a -> a.contains("\"kind\":\"vetkd\""));
  }
}
