package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class NanLossRejectedTest {
  @Test
  void aLossOfNanIsNotAProbability() {
    rejected(scenario("network:\n  loss: NaN\n"), 7, "network.loss",
        "expected a probability like 0.01 or 1%, got 'NaN'");
  }

  @Test
  void aLossAboveOneHundredPercentIsRejected() {
    rejected(scenario("network:\n  loss: 150%\n"), 7, "network.loss",
        "expected a probability in [0, 1], got 150%");
  }
}
