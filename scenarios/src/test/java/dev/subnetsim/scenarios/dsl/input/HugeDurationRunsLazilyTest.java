package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.parse;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.replica.ReplicaLogicFactory;
import dev.subnetsim.scenarios.driver.SimulationConfig;
import dev.subnetsim.scenarios.driver.SimulationConfig.IngressInjection;
import dev.subnetsim.scenarios.world.SpecWorld;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/**
 * The longest, busiest plain-ingress scenario the limits allow (a day at 100 000 messages/s:
 * 8.64 billion messages, far more than any heap) sets up without making its schedule.
 */
class HugeDurationRunsLazilyTest {

  @Test
  void aDayAtTheHighestIngressRateSetsUpWithNoMessageHeldAndStreamsInTimeOrder() {
    var spec = parse(scenario("24h", "workload: {ingress_rate: 100000/s, ingress_subnet: app}\n"));
    var world = SpecWorld.build(spec, SpecWorld.defaultLivenessBoundNanos(spec));
    ReplicaLogicFactory notRun = (node, incarnation) -> {
      throw new AssertionError("this test builds the run, it does not run it");
    };

    SimulationConfig config = SpecWorld.config(spec, world, notRun, 1).build();

    assertThat(config.ingress().heldInMemory()).isZero();
    Iterator<IngressInjection> it = config.ingress().iterator();
    long previous = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      IngressInjection m = it.next();
      assertThat(m.atNanos()).isGreaterThanOrEqualTo(previous);
      previous = m.atNanos();
    }
    // 200 000 messages at 100 000/s take about two simulated seconds.
    assertThat(previous).isBetween(1_900_000_000L, 2_100_000_000L);
  }
}
