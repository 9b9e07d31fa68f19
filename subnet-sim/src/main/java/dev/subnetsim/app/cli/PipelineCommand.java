package dev.subnetsim.app.cli;

import dev.subnetsim.app.run.MainJob;
import dev.subnetsim.app.run.SubnetPipelineJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code subnet-sim pipeline}: the below-consensus pipeline with IC certificates (a demo). */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Run the single-subnet pipeline demo: DKG key, signed ingress, execution on "
        + "every replica, certified state tree, threshold certificates that agent-js accepts.")
final class PipelineCommand implements Callable<Integer> {
  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/).")
  Path out;

  @Override
  public Integer call() throws Exception {
    MainJob job = new SubnetPipelineJob(13);
    Path dir = out != null ? out : RunCommand.defaultOutput(job.name(), seed);
    Files.createDirectories(dir);
    MainJob.JobOutcome outcome = job.run(seed, dir, System.out);
    System.out.println(outcome.headline());
    System.out.println("output: " + dir.toAbsolutePath().normalize());
    return outcome.passed() ? SubnetSimCli.EXIT_OK : SubnetSimCli.EXIT_INVARIANT_FAILED;
  }
}
