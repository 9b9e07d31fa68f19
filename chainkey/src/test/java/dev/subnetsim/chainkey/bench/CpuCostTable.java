package dev.subnetsim.chainkey.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the JSON results of {@link CpuCostBenchmark} ({@code -rf json -rff FILE}) into the
 * replica's reference CPU cost table: {@code #} header lines saying where the figures come from,
 * then one line per operation, sorted by operation: {@code op TAB nanoseconds TAB source}.
 *
 * <p>Usage (test classpath): {@code CpuCostTable RESULTS.json OUTPUT.tsv COMMIT}. The table is
 * committed, so runs charge the same costs on every machine; regenerate it only on purpose.
 */
public final class CpuCostTable {
  private CpuCostTable() {}

  /** Where to put the table in the repository. */
  public static final String TABLE = "replica/src/main/resources/dev/subnetsim/replica/cpu/reference-costs.tsv";

  /** The command that regenerates it (README, benchmarks). */
  public static final String REGENERATE = "./mvnw -B -ntp -q -pl chainkey -am -DskipNode=true -Pbench "
      + "test-compile exec:exec -Djmh.args='CpuCostBenchmark -f 1 -wi 5 -i 5 -w 1s -r 1s "
      + "-prof dev.subnetsim.chainkey.bench.CpuTimeProfiler -rf json -rff target/cpu-costs.json' && ./mvnw -B -ntp -q -pl chainkey -DskipNode=true "
      + "-Pbench exec:exec -Dbench.main=dev.subnetsim.chainkey.bench.CpuCostTable "
      + "-Djmh.args=\"target/cpu-costs.json ../" + TABLE + " $(git rev-parse --short HEAD)\"";

  /** A canister message: Java canisters count no instructions, so a fixed stand-in. */
  public static final String EXECUTE_MESSAGE = "execute-message";
  public static final long EXECUTE_MESSAGE_NANOS = 20_000;
  /**
   * One instruction as the execution environment counts them (a fixed amount per system call):
   * the IC executes on the order of a billion Wasm instructions per second per core.
   */
  public static final String CANISTER_INSTRUCTION = "canister-instruction";
  public static final long CANISTER_INSTRUCTION_NANOS = 1;

  /** The operations that are not measured, with their fixed costs. */
  public static final Map<String, Long> CONSTANTS =
      Map.of(EXECUTE_MESSAGE, EXECUTE_MESSAGE_NANOS, CANISTER_INSTRUCTION, CANISTER_INSTRUCTION_NANOS);

  /** A measured operation: the benchmark method and what its time is divided by. */
  public record Spec(String method, int divisor) {}

  /** One line of the table. */
  public record Row(String op, long nanos, String source) {}

  /** Every benchmarked operation (wire name), sorted. */
  public static final Map<String, Spec> OPS = Collections.unmodifiableMap(specs());

  private static TreeMap<String, Spec> specs() {
    int n = CpuCostBenchmark.N;
    int low = CpuCostBenchmark.LOW;
    int high = CpuCostBenchmark.HIGH;
    TreeMap<String, Spec> m = new TreeMap<>();
    m.put("bls-sign-share", new Spec("blsSignShare", 1));
    m.put("bls-sign-individual", new Spec("blsSignIndividual", 1));
    m.put("bls-verify-share", new Spec("blsVerifyShare", 1));
    m.put("bls-verify-individual", new Spec("blsVerifyIndividual", 1));
    m.put("bls-combine-share", new Spec("blsCombineShare", high));
    m.put("bls-aggregate-signature", new Spec("blsAggregateSignature", high));
    m.put("bls-verify-combined", new Spec("blsVerifyCombined", 1));
    m.put("bls-verify-multisig", new Spec("blsVerifyMultisig", 1));
    m.put("nidkg-deal-per-receiver", new Spec("nidkgDealPerReceiver", n));
    m.put("nidkg-verify-dealing-per-receiver", new Spec("nidkgVerifyDealingPerReceiver", n));
    m.put("idkg-deal-per-receiver", new Spec("idkgDealPerReceiver", n));
    m.put("idkg-verify-dealing-per-receiver", new Spec("idkgVerifyDealingPerReceiver", n));
    m.put("ecdsa-sign-share", new Spec("ecdsaSignShare", 1));
    m.put("ecdsa-verify-share", new Spec("ecdsaVerifyShare", 1));
    m.put("ecdsa-combine-share", new Spec("ecdsaCombineShare", low));
    m.put("schnorr-sign-share", new Spec("schnorrSignShare", 1));
    m.put("schnorr-verify-share", new Spec("schnorrVerifyShare", 1));
    m.put("schnorr-combine-share", new Spec("schnorrCombineShare", low));
    m.put("vetkd-sign-share", new Spec("vetkdSignShare", 1));
    m.put("vetkd-verify-share", new Spec("vetkdVerifyShare", 1));
    m.put("vetkd-combine-share", new Spec("vetkdCombineShare", high));
    m.put("ecdh-sign-share", new Spec("ecdhSignShare", 1));
    m.put("ecdh-verify-share", new Spec("ecdhVerifyShare", 1));
    m.put("ecdh-combine-share", new Spec("ecdhCombineShare", low));
    return m;
  }

