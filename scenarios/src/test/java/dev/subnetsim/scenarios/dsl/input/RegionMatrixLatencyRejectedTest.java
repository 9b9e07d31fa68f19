package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class RegionMatrixLatencyRejectedTest {
  @Test
  void aZeroLatencyBetweenRegionsIsRejected() {
    rejected(scenario("network:\n  regions:\n    eu:\n      us: 0ms\n"), 9,
        "network.regions.eu.us", "must be positive");
  }

  @Test
  void aRegionLatencyPastOneMinuteIsRejected() {
    rejected(scenario("network:\n  regions:\n    eu: {us: 2m}\n"), 8, "network.regions.eu.us",
        "must be at most 1m, got '2m'");
  }
}
