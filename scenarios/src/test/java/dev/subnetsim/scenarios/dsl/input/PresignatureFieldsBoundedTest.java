package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;

import org.junit.jupiter.api.Test;

class PresignatureFieldsBoundedTest {
  @Test
  void zeroPresignaturesInFlightIsRejected() {
    rejected(scenario("workload:\n  presignatures_in_flight: 0\n"), 7,
        "workload.presignatures_in_flight", "expected a number in [1, 4096], got 0");
  }

  @Test
  void aNegativeStashAndAZeroQueueLimitAreRejected() {
    rejected(scenario("workload:\n  presignature_stash: -4\n"), 7,
        "workload.presignature_stash", "expected a number in [0, 4096], got -4");
    rejected(scenario("workload:\n  request_queue_limit: 0\n"), 7,
        "workload.request_queue_limit", "expected a number in [1, 1000000], got 0");
  }
}
