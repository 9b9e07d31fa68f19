package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class RequestStreamRatesRejectedTest {
  @Test
  void aRequestStreamWithRateZeroIsRejectedBecauseItWouldSendNothing() {
    rejected(scenario("workload:\n  requests:\n    - {kind: vetkd-derive-key, rate: 0/s, from: app}\n"),
        8, "workload.requests[0].rate", "must be positive, got '0/s'");
  }

  @Test
  void aRampToZeroIsRejected() {
    rejected(scenario("workload:\n  requests:\n"
        + "    - {kind: ecdh-derive, rate: 2/s, ramp_to: 0, from: app}\n"),
        8, "workload.requests[0].ramp_to", "must be positive");
  }

  @Test
  void aRequestRatePastTheLimitIsRejected() {
    rejected(scenario("workload:\n  requests:\n"
        + "    - {kind: ecdh-derive, rate: 20000/s, from: app}\n"),
        8, "workload.requests[0].rate", "must be at most 10000/s");
  }

  @Test
  void aStreamWithoutARateNamesTheMissingField() {
    rejected(scenario("workload:\n  requests:\n    - {kind: ecdh-derive, from: app}\n"),
        8, "workload.requests[0].rate", "is required but missing");
  }
}
