package dev.subnetsim.scenarios.spec;

import dev.subnetsim.consensus.types.SubnetId;

/** A pass criterion of a scenario, parsed from its one-line form. */
public sealed interface PassCriterion {

  /** The text as written in the scenario. */
  String text();

  /** {@code p99 ecdsa latency < 8s}: percentile of a request kind's latency under a bound. */
  record LatencyBelow(String text, int percentile, String requestKind, long boundNanos)
      implements PassCriterion {}

  /** {@code finalization resumes within 10s of heal}. */
  record ResumesAfterHeal(String text, long withinNanos) implements PassCriterion {}

  /** {@code finalized height >= 50 on root}. */
  record MinFinalizedHeight(String text, long height, SubnetId subnet)
      implements PassCriterion {}

  /** {@code no finalization on root between 10s and 30s}: the expected stall beyond f faults. */
  record Stalls(String text, SubnetId subnet, long fromNanos, long toNanos)
      implements PassCriterion {}

  /**
   * {@code optional: CRITERION}: judged like the criterion when the run gives it something to judge,
   * and not checked (instead of violated) when it gives none, e.g. no request of the kind completed.
   */
  record Optional(PassCriterion criterion) implements PassCriterion {
    public String text() {
      return "optional: " + criterion.text();
    }
  }
}
