package dev.subnetsim.scenarios.engine;

import dev.subnetsim.scenarios.result.RunResult;
import java.util.List;

/**
 * A finished scenario run: the report model, the artifacts log lines (one JSON object per combined
 * chain-key artifact, DESIGN.md format) and whether any invariant or criterion failed.
 */
public record ScenarioRun(RunResult result, List<String> artifacts) {
  public ScenarioRun {
    artifacts = List.copyOf(artifacts);
  }
}
