package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class NodeRangeBoundedTest {
  @Test
  void aHugeNodeRangeIsRejectedBeforeItIsExpanded() {
    rejected(scenario("faults:\n  - {at: 1s, kind: crash, subnet: root, nodes: 0-999999999}\n"),
        7, "faults[0].nodes", "node index 999999999 is out of range (at most 999)");
  }

  @Test
  void nodesGivenAsAMappingAreRejected() {
    rejected(scenario("faults:\n  - {at: 1s, kind: crash, subnet: root, nodes: {a: 1}}\n"),
        7, "faults[0].nodes", "expected node indices like [0, 2] or '0-3,7', got a mapping");
  }
}
