package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class BandwidthBoundedTest {
  @Test
  void aBandwidthOfZeroIsRejectedNotTakenAsUnlimited() {
    rejected(scenario("network:\n  bandwidth: 0Mbit\n"), 7, "network.bandwidth",
        "must be at least 125 B/s, got '0Mbit'");
  }

  @Test
  void aBandwidthPastOneTerabitIsRejected() {
    rejected(scenario("network:\n  bandwidth: 2000Gbit\n"), 7, "network.bandwidth",
        "must be at most");
  }
}
