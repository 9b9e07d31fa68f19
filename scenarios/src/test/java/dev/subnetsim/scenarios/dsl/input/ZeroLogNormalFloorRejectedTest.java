package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class ZeroLogNormalFloorRejectedTest {
  @Test
  void aLogNormalFloorOfZeroIsRejected() {
    rejected(scenario("network:\n  latency: {model: lognormal, median: 20ms, floor: 0}\n"), 7,
        "network.latency.floor", "must be positive");
  }
}
