package dev.subnetsim.app.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subnetsim.app.run.TraceFiles;
import dev.subnetsim.app.run.WallTimer;
import dev.subnetsim.reports.ReportWriter;
import dev.subnetsim.scenarios.engine.ScenarioRun;
import dev.subnetsim.scenarios.engine.ScenarioRunner;
import dev.subnetsim.scenarios.result.RunResult;
import dev.subnetsim.scenarios.trace.JsonLinesSink;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Runs a sweep's runs, {@code jobs} at a time, each into its own folder as {@code subnet-sim run}
 * writes it. Each run is a function of its scenario and seed alone, so results do not depend on
 * {@code jobs} (only wall seconds do). A run is written to {@code FOLDER.partial} and renamed
 * when complete, so a folder with a {@code summary.json} is a finished run: when its
 * {@code scenario.yaml} is the one planned, it is kept rather than run again (resuming a stopped
 * sweep); a leftover {@code .partial} or a folder from a different scenario is run afresh.
 */
public final class SweepRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path out;
  private final int jobs;
  private final int threads;
  private final PrintStream progress;

  public SweepRunner(Path out, int jobs, int threads, PrintStream progress) {
    this.out = out;
    this.jobs = Math.max(1, jobs);
    this.threads = Math.max(1, threads);
    this.progress = progress;
  }

  /** Every planned run's row, in plan order. */
  public List<SweepRow> run(List<SweepPlan.PlannedRun> runs) throws IOException,
      InterruptedException {
    SweepRow[] rows = new SweepRow[runs.size()];
    List<Integer> todo = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      SweepPlan.PlannedRun r = runs.get(i);
      Path dir = out.resolve(r.folder());
      if (finished(dir, r.yaml())) {
        rows[i] = row(r, dir, true);
      } else {
        todo.add(i);
      }
    }
    int kept = runs.size() - todo.size();
    progress.printf("sweep: %d runs, %d already in %s (kept), %d to run, %d at a time%n",
        runs.size(), kept, out, todo.size(), jobs);
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try {
      CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
      for (int i : todo) {
        done.submit(() -> {
          runOne(runs.get(i));
          return i;
        });
      }
      // Wall time only feeds the estimate of time left; no run sees it.
      WallTimer wall = WallTimer.start();
      for (int finished = 1; finished <= todo.size(); finished++) {
        int i;
        try {
          i = done.take().get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw e.getCause() instanceof RuntimeException re ? re
              : new IllegalStateException(e.getCause());
        }
        SweepPlan.PlannedRun r = runs.get(i);
        rows[i] = row(r, out.resolve(r.folder()), false);
        double left = wall.seconds() / finished * (todo.size() - finished);
        progress.printf(Locale.ROOT, "sweep: %d/%d runs done (%d kept), %d/%d points; %s seed %d "
                + "%s in %.1f s; about %s left%n", kept + finished, runs.size(), kept,
            pointsDone(runs, rows), points(runs), r.point().label(), r.seed(),
            rows[i].passed() ? "passed" : "FAILED", rows[i].wallSeconds(), duration(left));
      }
    } finally {
      pool.shutdownNow();
    }
    return Arrays.asList(rows);
  }

  private static long points(List<SweepPlan.PlannedRun> runs) {
    return runs.stream().map(SweepPlan.PlannedRun::point).distinct().count();
  }

  /** Points all of whose seeds have a row. */
  private static long pointsDone(List<SweepPlan.PlannedRun> runs, SweepRow[] rows) {
    java.util.Map<SweepPoint, Boolean> complete = new java.util.LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      complete.merge(runs.get(i).point(), rows[i] != null, Boolean::logicalAnd);
    }
    return complete.values().stream().filter(b -> b).count();
  }

  /** {@code 1h 02m}, {@code 3m 05s}, {@code 12s}. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
    }
    return s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : s + "s";
  }

  private static boolean finished(Path dir, String yaml) throws IOException {
    Path scenario = dir.resolve("scenario.yaml");
    return Files.isRegularFile(dir.resolve("summary.json")) && Files.isRegularFile(scenario)
        && Files.readString(scenario, StandardCharsets.UTF_8).equals(yaml);
  }

  private static SweepRow row(SweepPlan.PlannedRun r, Path dir, boolean kept) throws IOException {
    return SweepRow.fromSummary(r.point(), r.seed(), r.folder(),
        JSON.readTree(dir.resolve("summary.json").toFile()), kept);
  }

  private void runOne(SweepPlan.PlannedRun r) throws IOException {
    Path dir = out.resolve(r.folder());
    Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
    deleteTree(partial);
    Files.createDirectories(partial);
    String reproduce = "subnet-sim/bin/subnet-sim run " + dir.resolve("scenario.yaml")
        + " --seed " + r.seed();
    WallTimer wall = WallTimer.start();
    ScenarioRun run;
    try (Writer trace = TraceFiles.gzipWriter(
        Files.newOutputStream(partial.resolve("trace.jsonl.gz")))) {
      run = ScenarioRunner.run(r.spec(), new ScenarioRunner.Options(r.seed(), threads,
          new JsonLinesSink(trace), reproduce));
    }
    RunResult x = run.result();
    RunResult timed = new RunResult(x.scenario(), x.seed(), x.traceHash(), x.simSeconds(),
        wall.seconds(), x.nodes(), x.subnets(), x.invariants(), x.finalizedHeight(), x.series(),
        x.latenciesNanos(), x.messagesByType(), x.timeline(), x.config(), x.reproduce());
    Files.write(partial.resolve("artifacts.jsonl"), run.artifacts(), StandardCharsets.UTF_8);
    Files.writeString(partial.resolve("scenario.yaml"), r.yaml(), StandardCharsets.UTF_8);
    ReportWriter.writeAll(timed, partial);
    deleteTree(dir);
    Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
