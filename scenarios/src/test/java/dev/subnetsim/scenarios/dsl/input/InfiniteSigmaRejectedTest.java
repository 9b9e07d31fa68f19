package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class InfiniteSigmaRejectedTest {
  @Test
  void aSigmaOfInfinityIsNotANumber() {
    rejected(scenario("network:\n  latency: {model: lognormal, median: 20ms, sigma: Infinity}\n"),
        7, "network.latency.sigma", "expected a number like 0.5, got 'Infinity'");
  }

  @Test
  void aSigmaInExponentFormOrPastTheLimitIsRejected() {
    rejected(scenario("network:\n  latency: {model: lognormal, median: 20ms, sigma: 1e400}\n"),
        7, "network.latency.sigma", "expected a number like 0.5");
    rejected(scenario("network:\n  latency: {model: lognormal, median: 20ms, sigma: 11}\n"),
        7, "network.latency.sigma", "expected a number in [0.0, 10.0], got 11");
  }
}
