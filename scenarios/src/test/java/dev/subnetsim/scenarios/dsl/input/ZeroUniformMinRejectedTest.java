package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class ZeroUniformMinRejectedTest {
  @Test
  void aUniformLatencyStartingAtZeroIsRejected() {
    rejected(scenario("network:\n  latency:\n    model: uniform\n    min: 0ms\n    max: 5ms\n"),
        9, "network.latency.min", "must be positive, got '0ms'");
  }
}
