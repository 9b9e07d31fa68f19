package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class ConsensusDelaysBoundedTest {
  @Test
  void aUnitDelayOfZeroIsRejected() {
    rejected(scenario("consensus:\n  unit_delay: 0ms\n"), 7, "consensus.unit_delay",
        "must be positive");
  }

  @Test
  void aNotaryDelayPastTenMinutesIsRejected() {
    rejected(scenario("consensus:\n  initial_notary_delay: 11m\n"), 7,
        "consensus.initial_notary_delay", "must be at most 10m");
  }

  @Test
  void aDkgIntervalOfOneAndANegativeIngressLimitAreRejected() {
    rejected(scenario("consensus:\n  dkg_interval: 1\n"), 7, "consensus.dkg_interval",
        "expected a number in [2, 10000], got 1");
    rejected(scenario("consensus:\n  max_ingress_per_block: -1\n"), 7,
        "consensus.max_ingress_per_block", "expected a number in [0, 1000000], got -1");
  }
}
