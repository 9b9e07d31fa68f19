package dev.subnetsim.app.cli;

import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code subnet-sim validate FILE...}: parse and check scenario files without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check scenario files; exit 2 naming file, line and field on the first problem.")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario YAML files.")
  List<Path> files;

  @Override
  public Integer call() {
    for (Path file : files) {
      ScenarioSpec spec = ScenarioLoader.load(file);
      System.out.printf("%s: ok (%s: %d subnets, %d nodes, %d faults, %.0fs)%n", file, spec.name(),
          spec.subnets().size(), spec.totalNodes(), spec.faults().size(),
          spec.durationNanos() / 1e9);
    }
    return SubnetSimCli.EXIT_OK;
  }
}
