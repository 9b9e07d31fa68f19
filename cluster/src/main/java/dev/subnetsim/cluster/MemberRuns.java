package dev.subnetsim.cluster;

import dev.subnetsim.replica.ReplicaLogicFactory;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.engine.ScenarioRunner;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runs a member hosts replicas of: one replica logic factory per run, built from the scenario
 * and seed by the first of the run's replicas to arrive here and shared by the others, as the
 * replicas of one JVM share theirs (genesis keys, each subnet's execution setup, the verification
 * cache). One per member; replicas of a run ask for it concurrently.
 */
final class MemberRuns {
  private final Map<String, ReplicaLogicFactory> runs = new TreeMap<>();

  /** The factory of run {@code runId}, built on first use. */
  synchronized ReplicaLogicFactory factory(String runId, String source, String yaml, long seed) {
    ReplicaLogicFactory f = runs.get(runId);
    if (f == null) {
      f = ScenarioRunner.replicaFactory(ScenarioParser.parse(source, yaml), seed);
      runs.put(runId, f);
    }
    return f;
  }

  /** Forgets run {@code runId} (its replicas have stopped or are stopping). */
  synchronized void release(String runId) {
    runs.remove(runId);
  }

  synchronized int size() {
    return runs.size();
  }
}
