package dev.subnetsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.MetricKey;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.StepOutput;
import dev.subnetsim.replica.node.ConsensusReplicaFactory;
import dev.subnetsim.scenarios.dsl.ScenarioException;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Wasm canisters installed by a scenario file beside the Java canisters, on a 7-node subnet
 * with an arbitrary Byzantine node and a crashed one: the counter's calls are answered, the
 * looper's calls hit the instruction limit and are rejected on every replica, and the replicas
 * keep finalizing and agree on every certified state (which covers the canisters' memories).
 */
class WasmCanisterScenarioTest {
  private static final String YAML = """
      name: wasm-canisters-under-faults
      seed: 3
      duration: 12s
      subnets:
        - {name: app, role: app, nodes: 7}
      workload:
        wasm_canisters:
          - {path: wasm/counter.wasm, subnet: app, init_arg: "0a00000000000000", method: inc, rate: 2/s}
          - {path: wasm/looper.wasm, method: spin, rate: 0.5/s, instruction_limit: 1000000}
      faults:
        - {at: 0s, kind: byzantine, subnet: app, nodes: [6], behaviour: arbitrary}
        - {at: 3s, kind: crash, subnet: app, nodes: [5]}
      """;

  private static ScenarioRun run;
  private static ConsensusReplicaFactory factory;
  /** Load completions seen by honest replica 0, by sequence: true replied, false rejected. */
  private static final Map<Long, Boolean> completions = new TreeMap<>();

  private static Path scenarioFile() throws URISyntaxException {
    return Path.of(WasmCanisterScenarioTest.class.getResource("/wasm/counter.wasm").toURI())
        .getParent().getParent().resolve("wasm-scenario.yaml");
  }

  @BeforeAll
  static void runTheScenario() throws URISyntaxException {
    ScenarioSpec spec = ScenarioParser.parse(scenarioFile().toString(), YAML);
    run = ScenarioRunner.run(spec, new ScenarioRunner.Options(spec.seed(), 2, null, "test"),
        real -> {
          factory = (ConsensusReplicaFactory) real;
          NodeId watched = factory.execution(new SubnetId("app")).members().get("app").get(0);
          return (node, incarnation) -> node.equals(watched)
              ? watched(real.create(node, incarnation)) : real.create(node, incarnation);
        });
  }

  private static ReplicaLogic watched(ReplicaLogic logic) {
    return (now, events) -> {
      StepOutput out = logic.step(now, events);
      for (Observation o : out.observations()) {
        if (o instanceof Observation.Metric m) {
          String done = MetricKey.INGRESS_DONE.of("");
          String rejected = MetricKey.INGRESS_REJECTED.of("");
          synchronized (completions) {
            if (m.name().startsWith(done)) {
              completions.put(Long.parseLong(m.name().substring(done.length())), true);
            } else if (m.name().startsWith(rejected)) {
              completions.put(Long.parseLong(m.name().substring(rejected.length())), false);
            }
          }
        }
      }
      return out;
    };
  }

  @Test
  void counterCallsAreAnsweredAndLooperCallsRejectedWithoutStoppingAnyReplica() {
    long counter = completions.entrySet().stream()
        .filter(e -> e.getKey() < (1L << 48) + (1L << 32)).filter(Map.Entry::getValue).count();
    long looperRejected = completions.entrySet().stream()
        .filter(e -> e.getKey() >= (1L << 48) + (1L << 32)).filter(e -> !e.getValue()).count();
    assertThat(counter).isGreaterThanOrEqualTo(10);
    assertThat(looperRejected).isGreaterThanOrEqualTo(2);
    assertThat(completions.entrySet().stream()
        .filter(e -> e.getKey() >= (1L << 48) + (1L << 32)).noneMatch(Map.Entry::getValue))
        .isTrue();
  }

  @Test
  void honestReplicasAgreeOnEveryCertifiedStateAndKeepFinalizing() {
    assertThat(run.violated()).as("%s", run.result().invariants()).isFalse();
    assertThat(run.result().invariants()).filteredOn(i -> i.status() == InvariantResult.Status.HELD)
        .extracting(InvariantResult::name).contains("certified-state-agreement", "progress");
    assertThat(run.result().finalizedHeight().get("app")).isGreaterThan(5);
  }

  @Test
  void aModuleTheRuntimeCannotLoadIsRefusedAtValidationNamingFileAndReason()
      throws URISyntaxException {
    String yaml = YAML.replace("wasm/looper.wasm", "wasm/memory64.wasm");
    String file = scenarioFile().toString();
    assertThatThrownBy(() -> ScenarioParser.parse(file, yaml))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("wasm_canisters[1].path")
        .hasMessageContaining("memory64.wasm: declares a 64-bit memory (memory64)");
  }
}
