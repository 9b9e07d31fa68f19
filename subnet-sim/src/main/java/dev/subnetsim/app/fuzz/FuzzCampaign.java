package dev.subnetsim.app.fuzz;

import dev.subnetsim.app.run.TraceFiles;
import dev.subnetsim.app.run.WallTimer;
import dev.subnetsim.reports.ReportWriter;
import dev.subnetsim.scenarios.fuzz.FaultFuzzer;
import dev.subnetsim.scenarios.fuzz.FuzzCase;
import dev.subnetsim.scenarios.fuzz.ScenarioYaml;
import dev.subnetsim.scenarios.fuzz.Shrinker;
import dev.subnetsim.scenarios.result.RunResult;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.trace.JsonLinesSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs fuzz seeds, {@code jobs} at a time. Each seed is a function of (base scenario, seed,
 * budget) alone and runs on its own, so results do not depend on {@code jobs} (only wall seconds
 * do); they are reported in seed order. With an output folder every failing seed gets its run
 * folder ({@code seed-N/}, as {@code subnet-sim run} writes it, with the drawn scenario as
 * {@code scenario.yaml}) and, if {@code shrinkRuns > 0}, its shrunk scenario
 * ({@code seed-N/shrunk.yaml}).
 *
 * @param reproducePrefix the fuzz command line without its seed options, for reproduce lines
 */
public record FuzzCampaign(ScenarioSpec base, FaultFuzzer.Budget budget, int threads,
    int shrinkRuns, Optional<Path> out, String reproducePrefix) {

  /** Runs seeds {@code first .. first+count-1}; {@code done} hears each report in seed order. */
  public List<SeedReport> run(long first, int count, int jobs, Consumer<SeedReport> done)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
    try {
      List<Future<SeedReport>> futures = new ArrayList<>();
      for (long seed = first; seed < first + count; seed++) {
        long s = seed;
        futures.add(pool.submit(() -> seed(s)));
      }
      List<SeedReport> reports = new ArrayList<>();
      for (Future<SeedReport> f : futures) {
        SeedReport r;
        try {
          r = f.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof RuntimeException re ? re
              : new IllegalStateException(e.getCause());
        }
        reports.add(r);
        done.accept(r);
      }
      return reports;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One seed: drawn, run (its trace to the seed's folder if there is one), judged, shrunk. */
  SeedReport seed(long seed) throws IOException {
    String reproduce = reproducePrefix + " --first-seed " + seed + " --seeds 1";
    Optional<Path> dir = out.map(o -> o.resolve("seed-" + seed));
    WallTimer wall = WallTimer.start();
    FuzzCase c;
    if (dir.isPresent()) {
      Files.createDirectories(dir.get());
      try (Writer trace = TraceFiles.gzipWriter(
          Files.newOutputStream(dir.get().resolve("trace.jsonl.gz")))) {
        c = FuzzCase.run(base, seed, budget, threads, new JsonLinesSink(trace), reproduce);
      }
    } else {
      c = FuzzCase.run(base, seed, budget, threads, null, reproduce);
    }
    double seconds = wall.seconds();
    if (dir.isEmpty()) {
      return new SeedReport(c, seconds, Optional.empty(), Optional.empty(), Optional.empty(),
          reproduce);
    }
    if (!c.failed()) {
      deleteTree(dir.get());
      return new SeedReport(c, seconds, Optional.empty(), Optional.empty(), Optional.empty(),
          reproduce);
    }
    writeRunFolder(c, seconds, dir.get());
    Optional<Shrinker.Shrunk> shrunk = Optional.empty();
    Optional<String> shrunkFile = Optional.empty();
    String folder = "seed-" + seed;
    String again = "subnet-sim/bin/subnet-sim run " + dir.get().resolve("scenario.yaml");
    if (shrinkRuns > 0) {
      Shrinker.Shrunk s = Shrinker.shrink(c, threads, shrinkRuns);
      Files.writeString(dir.get().resolve("shrunk.yaml"), header(s) + ScenarioYaml.write(
          s.scenario()), StandardCharsets.UTF_8);
      shrunk = Optional.of(s);
      shrunkFile = Optional.of(folder + "/shrunk.yaml");
      again = "subnet-sim/bin/subnet-sim run " + dir.get().resolve("shrunk.yaml");
    }
    return new SeedReport(c, seconds, Optional.of(folder), shrunk, shrunkFile, again);
  }

  private static String header(Shrinker.Shrunk s) {
    return "# " + s.scenario().description() + "\n# found by " + s.runs()
        + " shrinking runs; reproduce: subnet-sim/bin/subnet-sim run THIS_FILE\n";
  }

  /** The folder {@code subnet-sim run} writes, from the fuzz run itself (no second run). */
  private static void writeRunFolder(FuzzCase c, double wallSeconds, Path dir)
      throws IOException {
    Files.writeString(dir.resolve("scenario.yaml"), ScenarioYaml.write(c.scenario()),
        StandardCharsets.UTF_8);
    if (c.run().isEmpty()) {
      return; // it threw: the trace up to the exception and the scenario are all there is
    }
    RunResult r = c.run().get().result();
    RunResult timed = new RunResult(r.scenario(), r.seed(), r.traceHash(), r.simSeconds(),
        wallSeconds, r.nodes(), r.subnets(), r.invariants(), r.finalizedHeight(), r.series(),
        r.latenciesNanos(), r.messagesByType(), r.timeline(), r.config(), r.reproduce());
    Files.write(dir.resolve("artifacts.jsonl"), c.run().get().artifacts(),
        StandardCharsets.UTF_8);
    ReportWriter.writeAll(timed, dir);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
