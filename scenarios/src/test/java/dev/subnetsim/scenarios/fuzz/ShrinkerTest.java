package dev.subnetsim.scenarios.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.scenarios.dsl.ScenarioParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShrinkerTest {

  @Test
  void aFaultIsRemovedTogetherWithTheFaultThatUndoesIt() {
    var spec = ScenarioParser.parse("units", """
        name: units
        duration: 30s
        fault_budget: beyond-f
        subnets:
          - {name: root, role: root, nodes: 7}
          - {name: signing, role: signing, nodes: 4}
          - {name: spare, role: signing, nodes: 4}
        faults:
          - {at: 1s, kind: crash, subnet: root, nodes: [1]}
          - {at: 2s, kind: crash, subnet: root, nodes: [2]}
          - {at: 3s, kind: clock-skew, subnet: root, nodes: [3], skew: -500ms}
          - {at: 4s, kind: partition, groups: ["root:0-5", "root:6"]}
          - {at: 5s, kind: restart, subnet: root, nodes: [2]}
          - {at: 6s, kind: heal}
          - {at: 7s, kind: clock-skew, subnet: root, nodes: [3], skew: 0s}
          - {at: 8s, kind: reshare, from: root, to: signing, keys: [ecdsa]}
          - {at: 9s, kind: subnet-loss, subnet: signing}
          - {at: 10s, kind: reshare, from: root, to: spare, keys: [ecdsa]}
          - {at: 11s, kind: restart, subnet: root, nodes: [1]}
          - {at: 12s, kind: heal}
        """);
    assertThat(Shrinker.units(spec)).containsExactly(
        List.of(0, 10), // crash of 1 and its restart, not node 2's
        List.of(1, 4),
        List.of(2, 6), // the skew and its reset
        List.of(3, 5), // the partition and the next heal
        List.of(7), // a reshare alone
        List.of(8, 9), // the subnet loss and the reshare that replaces it
        List.of(11)); // a heal with no partition left
  }
}
