package dev.subnetsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.engine.ScenarioRunner;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker that dies mid-run stops the run within a bounded time with a reason naming it, instead
 * of the driver waiting for answers that cannot come.
 */
@Tag("slow") // two worker JVMs, a real run, the failure detector and shutdown: about a minute
class MemberLostTest {
  /** Long enough in simulated time that the kill lands mid-run. */
  private static final String YAML = """
      name: member-lost
      seed: 5
      duration: 600s
      subnets:
        - {name: root, role: root, nodes: 4}
      workload: {ingress_rate: 20/s}
      invariants: [agreement]
      """;

  @Test
  void aKilledWorkerEndsTheRunWithinSecondsNamingTheMember(@TempDir Path logs) throws Exception {
    ScenarioSpec spec = ScenarioParser.parse("member-lost.yaml", YAML);
    ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
    try (ClusterSession session = ClusterSession.local(2, 1, logs)) {
      HostPort victim = session.localWorkers().get(1);
      long[] killedAt = new long[1];
      var hosting = session.hosting("member-lost.yaml", YAML, spec.seed(),
          ClusterHosts.DEFAULT_STEP_TIMEOUT);
      assertThatThrownBy(() -> ScenarioRunner.runHosted(spec,
          new ScenarioRunner.Options(spec.seed(), 1, null, "test"), (nodes, keys) -> {
            var hosts = hosting.open(nodes, keys);
            // Wall time only decides when the test pulls the plug, never what is simulated.
            killer.schedule(() -> {
              killedAt[0] = System.nanoTime();
              session.killLocalWorker(1);
            }, 3, TimeUnit.SECONDS);
            return hosts;
          }))
          .isInstanceOf(ClusterHosts.MemberLostException.class)
          .hasMessageContaining(victim.toString());
      Duration toStop = Duration.ofNanos(System.nanoTime() - killedAt[0]);
      assertThat(killedAt[0]).as("the kill happened during the run").isPositive();
      assertThat(toStop).isLessThan(Duration.ofSeconds(30));
    } finally {
      killer.shutdownNow();
    }
  }
}
