package dev.subnetsim.app.run;

import java.nio.file.Path;

/** Chooses the job behind {@code subnet-sim run}. */
public final class MainJobs {
  private MainJobs() {}

  /**
   * The job for a scenario file, or the default job when none is given. Until the scenario engine
   * lands, the default is the threshold-signing demonstration and scenario files are refused.
   */
  public static MainJob forScenario(Path scenario) {
    if (scenario != null) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(new Object()),
          scenario + ": scenario files are not supported yet (the scenario engine is issue 6)");
    }
    return new ThresholdSigningDemoJob(13);
  }
}
