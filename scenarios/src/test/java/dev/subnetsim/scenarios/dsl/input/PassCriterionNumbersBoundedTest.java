package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class PassCriterionNumbersBoundedTest {
  @Test
  void aHeightPastLongIsRejectedNotACrash() {
    rejected(scenario("pass:\n  - \"finalized height >= 99999999999999999999999 on root\"\n"), 7,
        "pass[0]", "height 99999999999999999999999 is out of range");
  }

  @Test
  void aLatencyBoundOfZeroIsRejected() {
    rejected(scenario("pass:\n  - \"p99 ingress latency < 0s\"\n"), 7, "pass[0]",
        "must be positive");
  }

  @Test
  void aStallThatEndsBeforeItStartsIsRejected() {
    rejected(scenario("pass:\n  - \"no finalization on root between 8s and 3s\"\n"), 7,
        "pass[0]", "the stall must end after it starts");
  }
}
