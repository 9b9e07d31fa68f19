package dev.subnetsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.engine.ScenarioRun;
import dev.subnetsim.scenarios.engine.ScenarioRunner;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run with chain keys generated on the root and reshared to a signing subnet gives, with the
 * replicas on two cluster members, the trace hash and verdicts of one JVM: the members report the
 * keys their replicas install and the shares they hold, the driver derives and checks them as it
 * would off its own replicas, and forwards the generated keys to every replica, whose member may
 * host none of the root's.
 */
class ClusterKeysTest {
  static final String YAML = """
      name: cluster-reshare
      seed: 6
      duration: 8s
      subnets:
        - {name: root, role: root, nodes: 4}
        - {name: signing, role: signing, nodes: 4}
        - {name: app, role: app, nodes: 4}
      consensus: {crypto: cheap}
      workload:
        requests:
          - {kind: sign-with-ecdsa, rate: 1/s, from: app}
          - {kind: vetkd-derive-key, rate: 1/s, from: app}
      faults:
        - {at: 1s, kind: reshare, from: root, to: signing, keys: [ecdsa, vetkd]}
      invariants: [agreement, no-master-secret]
      """;

  private static ScenarioRun local;
  private static ScenarioRun clustered;
  private static final List<Map<String, Integer>> PLACEMENT = new ArrayList<>();

  @BeforeAll
  static void runInOneJvmAndOnTwoMembers() throws Exception {
    ScenarioSpec spec = ScenarioParser.parse("cluster-reshare.yaml", YAML);
    local = ScenarioRunner.run(spec, new ScenarioRunner.Options(spec.seed(), 2, null, "test"));
    HostPort any = new HostPort("127.0.0.1", 0);
    try (ClusterMember w0 = ClusterMember.worker(any, List.of(), 1);
        ClusterMember w1 = ClusterMember.worker(any, List.of(w0.address()), 1);
        ClusterMember driver = ClusterMember.driver(any, List.of(w0.address()))) {
      driver.awaitWorkers(2, Duration.ofSeconds(60));
      clustered = ClusterDeterminismTest.inCluster(YAML, spec, driver, PLACEMENT);
    }
  }

  private static InvariantResult invariant(ScenarioRun run, String name) {
    return run.result().invariants().stream().filter(i -> i.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + run.result().invariants()));
  }

  @Test
  void theReplicasWereSpreadOverBothMembers() {
    assertThat(PLACEMENT.get(0)).hasSize(2).allSatisfy((m, n) -> assertThat(n).isPositive());
  }

  @Test
  void theReshareHappensAndTheTraceHashIsThatOfOneJvm() {
    assertThat(local.artifacts()).as("replies signed by the reshare target")
        .anyMatch(a -> a.replace(" ", "").contains("\"subnet\":\"signing\""));
    assertThat(clustered.result().traceHash()).isEqualTo(local.result().traceHash());
    assertThat(clustered.artifacts()).isEqualTo(local.artifacts());
  }

  @Test
  void noMasterSecretIsCheckedOnTheReshareTargetAsInOneJvm() {
    InvariantResult one = invariant(local, "no-master-secret");
    InvariantResult many = invariant(clustered, "no-master-secret");
    assertThat(one.status()).isEqualTo(InvariantResult.Status.HELD);
    assertThat(one.detail()).contains("signing: 4 replicas' shares");
    assertThat(many).isEqualTo(one);
  }

  @Test
  void theClientsVerifyRepliesUnderTheKeysTheMembersReported() {
    InvariantResult one = invariant(local, "chain-key replies valid");
    assertThat(one.status()).isEqualTo(InvariantResult.Status.HELD);
    assertThat(invariant(clustered, "chain-key replies valid")).isEqualTo(one);
    assertThat(clustered.result().invariants()).isEqualTo(local.result().invariants());
  }
}
