package dev.subnetsim.app.cli;

import dev.subnetsim.app.run.MainJob;
import dev.subnetsim.app.run.MainJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code subnet-sim run [FILE] [--seed N] [--out DIR]}. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a scenario (default: the flagship default scenario) and write its output folder.")
final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Scenario YAML file; omitted: the default scenario.")
  Path scenario;

  @Option(names = "--seed", description = "Root seed of the run (default: ${DEFAULT-VALUE}).", defaultValue = "1")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: a new folder under runs/).")
  Path out;

  @Override
  public Integer call() throws Exception {
    MainJob job = MainJobs.forScenario(scenario);
    Path dir = out != null ? out : defaultOutput(job.name(), seed);
    Files.createDirectories(dir);
    MainJob.JobOutcome outcome = job.run(seed, dir, System.out);
    System.out.println(outcome.headline());
    System.out.println("output: " + dir.toAbsolutePath().normalize());
    if (!outcome.passed()) {
      System.out.println("reproduce: subnet-sim run" + (scenario == null ? "" : " " + scenario)
          + " --seed " + seed + " --out " + dir);
      return SubnetSimCli.EXIT_INVARIANT_FAILED;
    }
    return SubnetSimCli.EXIT_OK;
  }

  /** runs/NAME-seedN, or runs/NAME-seedN-K for the first K that does not exist yet. */
  static Path defaultOutput(String name, long seed) {
    Path base = Path.of("runs", name + "-seed" + seed);
    Path candidate = base;
    for (int k = 2; Files.exists(candidate); k++) {
      candidate = Path.of(base + "-" + k);
    }
    return candidate;
  }
}
