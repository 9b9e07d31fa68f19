package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class HugeDurationRejectedTest {
  @Test
  void aDurationPastOneDayIsRejected() {
    rejected(scenario("25h", ""), 2, "duration", "must be at most 24h, got '25h'");
  }

  @Test
  void aDurationOfHundredsOfDigitsIsTooLargeNotInfinite() {
    rejected(scenario("1" + "0".repeat(400) + "s", ""), 2, "duration", "is too large");
  }

  @Test
  void aDurationBelowOneNanosecondIsNotPositive() {
    rejected(scenario("0.1ns", ""), 2, "duration", "must be positive");
  }
}
