package dev.subnetsim.app.run;

import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import dev.subnetsim.scenarios.dsl.ScenarioException;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Chooses the job behind {@code subnet-sim run}. */
public final class MainJobs {
  /** The flagship scenario of the catalog: the default of {@code subnet-sim run}. */
  public static final String DEFAULT_SCENARIO = "flagship";

  private MainJobs() {}

  /** The scenario in {@code file}, or the catalog's flagship when none is given. */
  public static ScenarioJob forScenario(Path file, int threads) {
    if (file == null) {
      return new ScenarioJob(ScenarioLoader.catalog(DEFAULT_SCENARIO),
          ScenarioLoader.catalogText(DEFAULT_SCENARIO), null, threads);
    }
    ScenarioSpec spec = ScenarioLoader.load(file);
    try {
      return new ScenarioJob(spec, Files.readString(file), file.toString(), threads);
    } catch (IOException e) {
      throw new ScenarioException(file.toString(), 0, "", "cannot read: " + e.getMessage());
    }
  }
}
