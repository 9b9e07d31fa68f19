package dev.subnetsim.scenarios.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.scenarios.driver.SimulationConfig.IngressInjection;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoissonIngressTest {
  private static final List<NodeId> TARGETS = List.of(new NodeId(4), new NodeId(5), new NodeId(6));
  private static final long S = 1_000_000_000L;

  @Test
  void aRateOfTwentyPerSecondGivesAboutTwentyPerSecondSpreadOverTheTargets() {
    List<IngressInjection> s = PoissonIngress.schedule(1, 20, TARGETS, 100 * S);

    assertThat(s.size()).isBetween(1800, 2200);
    assertThat(s).extracting(IngressInjection::node).containsOnly(TARGETS.toArray(NodeId[]::new));
    assertThat(s).extracting(IngressInjection::atNanos).isSorted()
        .allSatisfy(t -> assertThat(t).isBetween(1L, 100 * S - 1));
    assertThat(s.stream().filter(i -> i.node().equals(TARGETS.get(0))).count())
        .isBetween(500L, 830L);
  }

  @Test
  void theScheduleIsAFunctionOfTheSeed() {
    List<Long> a = times(PoissonIngress.schedule(1, 5, TARGETS, 10 * S));
    assertThat(times(PoissonIngress.schedule(1, 5, TARGETS, 10 * S))).isEqualTo(a);
    assertThat(times(PoissonIngress.schedule(2, 5, TARGETS, 10 * S))).isNotEqualTo(a);
  }

  private static List<Long> times(List<IngressInjection> s) {
    return s.stream().map(IngressInjection::atNanos).toList();
  }

  @Test
  void aZeroRateGivesNothingAndBadInputIsRejected() {
    assertThat(PoissonIngress.schedule(1, 0, TARGETS, 10 * S)).isEmpty();
    assertThatThrownBy(() -> PoissonIngress.schedule(1, -1, TARGETS, S)).hasMessageContaining("-1");
    assertThatThrownBy(() -> PoissonIngress.schedule(1, 1, List.of(), S))
        .hasMessageContaining("target");
  }
}
