package dev.subnetsim.scenarios.invariants;

import dev.subnetsim.consensus.PeerInputFailure;
import dev.subnetsim.consensus.types.NodeId;

/**
 * The invariant "nothing a peer sends makes a replica throw". It is not a checker of observations:
 * the driver reports it when a replica's step throws, which is a finding about the system under
 * test (exit 1), not an error of the simulator (exit 3). The finding names the replica and, when the
 * replica was handling a peer's input, the sender and the kind of that input.
 */
public final class ReplicaRobustness {
  public static final String NAME = "replica-robustness";

  private ReplicaRobustness() {}

  /** The violation for replica {@code node} whose step threw {@code failure} at {@code timeNanos}. */
  public static Violation violation(long timeNanos, NodeId node, Throwable failure) {
    Throwable root = failure;
    String blame;
    if (failure instanceof PeerInputFailure p) {
      root = p.getCause();
      blame = "while handling " + p.kind() + " from " + p.sender();
    } else {
      blame = "outside the handling of any peer's input";
    }
    return new Violation(NAME, timeNanos, "replica " + node + " threw " + blame + ": " + root
        + where(root));
  }

  /** The first stack frame, so the finding points at the line that threw. */
  private static String where(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    return trace.length == 0 ? "" : " (at " + trace[0] + ")";
  }
}
