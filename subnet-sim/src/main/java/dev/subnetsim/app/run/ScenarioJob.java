package dev.subnetsim.app.run;

import dev.subnetsim.scenarios.trace.TraceSink;

import dev.subnetsim.cluster.ClusterHosts;
import dev.subnetsim.cluster.ClusterSession;
import dev.subnetsim.reports.ReportWriter;
import dev.subnetsim.scenarios.engine.ScenarioRun;
import dev.subnetsim.scenarios.engine.ScenarioRunner;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.result.RunResult;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.trace.JsonLinesSink;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Runs a scenario with the engine and writes the output folder (docs/FORMATS.md). */
public final class ScenarioJob implements MainJob {
  private final ScenarioSpec spec;
  private final String text;
  private final String source;
  private final int threads;
  /** Where the replicas run when not in this JVM (subnet-sim run --cluster/--workers). */
  private ClusterSession cluster;
  private Duration stepTimeout = ClusterHosts.DEFAULT_STEP_TIMEOUT;

  public ScenarioJob(ScenarioSpec spec, String text, String source, int threads) {
    this.spec = spec;
    this.text = text;
    this.source = source;
    this.threads = threads;
  }

  /** Runs the replicas on the workers of {@code session} instead of in this JVM. */
  public ScenarioJob onCluster(ClusterSession session) {
    this.cluster = session;
    return this;
  }

  /** On a cluster: a member that does not answer a step within {@code timeout} stops the run. */
  public ScenarioJob stepTimeout(Duration timeout) {
    this.stepTimeout = timeout;
    return this;
  }

  public long defaultSeed() {
    return spec.seed();
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public JobOutcome run(long seed, Path out, PrintStream console) throws Exception {
    String reproduce = "subnet-sim/bin/subnet-sim run" + (source == null ? "" : " " + source)
        + " --seed " + seed + " --out " + out;
    console.printf("subnet-sim run: scenario=%s seed=%d duration=%.0fs subnets=%s threads=%d%n",
        spec.name(), seed, spec.durationNanos() / 1e9, spec.subnets().stream()
            .map(s -> s.name() + "(" + s.role().name().toLowerCase() + ", n=" + s.nodes() + ")")
            .toList(), threads);
    console.printf("  consensus: unit delay %.0f ms, notary delay %.0f ms; network %s; "
            + "ingress %.1f/s; %d faults%n", spec.consensus().unitDelayNanos() / 1e6,
        spec.consensus().initialNotaryDelayNanos() / 1e6, spec.network(),
        spec.workload().ingressPerSecond(), spec.faults().size());
    // Wall time is only reported (summary's wall_seconds); nothing simulated depends on it.
    WallTimer wall = WallTimer.start();
    ScenarioRun run;
    try (Writer trace = TraceFiles.gzipWriter(
        Files.newOutputStream(out.resolve("trace.jsonl.gz")))) {
      TraceSink sink = new JsonLinesSink(trace);
      ProgressBar bar = ProgressBar.onTerminal()
          ? new ProgressBar(System.err, spec.durationNanos(), sink) : null;
      var options = new ScenarioRunner.Options(seed, threads, bar == null ? sink : bar, reproduce);
      try {
        run = cluster == null ? ScenarioRunner.run(spec, options) : ScenarioRunner.runHosted(spec,
            options, cluster.hosting(source == null ? spec.name() : source, text, seed,
                stepTimeout));
      } catch (ClusterHosts.MemberLostException e) {
        // The trace so far is flushed as the writer closes; the scenario goes beside it. No
        // summary or report: their verdicts and metrics are those of a whole run (a sweep takes a
        // folder with summary.json as finished).
        Files.writeString(out.resolve("scenario.yaml"), text, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("stopped.txt"), e.getMessage() + "\n"
            + "windows stepped before it: " + Math.max(0, cluster.windows() - 1)
            + "; trace.jsonl.gz holds the run up to there; rerun with --seed " + seed
            + " to replay it whole (a run cannot resume)\n", StandardCharsets.UTF_8);
        throw e;
      }
      if (bar != null) {
        bar.finish();
      }
    }
    if (cluster != null) {
      console.println(cluster.report());
    }
    RunResult r = run.result();
    RunResult timed = new RunResult(r.scenario(), r.seed(), r.traceHash(), r.simSeconds(),
        wall.seconds(), r.nodes(), r.subnets(), r.invariants(),
        r.finalizedHeight(), r.series(), r.latenciesNanos(), r.messagesByType(), r.timeline(),
        r.config(), r.reproduce());
    Files.write(out.resolve("artifacts.jsonl"), run.artifacts(), StandardCharsets.UTF_8);
    // The scenario as run, so `subnet-sim replay DIR` can re-run it from the folder alone.
    Files.writeString(out.resolve("scenario.yaml"), text, StandardCharsets.UTF_8);
    ReportWriter.writeAll(timed, out);
    for (InvariantResult i : timed.invariants()) {
      console.printf("  %-12s %s: %s%n", i.status().wireName(), i.name(), i.detail());
    }
    console.printf("trace hash %s; finalized heights %s; %.1f simulated s in %.1f wall s%n",
        timed.traceHash(), timed.finalizedHeight(), timed.simSeconds(), timed.wallSeconds());
    return new JobOutcome(timed.passed(), (timed.passed() ? "PASSED" : "FAILED") + ": "
        + spec.name());
  }
}
