package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class CanisterStoryRateRejectedTest {
  @Test
  void aCanisterRatePastTheLimitIsRejected() {
    rejected(scenario("workload:\n  canisters: [wallet]\n  canister_rate: 500/s\n"), 8,
        "workload.canister_rate", "must be at most 100/s");
  }

  @Test
  void moreExpectedStoriesThanTheCapAreRejected() {
    rejected(scenario("24h", "workload:\n  canisters: [wallet, identity]\n  canister_rate: 1/s\n"),
        8, "workload.canister_rate", "would make about 172800 canister stories");
  }
}
