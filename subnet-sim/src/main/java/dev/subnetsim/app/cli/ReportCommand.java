package dev.subnetsim.app.cli;

import dev.subnetsim.reports.ReportWriter;
import dev.subnetsim.reports.ResultJson;
import dev.subnetsim.scenarios.dsl.ScenarioException;
import dev.subnetsim.scenarios.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code subnet-sim report DIR [--out DIR2]}: re-render a past run's reports from result.json. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Re-render report.html, summary.json, junit.xml and CSVs of a past run.")
final class ReportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run's output folder.")
  Path runDir;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: RUN_DIR).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path resultFile = runDir.resolve("result.json");
    if (!Files.isRegularFile(resultFile)) {
      throw new ScenarioException(resultFile.toString(), 0, "", "no such file: not a run folder");
    }
    RunResult result;
    try {
      result = ResultJson.parse(Files.readString(resultFile));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ScenarioException(resultFile.toString(), line, "", e.getOriginalMessage());
    }
    Path target = out == null ? runDir : out;
    ReportWriter.writeAll(result, target);
    System.out.println("report: " + target.resolve("report.html").toAbsolutePath().normalize());
    return result.passed() ? SubnetSimCli.EXIT_OK : SubnetSimCli.EXIT_INVARIANT_FAILED;
  }
}
