package dev.subnetsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.scenarios.driver.DispatcherConfig;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.engine.ScenarioRunner;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker that stays in the cluster (its failure detector keeps answering) but whose replicas
 * stop answering stops the run once a step waits longer than the step timeout, with a reason
 * naming that worker, instead of the driver waiting for good.
 */
class MemberStalledTest {
  /** Long enough in simulated time that the stall lands mid-run. */
  private static final String YAML = """
      name: member-stalled
      seed: 5
      duration: 600s
      subnets:
        - {name: root, role: root, nodes: 4}
      consensus: {crypto: cheap}
      workload: {ingress_rate: 20/s}
      invariants: [agreement]
      """;
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(3);

  @Test
  @Timeout(120) // were the stall never detected, the run would wait for good
  void aWorkerWhoseReplicasHangEndsTheRunAfterTheStepTimeoutNamingIt() throws Exception {
    ScenarioSpec spec = ScenarioParser.parse("member-stalled.yaml", YAML);
    HostPort any = new HostPort("127.0.0.1", 0);
    CountDownLatch release = new CountDownLatch(1);
    ScheduledExecutorService staller = Executors.newSingleThreadScheduledExecutor();
    long[] stalledAt = new long[1];
    try (ClusterMember w0 = ClusterMember.worker(any, List.of(), 1);
        ClusterMember w1 = ClusterMember.worker(any, List.of(w0.address()), 1);
        ClusterMember driver = ClusterMember.driver(any, List.of(w0.address()))) {
      driver.awaitWorkers(2, Duration.ofSeconds(60));
      try {
        assertThatThrownBy(() -> ScenarioRunner.runHosted(spec,
            new ScenarioRunner.Options(spec.seed(), 1, null, "test"), (nodes, keys) -> {
              var hosts = ClusterHosts.open(driver, nodes, "member-stalled.yaml", YAML,
                  spec.seed(), keys, STEP_TIMEOUT);
              // Wall time only decides when the test hangs w1's replica thread, never what is
              // simulated; the member itself (heartbeats, remoting) goes on answering.
              staller.schedule(() -> {
                stalledAt[0] = System.nanoTime();
                w1.system().dispatchers().lookup(DispatcherSelector.fromConfig(
                    DispatcherConfig.REPLICA_DISPATCHER)).execute(() -> {
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    });
              }, 2, TimeUnit.SECONDS);
              return hosts;
            }))
            .isInstanceOf(ClusterHosts.MemberStalledException.class)
            .hasMessageContaining("cluster member " + w1.address())
            .hasMessageContaining("within 3 s");
        Duration toStop = Duration.ofNanos(System.nanoTime() - stalledAt[0]);
        assertThat(stalledAt[0]).as("the stall happened during the run").isPositive();
        assertThat(toStop).isGreaterThanOrEqualTo(Duration.ofSeconds(2))
            .isLessThan(Duration.ofSeconds(20));
        assertThat(driver.upWorkers()).as("w1 never left the cluster").hasSize(2);
      } finally {
        release.countDown();
        staller.shutdownNow();
      }
    }
  }
}
