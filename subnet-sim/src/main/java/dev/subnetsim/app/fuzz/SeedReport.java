package dev.subnetsim.app.fuzz;

import dev.subnetsim.scenarios.fuzz.FuzzCase;
import dev.subnetsim.scenarios.fuzz.Shrinker;
import java.util.Optional;

/**
 * One fuzzed seed as reported: its case (scenario, run, finding), the wall seconds its run took
 * (reported only, never simulated), and for a failing seed its run folder, its shrunk scenario
 * file and the commands that reproduce it.
 *
 * @param folder the seed's run folder relative to the output folder, if written
 * @param shrunkFile the shrunk scenario file relative to the output folder, if written
 */
public record SeedReport(FuzzCase fuzzCase, double wallSeconds, Optional<String> folder,
    Optional<Shrinker.Shrunk> shrunk, Optional<String> shrunkFile, String reproduce) {

  public long seed() {
    return fuzzCase.seed();
  }

  public boolean failed() {
    return fuzzCase.failed();
  }

  /** {@code ok}, {@code fork}, {@code stall} or {@code violation:NAME}. */
  public String result() {
    return fuzzCase.finding().map(f -> f.label()).orElse("ok");
  }
}
