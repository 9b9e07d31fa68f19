package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

/** {@code count: K} on a crash (the head's subnets have 4 nodes, f = 1). */
class CrashCountCheckedTest {
  @Test
  void aNegativeCountIsRejected() {
    rejected(scenario("faults:\n  - {at: 1s, kind: crash, subnet: root, count: -1}\n"),
        7, "faults[0].count", "a number of nodes cannot be negative, got -1");
  }

  @Test
  void aCountOfTheWholeSubnetIsRejectedEvenBeyondF() {
    rejected(scenario("fault_budget: beyond-f\n"
        + "faults:\n  - {at: 1s, kind: crash, subnet: app, count: 4}\n"),
        8, "faults[0].count", "would crash 4 of the 4 nodes of subnet 'app'; expected 0 to 3");
  }

  @Test
  void aHugeCountIsRejectedBeforeAnyListIsMade() {
    rejected(scenario("faults:\n  - {at: 1s, kind: crash, subnet: root, count: 99999999999}\n"),
        7, "faults[0].count", "expected at most 999 nodes, got 99999999999");
  }

  @Test
  void aCountThatIsNotAWholeNumberIsRejected() {
    rejected(scenario("faults:\n  - {at: 1s, kind: crash, subnet: root, count: 1.5}\n"),
        7, "faults[0].count", "expected a whole number, got '1.5'");
  }

  @Test
  void aCountBeyondFIsOverTheFaultBudget() {
    rejected(scenario("faults:\n  - {at: 1s, kind: crash, subnet: root, count: 2}\n"),
        7, "faults", "would have 2 faulty nodes [0, 1], more than f = 1 for n = 4");
  }

  @Test
  void nodesAndCountTogetherAreRejected() {
    rejected(scenario("faults:\n  - {at: 1s, kind: crash, subnet: root, nodes: [1], count: 1}\n"),
        7, "faults[0].count", "give either 'nodes' (which nodes crash) or 'count' (how many)");
  }

  @Test
  void aCrashWithNeitherNodesNorCountIsRejected() {
    rejected(scenario("faults:\n  - {at: 1s, kind: crash, subnet: root}\n"),
        7, "faults[0].subnet", "a crash needs 'nodes' (which nodes crash) or 'count'");
  }

  @Test
  void aCountOnAnUnknownSubnetNamesTheSubnetField() {
    rejected(scenario("faults:\n  - {at: 1s, kind: crash, subnet: nope, count: 1}\n"),
        7, "faults[0].subnet", "no subnet named 'nope'");
  }

  @Test
  void onlyACrashTakesACount() {
    rejected(scenario("faults:\n  - {at: 1s, kind: restart, subnet: root, nodes: [0], count: 1}\n"),
        7, "faults[0].count", "unknown field");
  }
}
