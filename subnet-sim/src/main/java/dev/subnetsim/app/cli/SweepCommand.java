package dev.subnetsim.app.cli;

import dev.subnetsim.app.run.MainJobs;
import dev.subnetsim.app.run.WallTimer;
import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import dev.subnetsim.scenarios.engine.ScenarioRun;
import dev.subnetsim.scenarios.engine.ScenarioRunner;
import dev.subnetsim.scenarios.result.Percentiles;
import dev.subnetsim.scenarios.result.RunResult;
import dev.subnetsim.scenarios.spec.ConsensusSpec;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.spec.SubnetSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code subnet-sim sweep [FILE] --nodes 4,13,34 --unit-delays 500,1000 --seeds 1,2}: the grid of
 * runs over subnet size (every subnet of the scenario gets that many nodes), unit delay and seed,
 * written as one comparison: {@code sweep.csv} and {@code sweep.html}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Run a grid over subnet size, unit delay and seed; write one comparison.")
final class SweepCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Base scenario (default: flagship).")
  Path scenario;

  @Option(names = "--nodes", split = ",", description = "Nodes per subnet, e.g. 4,13,34 (default: as in the scenario).")
  List<Integer> nodes;

  @Option(names = "--unit-delays", split = ",", description = "Unit delays in ms (default: as in the scenario).")
  List<Long> unitDelaysMs;

  @Option(names = "--seeds", split = ",", defaultValue = "1", description = "Seeds (default: ${DEFAULT-VALUE}).")
  List<Long> seeds;

  @Option(names = "--duration", description = "Simulated seconds per point (default: the scenario's).")
  Double durationSeconds;

  @Option(names = "--out", defaultValue = "runs/sweep", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    ScenarioSpec base = scenario == null ? ScenarioLoader.catalog(MainJobs.DEFAULT_SCENARIO)
        : ScenarioLoader.load(scenario);
    List<Integer> sizes = nodes == null ? List.of(-1) : nodes;
    List<Long> delays = unitDelaysMs == null ? List.of(-1L) : unitDelaysMs;
    Files.createDirectories(out);
    StringBuilder csv = new StringBuilder("nodes_per_subnet,unit_delay_ms,seed,passed,"
        + "min_finalized_height,blocks_per_second,ingress_p99_s,sim_s_per_wall_s,trace_hash\n");
    List<String[]> rows = new ArrayList<>();
    boolean allPassed = true;
    for (int n : sizes) {
      for (long delay : delays) {
        for (long seed : seeds) {
          ScenarioSpec spec = point(base, n, delay);
          // Wall time only for the sim-s-per-wall-s column; nothing simulated depends on it.
          WallTimer timer = WallTimer.start();
          ScenarioRun run = ScenarioRunner.run(spec, new ScenarioRunner.Options(seed, 2, null, ""));
          double wall = timer.seconds();
          RunResult r = run.result();
          long minHeight = r.finalizedHeight().values().stream().mapToLong(Long::longValue).min()
              .orElse(0);
          long p99 = Percentiles.of(r.latenciesNanos().getOrDefault("ingress", List.of()), 99);
          String[] row = {label(spec), String.valueOf(spec.consensus().unitDelayNanos() / 1_000_000),
              String.valueOf(seed), String.valueOf(!run.violated()), String.valueOf(minHeight),
              String.format(Locale.ROOT, "%.2f", minHeight / r.simSeconds()),
              p99 < 0 ? "" : String.format(Locale.ROOT, "%.3f", p99 / 1e9),
              String.format(Locale.ROOT, "%.2f", r.simSeconds() / wall), r.traceHash()};
          rows.add(row);
          csv.append(String.join(",", row)).append('\n');
          allPassed &= !run.violated();
          System.out.println(String.join("  ", row));
        }
      }
    }
    Files.writeString(out.resolve("sweep.csv"), csv.toString(), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("sweep.html"), html(base, rows), StandardCharsets.UTF_8);
    System.out.println("sweep: " + out.resolve("sweep.html").toAbsolutePath().normalize());
    return allPassed ? SubnetSimCli.EXIT_OK : SubnetSimCli.EXIT_INVARIANT_FAILED;
  }

  private ScenarioSpec point(ScenarioSpec base, int n, long delayMs) {
    List<SubnetSpec> subnets = new ArrayList<>();
    for (SubnetSpec s : base.subnets()) {
      subnets.add(n < 0 ? s : new SubnetSpec(s.name(), s.role(), n, s.regions()));
    }
    ConsensusSpec c = base.consensus();
    ConsensusSpec consensus = delayMs < 0 ? c : new ConsensusSpec(delayMs * 1_000_000,
        delayMs * 300_000, c.dkgInterval(), c.maxIngressPerBlock(), c.crypto());
    long duration = durationSeconds == null ? base.durationNanos() : (long) (durationSeconds * 1e9);
    // Faults refer to node indices of the base topology; a sweep point keeps only the topology,
    // network and workload.
    return new ScenarioSpec(base.name(), base.description(), base.seed(), duration,
        base.faultBudget(), subnets, consensus, base.cpu(), base.network(), base.workload(), List.of(),
        base.invariants(), List.of());
  }

  private static String label(ScenarioSpec spec) {
    return spec.subnets().stream().map(s -> String.valueOf(s.nodes()))
        .reduce((a, b) -> a + "/" + b).orElse("");
  }

  private static String html(ScenarioSpec base, List<String[]> rows) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html><html><head><meta charset='utf-8'>"
        + "<title>sweep</title><style>body{font-family:sans-serif;margin:2em}td,th{border:1px "
        + "solid #ccc;padding:3px 8px}table{border-collapse:collapse}</style></head><body>");
    h.append("<h1>Sweep over ").append(base.name()).append("</h1><table><tr><th>nodes per subnet"
        + "</th><th>unit delay (ms)</th><th>seed</th><th>passed</th><th>min finalized height</th>"
        + "<th>blocks/s</th><th>ingress p99 (s)</th><th>sim s / wall s</th><th>trace hash</th>"
        + "</tr>");
    for (String[] r : rows) {
      h.append("<tr>");
      for (String c : r) {
        h.append("<td>").append(c.length() > 16 ? c.substring(0, 16) + "&hellip;" : c).append("</td>");
      }
      h.append("</tr>");
    }
    return h.append("</table></body></html>\n").toString();
  }
}
