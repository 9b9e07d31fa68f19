package dev.subnetsim.scenarios.world;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.invariants.InvariantChecker;
import dev.subnetsim.scenarios.invariants.Violation;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Judges the example canisters' replies as their users do ({@link CanisterStories}): the first
 * completion of each story call (or answer to a story query) an honest replica reports is checked
 * with the user's secrets; a wrong outcome is a violation. A call that depends on an earlier one is judged only if the
 * earlier one was seen complete before the later was sent (else it is counted as not judged).
 */
public final class CanisterStoryChecker implements InvariantChecker {
  public static final String NAME = "canister stories";

  private final CanisterStories stories;
  private final FaultSchedule faults;
  /** Completion time of each call (hex request id), as first reported by an honest replica. */
  private final TreeMap<String, Long> completed = new TreeMap<>();
  /** The height at which each call completed (for queries: the height they ran on). */
  private final TreeMap<String, Long> completedHeight = new TreeMap<>();
  private final TreeMap<String, int[]> tally = new TreeMap<>();
  /** Calls the system answered with "try later": what depends on them did not happen. */
  private final TreeSet<String> triedLater = new TreeSet<>();

  public CanisterStoryChecker(CanisterStories stories, FaultSchedule faults) {
    this.stories = stories;
    this.faults = faults;
  }

  @Override
  public String name() {
    return NAME;
  }

  public CanisterStories stories() {
    return stories;
  }

  /**
   * Per story: calls judged, calls as expected, calls not judged (prerequisite not yet seen
   * complete, or a transient "try later" reject).
   */
  public TreeMap<String, int[]> tally() {
    return new TreeMap<>(tally);
  }

  /** Rejects the management canister gives for load it cannot take now, not for wrong calls. */
  static boolean transientReject(String message) {
    return message != null && (message.contains("not yet installed")
        || message.contains("request queue full"));
  }

  @Override
  public List<Violation> onObservation(long t, NodeId node, Observation o) {
    if (faults.isByzantine(node)) {
      return List.of();
    }
    byte[] requestId;
    CanisterStories.Outcome outcome;
    long height;
    if (o instanceof Observation.IngressCompleted c) {
      requestId = c.requestId().toArray();
      height = c.height();
      outcome = new CanisterStories.Outcome(c.replied(), c.reply().toArray(), c.rejectMessage(),
          new byte[0], c.subnet().name(), c.height());
    } else if (o instanceof Observation.QueryAnswered q) {
      requestId = q.requestId().toArray();
      height = q.height();
      outcome = new CanisterStories.Outcome(q.replied(), q.reply().toArray(), q.rejectMessage(),
          q.certificate().toArray(), q.subnet().name(), q.height());
    } else {
      return List.of();
    }
    String id = HexFormat.of().formatHex(requestId);
    var call = stories.call(requestId);
    if (call.isEmpty() || completed.putIfAbsent(id, t) != null) {
      return List.of();
    }
    completedHeight.put(id, height);
    stories.completed(requestId, outcome.replied());
    int[] counts = tally.computeIfAbsent(call.get().story(), k -> new int[3]);
    if (call.get().after().isPresent()) {
      String after = HexFormat.of().formatHex(call.get().after().get());
      Long before = completed.get(after);
      if (before == null || before >= call.get().atNanos() || triedLater.contains(after)
          || (o instanceof Observation.QueryAnswered && height < completedHeight.get(after))) {
        // Not yet complete when sent, told to try later (so it never happened: a retrieval
        // after a store the key holders deferred finds no document), or a query answered by a
        // replica still behind it.
        counts[2]++;
        return List.of();
      }
    }
    if (!outcome.replied() && transientReject(outcome.rejectMessage())) {
      triedLater.add(id);
      counts[2]++; // the system said "try later" (keys not yet installed, queue or stash empty)
      return List.of();
    }
    counts[0]++;
    String problem;
    try {
      problem = call.get().check().apply(outcome);
    } catch (RuntimeException e) {
      problem = "the reply could not be read: " + e;
    }
    if (problem == null) {
      counts[1]++;
      return List.of();
    }
    List<Violation> out = new ArrayList<>();
    out.add(new Violation(NAME, t, call.get().story() + ": " + problem));
    return out;
  }
}
