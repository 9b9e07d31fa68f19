package dev.subnetsim.cluster;

import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.engine.ScenarioRunner;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runs a member hosts replicas of: one replica logic factory (and its key reporter) per run,
 * built from the scenario and seed by the first of the run's replicas to arrive here and shared by
 * the others, as the replicas of one JVM share theirs (genesis keys, each subnet's execution
 * setup, the verification cache). One per member; replicas of a run ask for it concurrently.
 */
final class MemberRuns {
  private final Map<String, ScenarioRunner.Hosted> runs = new TreeMap<>();

  /** The replicas of run {@code runId}, built on first use. */
  synchronized ScenarioRunner.Hosted hosted(String runId, String source, String yaml, long seed) {
    ScenarioRunner.Hosted f = runs.get(runId);
    if (f == null) {
      f = ScenarioRunner.hostedReplicas(ScenarioParser.parse(source, yaml), seed);
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
