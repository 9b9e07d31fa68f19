package dev.subnetsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.app.run.BenchRunner.Measured;
import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Argument parsing and output format of {@code subnet-sim bench}, with a fake measurer. */
class BenchCommandTest {
  private static final String FILE = "../scenarios/bench/bench-13-real.yaml";

  private final List<String> calls = new ArrayList<>();
  private final StringWriter out = new StringWriter();

  /** Runs the command with a fake: wall is 2 s + simulated / 4, CPU 1 s + simulated / 2. */
  private int bench(String hashAt2Threads, String... args) {
    CommandLine cli = new CommandLine(new SubnetSimCli());
    CommandLine bench = cli.getSubcommands().get("bench");
    ((BenchCommand) bench.getCommand()).measurer = (spec, nanos, threads, probeHeap) -> {
      calls.add(spec.name() + " " + nanos / 1_000_000_000 + "s t" + threads
          + (probeHeap ? " heap" : ""));
      double sim = nanos / 1e9;
      return new Measured(sim, 2 + sim / 4, 1 + sim / 2, threads == 2 ? hashAt2Threads : "ab12",
          3_500_000);
    };
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter()));
    return SubnetSimCli.execute(cli, args);
  }

  @Test
  void runsASetupAShortAndALongRunPerThreadCountProbingHeapOnlyInTheLongOne() {
    int status = bench("ab12", "bench", FILE, "--short", "5", "--long", "20", "--threads", "1,2");

    assertThat(status).isEqualTo(SubnetSimCli.EXIT_OK);
    assertThat(calls).containsExactly(
        "bench-13-real 1s t1", "bench-13-real 5s t1", "bench-13-real 20s t1 heap",
        "bench-13-real 1s t2", "bench-13-real 5s t2", "bench-13-real 20s t2 heap");
  }

  @Test
  void theLongRunDefaultsToTheFilesDurationAndTheShortOneToTenSeconds() {
    bench("ab12", "bench", FILE, "--threads", "2");

    assertThat(calls).containsExactly(
        "bench-13-real 1s t2", "bench-13-real 10s t2", "bench-13-real 120s t2 heap");
  }

  @Test
  void printsSteadyStateFromTheDifferenceOfTheRunsWithSetupHeapAndTraceHash() {
    bench("ab12", "bench", FILE, "--short", "10", "--long", "30", "--threads", "1");

    // steady = (30 - 10) / ((2 + 7.5) - (2 + 2.5)) = 4.00, per CPU s 20 / (16 - 6) = 2.00;
    // setup = 2 + 0.25 s.
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(1)).isEqualTo(BenchCommand.header());
    assertThat(lines.get(2)).matches(
        "bench-13-real +13 +1 +4\\.00 +2\\.00 +2\\.25s +10s/4\\.50s +30s/9\\.50s +3\\.5 MB +ab12");
    assertThat(lines.get(3)).isEqualTo("trace hashes agree across thread counts");
  }

  @Test
  void differingTraceHashesAcrossThreadCountsFailTheBench() {
    int status = bench("cd34", "bench", FILE, "--short", "5", "--long", "20", "--threads", "1,2");

    assertThat(status).isEqualTo(SubnetSimCli.EXIT_INVARIANT_FAILED);
    assertThat(out.toString()).contains("bench-13-real: TRACE HASHES DIFFER between thread counts: "
        + "[ab12, cd34]");
  }

  @Test
  void aShortRunNotShorterThanTheLongOneIsBadInputAndRunsNothing() {
    int status = bench("ab12", "bench", FILE, "--short", "30", "--long", "20");

    assertThat(status).isEqualTo(SubnetSimCli.EXIT_BAD_INPUT);
    assertThat(calls).isEmpty();
  }

  @Test
  void theDefaultBenchmarkFilesExistAndParse() {
    for (Path p : BenchCommand.DEFAULT_FILES) {
      assertThat(ScenarioLoader.load(Path.of("..").resolve(p)).durationNanos()).isPositive();
    }
  }
}
