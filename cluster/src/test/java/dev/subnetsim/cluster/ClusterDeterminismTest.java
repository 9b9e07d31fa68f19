package dev.subnetsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.engine.ScenarioRun;
import dev.subnetsim.scenarios.engine.ScenarioRunner;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same scenario and seed give the same trace hash with the replicas in the driver's JVM and
 * with them spread over two worker JVMs on loopback: the driver's windows make a replica's answer a
 * function of what it was sent, wherever it runs.
 */
class ClusterDeterminismTest {
  /** Four replicas, load, and a crash and restart, for a few simulated seconds. */
  static final String CHEAP = """
      name: cluster-determinism
      seed: 11
      duration: 3s
      subnets:
        - {name: root, role: root, nodes: 4}
      consensus: {crypto: cheap}
      workload: {ingress_rate: 20/s}
      faults:
        - {at: 1s, kind: crash, subnet: root, nodes: [3]}
        - {at: 2s, kind: restart, subnet: root, nodes: [3]}
      invariants: [agreement, certified-state-agreement]
      """;

  /** The same with real BLS signatures and DKG. */
  static final String REAL = """
      name: cluster-determinism-real
      seed: 11
      duration: 3s
      subnets:
        - {name: root, role: root, nodes: 4}
      workload: {ingress_rate: 20/s}
      faults:
        - {at: 1s, kind: crash, subnet: root, nodes: [3]}
        - {at: 2s, kind: restart, subnet: root, nodes: [3]}
      invariants: [agreement, certified-state-agreement, signatures-valid]
      """;

  /** A run of {@code spec} on the driver's workers; {@code placement} gets where replicas ran. */
  static ScenarioRun inCluster(String yaml, ScenarioSpec spec, ClusterMember driver,
      List<Map<String, Integer>> placement) {
    return ScenarioRunner.runHosted(spec,
        new ScenarioRunner.Options(spec.seed(), 1, null, "test"), (nodes, keys) -> {
          ClusterHosts hosts = ClusterHosts.open(driver, nodes, "cluster-determinism.yaml", yaml,
              spec.seed(), keys, ClusterHosts.DEFAULT_STEP_TIMEOUT);
          placement.add(hosts.placement());
          return hosts;
        });
  }

  /**
   * Two workers and the driver as three members of one JVM, talking over loopback as separate
   * machines would (every message serialized): quick enough for every build.
   */
  @Test
  void twoWorkerMembersOnLoopbackGiveTheTraceHashOfOneJvm() throws Exception {
    ScenarioSpec spec = ScenarioParser.parse("cluster-determinism.yaml", CHEAP);
    ScenarioRun local = ScenarioRunner.run(spec,
        new ScenarioRunner.Options(spec.seed(), 2, null, "test"));

    ScenarioRun clustered;
    List<Map<String, Integer>> placement = new ArrayList<>();
    HostPort any = new HostPort("127.0.0.1", 0);
    try (ClusterMember w0 = ClusterMember.worker(any, List.of(), 1);
        ClusterMember w1 = ClusterMember.worker(any, List.of(w0.address()), 1);
        ClusterMember driver = ClusterMember.driver(any, List.of(w0.address()))) {
      driver.awaitWorkers(2, Duration.ofSeconds(60));
      clustered = inCluster(CHEAP, spec, driver, placement);
      assertThat(placement.get(0)).as("replicas per worker")
          .containsOnlyKeys(w0.address().toString(), w1.address().toString())
          .containsValues(2, 2);
    }

    assertThat(local.result().finalizedHeight().values()).allMatch(h -> h >= 2);
    assertThat(clustered.result().traceHash()).isEqualTo(local.result().traceHash());
  }

  @Test
  @Tag("slow") // two worker JVMs and three DKGs with real BLS on two cores: about a minute
  void twoWorkerJvmsGiveTheTraceHashOfOneJvmWithRealCrypto(@TempDir Path logs) throws Exception {
    assertSameHashOnWorkerJvms(REAL, 2, logs);
  }

  @Test
  @Tag("slow") // three worker JVMs beside the driver's: the "3 members" case, real BLS
  void threeWorkerJvmsGiveTheTraceHashOfOneJvmWithRealCrypto(@TempDir Path logs) throws Exception {
    assertSameHashOnWorkerJvms(REAL, 3, logs);
  }

  private static void assertSameHashOnWorkerJvms(String yaml, int count, Path logs)
      throws Exception {
    ScenarioSpec spec = ScenarioParser.parse("cluster-determinism.yaml", yaml);
    ScenarioRun local = ScenarioRunner.run(spec,
        new ScenarioRunner.Options(spec.seed(), 2, null, "test"));

    ScenarioRun clustered;
    List<Map<String, Integer>> placement = new ArrayList<>();
    try (LocalWorkers workers = LocalWorkers.start(count, 1, logs);
        ClusterMember driver = ClusterMember.driver(new HostPort("127.0.0.1", 0),
            workers.addresses())) {
      driver.awaitWorkers(count, Duration.ofSeconds(60));
      clustered = inCluster(yaml, spec, driver, placement);
      assertThat(placement.get(0)).as("every worker hosts replicas")
          .containsOnlyKeys(workers.addresses().stream().map(HostPort::toString).toList());
    }

    assertThat(local.result().finalizedHeight().values()).allMatch(h -> h >= 2);
    assertThat(clustered.result().traceHash()).isEqualTo(local.result().traceHash());
    assertThat(clustered.result().finalizedHeight()).isEqualTo(local.result().finalizedHeight());
  }
}
