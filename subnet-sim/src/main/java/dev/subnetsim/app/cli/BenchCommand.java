package dev.subnetsim.app.cli;

import dev.subnetsim.app.run.BenchRunner;
import dev.subnetsim.app.run.BenchRunner.Measured;
import dev.subnetsim.scenarios.dsl.ScenarioException;
import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code subnet-sim bench [FILE...] [--short S] [--long L] [--threads 1,2]}: per scenario and
 * thread count, a 1 s run (setup: keys, genesis, first blocks), a short and a long run. Steady
 * state is (long - short) simulated seconds over (long - short) wall seconds, so setup and JIT
 * warm-up drop out. Figures are printed, never asserted: the machine decides them.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmark scenarios: steady-state simulated s per wall s, setup time, heap per "
        + "replica and trace hash, per thread count.")
final class BenchCommand implements Callable<Integer> {
  /** The benchmark set of issue 22, relative to the repository root. */
  static final List<Path> DEFAULT_FILES = List.of(Path.of("scenarios/bench/bench-13-real.yaml"),
      Path.of("scenarios/bench/bench-34-real.yaml"), Path.of("scenarios/bench/bench-100-cheap.yaml"),
      Path.of("scenarios/catalog/flagship.yaml"));
  static final long SETUP_RUN_NANOS = 1_000_000_000L;

  /** One timed run; tests replace it. */
  interface Measurer {
    Measured run(ScenarioSpec spec, long durationNanos, int threads, boolean probeHeap);
  }

  @Parameters(arity = "0..*", paramLabel = "FILE",
      description = "Scenario files (default: scenarios/bench/*.yaml and the flagship, from the "
          + "repository root).")
  List<Path> files;

  @Option(names = "--short", paramLabel = "S", defaultValue = "10",
      description = "Simulated seconds of the short run (default: ${DEFAULT-VALUE}).")
  double shortSeconds;

  @Option(names = "--long", paramLabel = "L",
      description = "Simulated seconds of the long run (default: each file's duration).")
  Double longSeconds;

  @Option(names = "--threads", split = ",", defaultValue = "1,2",
      description = "Dispatcher thread counts (default: ${DEFAULT-VALUE}).")
  List<Integer> threads;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  Measurer measurer = BenchRunner::run;

  @Override
  public Integer call() {
    List<Path> paths = files == null || files.isEmpty() ? DEFAULT_FILES : files;
    List<ScenarioSpec> scenarios = new ArrayList<>();
    for (Path p : paths) {
      scenarios.add(ScenarioLoader.load(p));
    }
    for (int t : threads) {
      if (t < 1) {
        throw new ScenarioException("--threads", 0, "threads", "must be at least 1, not " + t);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "subnet-sim bench: setup = wall of a 1 s run; short %s s; long %s; "
            + "threads %s%n", number(shortSeconds),
        longSeconds == null ? "each file's duration" : number(longSeconds) + " s", threads);
    out.println(header());
    out.flush();
    boolean agree = true;
    for (ScenarioSpec s : scenarios) {
      long shortNanos = (long) (shortSeconds * 1e9);
      long longNanos = longSeconds == null ? s.durationNanos() : (long) (longSeconds * 1e9);
      if (shortNanos <= 0 || longNanos <= shortNanos) {
        throw new ScenarioException(s.name(), 0, "--short/--long",
            "need 0 < short < long, got " + shortNanos / 1e9 + " s and " + longNanos / 1e9 + " s");
      }
      TreeSet<String> hashes = new TreeSet<>();
      for (int t : threads) {
        Measured setup = measurer.run(s, SETUP_RUN_NANOS, t, false);
        Measured shortRun = measurer.run(s, shortNanos, t, false);
        Measured longRun = measurer.run(s, longNanos, t, true);
        out.println(row(s, t, setup, shortRun, longRun));
        out.flush();
        hashes.add(longRun.traceHash());
      }
      if (hashes.size() > 1) {
        agree = false;
        out.println("  " + s.name() + ": TRACE HASHES DIFFER between thread counts: " + hashes);
      }
    }
    out.println(agree ? "trace hashes agree across thread counts"
        : "trace hashes differ across thread counts (a determinism bug)");
    out.flush();
    return agree ? SubnetSimCli.EXIT_OK : SubnetSimCli.EXIT_INVARIANT_FAILED;
  }

  static String header() {
    return String.format(Locale.ROOT, "%-18s %5s %7s %7s %7s %7s %17s %17s %10s  %s", "scenario",
        "nodes", "threads", "steady", "s/cpu", "setup", "short sim/wall", "long sim/wall",
        "heap/node", "trace hash (long run)");
  }

  /**
   * One line: steady-state simulated s per wall s and per CPU s (all of the JVM's threads), setup
   * wall s, both runs, heap MB per replica, trace hash.
   */
  static String row(ScenarioSpec s, int threads, Measured setup, Measured shortRun,
      Measured longRun) {
    double sim = longRun.simSeconds() - shortRun.simSeconds();
    double steady = sim / (longRun.wallSeconds() - shortRun.wallSeconds());
    double perCpu = sim / (longRun.cpuSeconds() - shortRun.cpuSeconds());
    String heap = longRun.heapBytesPerReplica() < 0 ? "-" : String.format(Locale.ROOT, "%.1f MB",
        longRun.heapBytesPerReplica() / 1e6);
    return String.format(Locale.ROOT, "%-18s %5d %7d %7.2f %7.2f %6.2fs %17s %17s %10s  %s",
        s.name(), s.totalNodes(), threads, steady, perCpu, setup.wallSeconds(), pair(shortRun),
        pair(longRun), heap, longRun.traceHash());
  }

  private static String pair(Measured m) {
    return String.format(Locale.ROOT, "%.0fs/%.2fs", m.simSeconds(), m.wallSeconds());
  }

  private static String number(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
