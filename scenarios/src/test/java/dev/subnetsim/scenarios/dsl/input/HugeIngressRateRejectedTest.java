package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class HugeIngressRateRejectedTest {
  @Test
  void anIngressRatePastTheLimitIsRejected() {
    rejected(scenario("workload:\n  ingress_rate: 200000/s\n"), 7, "workload.ingress_rate",
        "must be at most 100000/s, got '200000/s'");
  }
}
