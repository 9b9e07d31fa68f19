package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class ZeroConstantLatencyRejectedTest {
  @Test
  void aConstantLatencyOfZeroIsRejectedAsNotPositive() {
    // Zero latency is a zero lookahead: the driver could not advance virtual time.
    rejected(scenario("network:\n  latency: {model: constant, value: 0}\n"), 7,
        "network.latency.value", "must be positive, got '0'");
  }
}
