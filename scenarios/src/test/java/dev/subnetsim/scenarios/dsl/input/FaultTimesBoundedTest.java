package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class FaultTimesBoundedTest {
  @Test
  void aPauseOfZeroIsRejected() {
    rejected(scenario("faults:\n  - {at: 1s, kind: pause, subnet: root, nodes: [0], for: 0s}\n"),
        7, "faults[0].for", "must be positive");
  }

  @Test
  void aNegativeFaultTimeIsRejected() {
    rejected(scenario("faults:\n  - {at: -1s, kind: crash, subnet: root, nodes: [0]}\n"), 7,
        "faults[0].at", "must be at least 0s, got '-1s'");
  }

  @Test
  void aLinkFaultDelayPastOneMinuteIsRejected() {
    rejected(scenario("faults:\n"
        + "  - {at: 1s, kind: link, from: \"root:0\", to: \"root:1\", delay: 90s, until: 5s}\n"),
        7, "faults[0].delay", "must be at most 1m");
  }

  @Test
  void aLinkFaultWithoutLossOrDelayIsRejected() {
    rejected(scenario("faults:\n  - {at: 1s, kind: link, from: \"root:0\", to: \"root:1\", until: 5s}\n"),
        7, "faults[0]", "needs 'loss' or 'delay' above 0");
  }

  @Test
  void aLinkFaultLossOfNanIsRejected() {
    rejected(scenario("faults:\n"
        + "  - {at: 1s, kind: link, from: \"root:0\", to: \"root:1\", loss: NaN, until: 5s}\n"),
        7, "faults[0].loss", "expected a probability");
  }
}
