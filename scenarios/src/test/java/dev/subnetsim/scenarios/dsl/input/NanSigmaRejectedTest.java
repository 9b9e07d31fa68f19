package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class NanSigmaRejectedTest {
  @Test
  void aSigmaOfNanIsNotANumber() {
    rejected(scenario("network:\n  latency: {model: lognormal, median: 20ms, sigma: NaN}\n"), 7,
        "network.latency.sigma", "expected a number like 0.5, got 'NaN'");
  }
}
