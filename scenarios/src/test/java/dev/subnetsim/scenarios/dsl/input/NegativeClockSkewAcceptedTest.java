package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.parse;
import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.scenarios.faults.Fault;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.world.SpecWorld;
import org.junit.jupiter.api.Test;

class NegativeClockSkewAcceptedTest {

  @Test
  void aClockBehindParsesAndReachesTheFaultScheduleWithItsSign() {
    var spec = parse(scenario(
        "faults:\n  - {at: 1s, kind: clock-skew, subnet: root, nodes: [2], skew: -250ms}\n"));

    assertThat(spec.faults()).singleElement().isInstanceOfSatisfying(FaultSpec.ClockSkew.class,
        s -> assertThat(s.skewNanos()).isEqualTo(-250_000_000L));
    var world = SpecWorld.build(spec, SpecWorld.defaultLivenessBoundNanos(spec));
    assertThat(world.faults().faults()).singleElement()
        .isInstanceOfSatisfying(Fault.SkewClock.class,
            f -> assertThat(f.skewNanos()).isEqualTo(-250_000_000L));
  }

  @Test
  void aSkewPastOneHourEitherWayIsRejected() {
    rejected(scenario(
        "faults:\n  - {at: 1s, kind: clock-skew, subnet: root, nodes: [2], skew: -2h}\n"),
        7, "faults[0].skew", "must be at least -1h, got '-2h'");
    rejected(scenario(
        "faults:\n  - {at: 1s, kind: clock-skew, subnet: root, nodes: [2], skew: 61m}\n"),
        7, "faults[0].skew", "must be at most 1h");
  }
}
