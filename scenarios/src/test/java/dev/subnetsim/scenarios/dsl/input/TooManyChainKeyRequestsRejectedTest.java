package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class TooManyChainKeyRequestsRejectedTest {
  @Test
  void moreExpectedRequestsThanTheCapAreRejectedAtTheRequestsList() {
    // 20 h at a ramp up to 20/s: about 1.44 million clients, each made before the run.
    rejected(scenario("20h", "workload:\n  requests:\n"
        + "    - {kind: ecdh-derive, rate: 1/s, ramp_to: 20/s, from: app}\n"),
        8, "workload.requests", "would make about 1440000 chain-key requests");
  }
}
