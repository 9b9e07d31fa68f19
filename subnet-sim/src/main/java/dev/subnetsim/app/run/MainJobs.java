package dev.subnetsim.app.run;

import dev.subnetsim.scenarios.dsl.ScenarioException;
import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.nio.file.Path;

/** Chooses the job behind {@code subnet-sim run}. */
public final class MainJobs {
  private MainJobs() {}

  /**
   * The job for a scenario file, or the default job when none is given. Until the scenario engine
   * lands, the default is the single-subnet pipeline job and scenario files are refused.
   */
  public static MainJob forScenario(Path scenario) {
    if (scenario != null) {
      ScenarioSpec spec = ScenarioLoader.load(scenario); // bad input: exit 2 with file:line:field
      throw new ScenarioException(scenario.toString(), 0, "", "'" + spec.name()
          + "' is a valid scenario, but this build cannot execute scenario files yet: the "
          + "scenario engine is not built (see scenarios/README.md, Status)");
    }
    return new SubnetPipelineJob(13);
  }
}
