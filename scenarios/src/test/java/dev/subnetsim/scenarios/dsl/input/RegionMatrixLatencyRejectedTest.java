package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;

import org.junit.jupiter.api.Test;

class RegionMatrixLatencyRejectedTest {
  private static final String HEAD = "name: bad\nduration: 10s\nsubnets:\n"
      + "  - {name: root, role: root, nodes: 4, regions: [eu, us]}\n"
      + "  - {name: app, role: app, nodes: 4}\n";

  @Test
  void aZeroLatencyBetweenRegionsIsRejected() {
    rejected(HEAD + "network:\n  regions:\n    eu:\n      us: 0ms\n", 9,
        "network.regions.eu.us", "must be positive");
  }

  @Test
  void aRegionLatencyPastOneMinuteIsRejected() {
    rejected(HEAD + "network:\n  regions:\n    eu: {us: 2m}\n", 8, "network.regions.eu.us",
        "must be at most 1m, got '2m'");
  }
}
