package dev.subnetsim.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subnetsim.app.run.ScenarioJob;
import dev.subnetsim.scenarios.dsl.ScenarioException;
import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code subnet-sim replay RUN_DIR}: re-runs a past run from its folder (scenario.yaml and seed)
 * and checks that it reproduces the same trace hash.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Re-run a past run from its folder and check the trace hash is identical.")
final class ReplayCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run's output folder.")
  Path runDir;

  @Option(names = "--threads", defaultValue = "1",
      description = "Dispatcher threads of the replay (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write the replay "
      + "(default: RUN_DIR/replay).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path scenarioFile = runDir.resolve("scenario.yaml");
    Path summaryFile = runDir.resolve("summary.json");
    for (Path p : new Path[] {scenarioFile, summaryFile}) {
      if (!Files.isRegularFile(p)) {
        throw new ScenarioException(p.toString(), 0, "", "no such file: not a run folder");
      }
    }
    JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
    long seed = summary.path("seed").asLong();
    String expected = summary.path("trace_hash").asText();
    Path target = out != null ? out : runDir.resolve("replay");
    Files.createDirectories(target);
    ScenarioJob job = new ScenarioJob(ScenarioLoader.load(scenarioFile),
        Files.readString(scenarioFile), scenarioFile.toString(), threads);
    job.run(seed, target, System.out);
    String actual = new ObjectMapper().readTree(target.resolve("summary.json").toFile())
        .path("trace_hash").asText();
    if (actual.equals(expected)) {
      System.out.println("replayed identically: trace hash " + actual);
      return SubnetSimCli.EXIT_OK;
    }
    System.out.println("REPLAY DIFFERS: trace hash " + actual + ", recorded " + expected);
    return SubnetSimCli.EXIT_INVARIANT_FAILED;
  }
}
