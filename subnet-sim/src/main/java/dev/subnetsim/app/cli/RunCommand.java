package dev.subnetsim.app.cli;

import dev.subnetsim.app.run.MainJob;
import dev.subnetsim.cluster.ClusterHosts;
import dev.subnetsim.cluster.ClusterSession;
import dev.subnetsim.cluster.HostPort;
import dev.subnetsim.app.run.MainJobs;
import dev.subnetsim.app.run.ScenarioJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code subnet-sim run [FILE] [--seed N] [--out DIR] [--cluster HOST:PORT,... | --workers N]
 * [--step-timeout S]}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a scenario (default: the flagship default scenario) and write its output folder.")
final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Scenario YAML file; omitted: the default scenario.")
  Path scenario;

  @Option(names = "--seed", description = "Root seed of the run (default: the scenario's seed).")
  Long seed;

  @Option(names = "--threads", description = "Dispatcher threads (results do not depend on it; default: ${DEFAULT-VALUE}).", defaultValue = "2")
  int threads;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: a new folder under runs/).")
  Path out;

  @Option(names = "--cluster", paramLabel = "HOST:PORT[,HOST:PORT...]", description = "Run the replicas on these cluster workers (started with `subnet-sim worker`); the driver stays here.")
  String cluster;

  @Option(names = "--workers", paramLabel = "N", description = "Start N worker JVMs on this machine (loopback) and run the replicas on them.")
  Integer workers;

  @Option(names = "--step-timeout", paramLabel = "SECONDS", description = "With --cluster or --workers: a member that does not answer a window's step within this many wall seconds stops the run with exit 3 (default: ${DEFAULT-VALUE}).", defaultValue = "120")
  long stepTimeoutSeconds;

  @Option(names = "--bind", paramLabel = "HOST:PORT", description = "With --cluster: the address the workers reach the driver at (default: ${DEFAULT-VALUE}; port 0 = any).", defaultValue = "127.0.0.1:0")
  String bind;

  @Override
  public Integer call() throws Exception {
    ScenarioJob job = MainJobs.forScenario(scenario, threads);
    long runSeed = seed != null ? seed : job.defaultSeed();
    Path dir = out != null ? out : defaultOutput(job.name(), runSeed);
    Files.createDirectories(dir);
    if (cluster != null && workers != null) {
      System.err.println("subnet-sim: --cluster and --workers exclude each other");
      return SubnetSimCli.EXIT_BAD_INPUT;
    }
    if (cluster == null && workers == null) {
      return finish(job.run(runSeed, dir, System.out), runSeed, dir);
    }
    if (stepTimeoutSeconds <= 0) {
      System.err.println("subnet-sim: --step-timeout must be positive");
      return SubnetSimCli.EXIT_BAD_INPUT;
    }
    ClusterSession session;
    try {
      session = cluster != null
          ? ClusterSession.join(HostPort.parse(bind), HostPort.parseList(cluster))
          : ClusterSession.local(workers, threads, Files.createDirectories(dir.resolve("workers")));
    } catch (IllegalArgumentException e) {
      System.err.println("subnet-sim: " + e.getMessage());
      return SubnetSimCli.EXIT_BAD_INPUT;
    }
    try (session) {
      return finish(job.onCluster(session).stepTimeout(Duration.ofSeconds(stepTimeoutSeconds))
          .run(runSeed, dir, System.out), runSeed, dir);
    } catch (ClusterHosts.MemberLostException e) {
      System.err.println("subnet-sim: run stopped: " + e.getMessage() + " (results so far in "
          + dir + ")");
      return SubnetSimCli.EXIT_INTERNAL_ERROR;
    }
  }

  private int finish(MainJob.JobOutcome outcome, long runSeed, Path dir) {
    System.out.println(outcome.headline());
    System.out.println("output: " + dir.toAbsolutePath().normalize());
    if (!outcome.passed()) {
      System.out.println("reproduce: subnet-sim/bin/subnet-sim run"
          + (scenario == null ? "" : " " + scenario) + " --seed " + runSeed + " --out " + dir);
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