  /** The environment a run is recorded with (JDK and VM come from the results themselves). */
  public record Provenance(String commit, String cpuModel, int cores, String loadAverage, String date) {}

  /**
   * What the results say about one benchmark method: JMH's average (wall) time per call and, when
   * the run used {@link CpuTimeProfiler}, the benchmark thread's CPU time per call (else NaN).
   */
  record Result(double nanos, double cpuNanos, String jdk, String vm) {
    boolean hasCpu() {
      return !Double.isNaN(cpuNanos);
    }

    /** The figure the table uses: CPU time when measured, which the machine's load does not inflate. */
    double cost() {
      return hasCpu() ? cpuNanos : nanos;
    }
  }

  /**
   * The average time per call, in nanoseconds, of each {@link CpuCostBenchmark} method in JMH's
   * JSON results, by method name.
   *
   * @throws IllegalArgumentException if the text is not JMH's JSON, a result is not an average
   *     time, its unit unknown, or a method appears twice (e.g. with parameters)
   */
  static Map<String, Result> parse(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("JMH's JSON results are an array of benchmarks");
    }
    String prefix = CpuCostBenchmark.class.getName() + ".";
    Map<String, Result> out = new LinkedHashMap<>();
    for (JsonNode b : root) {
      String name = b.path("benchmark").asText("");
      if (!name.startsWith(prefix)) {
        continue;
      }
      String method = name.substring(prefix.length());
      if (!"avgt".equals(b.path("mode").asText())) {
        throw new IllegalArgumentException(method + ": mode " + b.path("mode") + ", expected avgt");
      }
      JsonNode metric = b.path("primaryMetric");
      JsonNode score = metric.path("score");
      if (!score.isNumber() || !(score.asDouble() > 0)) {
        throw new IllegalArgumentException(method + ": no positive score");
      }
      double nanos = score.asDouble() * nanosPer(metric.path("scoreUnit").asText(), method);
      double cpu = cpuNanos(b.path("secondaryMetrics"), method);
      if (out.put(method, new Result(nanos, cpu, b.path("jdkVersion").asText("?"), b.path("vmName").asText("?"))) != null) {
        throw new IllegalArgumentException(method + " appears twice in the results");
      }
    }
    return out;
  }

  /** The CpuTimeProfiler metric in nanoseconds, or NaN when the run did not use it. */
  private static double cpuNanos(JsonNode secondary, String method) {
    for (var it = secondary.fields(); it.hasNext(); ) {
      var e = it.next();
      if (e.getKey().replace("\u00b7", "").equals(CpuTimeProfiler.LABEL)) {
        JsonNode score = e.getValue().path("score");
        if (!score.isNumber() || !(score.asDouble() > 0)) {
          throw new IllegalArgumentException(method + ": no positive " + CpuTimeProfiler.LABEL);
        }
        return score.asDouble() * nanosPer(e.getValue().path("scoreUnit").asText(), method);
      }
    }
    return Double.NaN;
  }

  private static double nanosPer(String unit, String method) {
    return switch (unit) {
      case "ns/op" -> 1;
      case "us/op" -> 1e3;
      case "ms/op" -> 1e6;
      case "s/op" -> 1e9;
      default -> throw new IllegalArgumentException(method + ": unit '" + unit + "', expected a time per op");
    };
  }

  /**
   * The table's rows, sorted by operation: each benchmarked operation's time divided by its
   * divisor and rounded, and the {@link #CONSTANTS}.
   *
   * @throws IllegalArgumentException if an operation has no result, or some results have a CPU
   *     time and others not (one table, one kind of figure)
   */
  static List<Row> rows(Map<String, Result> results) {
    TreeMap<String, Row> rows = new TreeMap<>();
    boolean cpu = measuresCpu(results);
    OPS.forEach((op, spec) -> {
      Result r = results.get(spec.method());
      if (r == null) {
        throw new IllegalArgumentException("no result for " + op + " (CpuCostBenchmark." + spec.method() + ")");
      }
      if (r.hasCpu() != cpu) {
        throw new IllegalArgumentException("CPU time for some benchmarks but not " + spec.method()
            + ": run them all with -prof " + CpuTimeProfiler.class.getName());
      }
      long nanos = Math.max(1, Math.round(r.cost() / spec.divisor()));
      rows.put(op, new Row(op, nanos, "CpuCostBenchmark." + spec.method() + " / " + spec.divisor()));
    });
    CONSTANTS.forEach((op, nanos) -> rows.put(op, new Row(op, nanos, "constant")));
    return new ArrayList<>(rows.values());
  }

  private static boolean measuresCpu(Map<String, Result> results) {
    return results.values().stream().anyMatch(Result::hasCpu);
  }

  /** The whole file: header comments, then the rows. */
  static String render(List<Row> rows, Map<String, Result> results, Provenance p) {
    Result any = results.values().iterator().next();
    boolean loaded = loaded(p);
    StringBuilder sb = new StringBuilder()
        .append("# Reference CPU cost of one replica's operations, in nanoseconds of one core (subnet-sim).\n")
        .append("# The replicas' virtual CPU charges these (cpu: {costs: reference}); a versioned file, so\n")
        .append("# every machine charges the same. Measured by chainkey's CpuCostBenchmark (JMH, average\n")
        .append("# time) for a 13-node subnet (f = 4, thresholds 5 and 9); 'X / d' means benchmark X timed\n")
        .append("# a whole operation and the cost is per share, signature or receiver (time / d).\n")
        .append(measuresCpu(results)
            ? "# Figures: the benchmark thread's CPU time per call (CpuTimeProfiler), not wall time.\n"
            : "# Figures: JMH's average wall time per call (no CpuTimeProfiler: inflated by load).\n")
        .append("# execute-message is a fixed stand-in per canister message (Java canisters count no instructions);\n")
        .append("# canister-instruction prices one instruction as the execution environment counts them.\n")
        .append("# Regenerate: ").append(REGENERATE).append('\n')
        .append("# commit: ").append(p.commit()).append('\n')
        .append("# JDK: ").append(any.jdk()).append(" (").append(any.vm()).append(")\n")
        .append("# CPU: ").append(p.cpuModel()).append(", ").append(p.cores()).append(" cores\n")
        .append("# date: ").append(p.date()).append('\n')
        .append("# load average (1, 5, 15 min) at conversion: ").append(p.loadAverage())
        .append(!loaded ? "" : measuresCpu(results)
            ? " (shared, loaded machine: CPU times noisier, and somewhat high from shared caches and cores)"
            : " (shared, loaded machine: wall times inflated by the load, and noisy)").append('\n')
        .append("# op\tnanoseconds\tsource\n");
    rows.forEach(r -> sb.append(r.op()).append('\t').append(r.nanos()).append('\t').append(r.source()).append('\n'));
    return sb.toString();
  }

  /** Loaded when the 5-minute load average exceeds the cores. */
  static boolean loaded(Provenance p) {
    String[] parts = p.loadAverage().trim().split("\\s+");
    try {
      return parts.length > 1 && Double.parseDouble(parts[1]) > p.cores();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: CpuCostTable RESULTS.json OUTPUT.tsv COMMIT");
    }
    Map<String, Result> results = parse(Files.readString(Path.of(args[0])));
    Provenance p = new Provenance(args[2], cpuModel(), Runtime.getRuntime().availableProcessors(),
        read("/proc/loadavg").map(s -> String.join(" ", List.of(s.trim().split("\\s+")).subList(0, 3))).orElse("?"),
        java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, render(rows(results), results, p), StandardCharsets.UTF_8);
    System.out.println("wrote " + out + " (" + (OPS.size() + CONSTANTS.size()) + " operations)");
  }

  private static String cpuModel() {
    return read("/proc/cpuinfo").flatMap(s -> s.lines().filter(l -> l.startsWith("model name"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst()).orElse("unknown");
  }

  private static java.util.Optional<String> read(String file) {
    try {
      return java.util.Optional.of(Files.readString(Path.of(file)));
    } catch (IOException | UncheckedIOException e) {
      return java.util.Optional.empty();
    }
  }
}
