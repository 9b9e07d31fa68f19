package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.parse;
import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnknownRegionRejectedTest {
  private static final String HEAD = "name: bad\nduration: 10s\nsubnets:\n"
      + "  - {name: root, role: root, nodes: 4, regions: [eu, us]}\n"
      + "  - {name: app, role: app, nodes: 4}\n";

  @Test
  void aMatrixRowForARegionNoNodeIsInIsRejected() {
    rejected(HEAD + "network:\n  regions:\n    asia: {eu: 90ms}\n", 8, "network.regions.asia",
        "no node is in region 'asia' (regions of the subnets: [default, eu, us])");
  }

  @Test
  void aMatrixColumnForARegionNoNodeIsInIsRejected() {
    rejected(HEAD + "network:\n  regions:\n    eu:\n      us: 40ms\n      mars: 9s\n", 10,
        "network.regions.eu.mars", "no node is in region 'mars'");
  }

  @Test
  void knownRegionsIncludingTheDefaultOneAreAccepted() {
    var spec = parse(HEAD + "network:\n  regions:\n    eu: {us: 40ms, default: 60ms}\n");
    assertThat(spec.network().regionLatencyNanos().get("eu")).containsEntry("default", 60_000_000L);
  }
}
