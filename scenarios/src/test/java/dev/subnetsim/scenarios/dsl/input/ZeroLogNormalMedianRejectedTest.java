package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class ZeroLogNormalMedianRejectedTest {
  @Test
  void aLogNormalMedianOfZeroIsRejected() {
    rejected(scenario("network:\n  latency: {model: lognormal, median: 0s}\n"), 7,
        "network.latency.median", "must be positive");
  }
}
