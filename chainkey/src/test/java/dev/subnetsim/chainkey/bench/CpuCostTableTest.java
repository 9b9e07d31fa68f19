package dev.subnetsim.chainkey.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bench.CpuCostTable.Provenance;
import dev.subnetsim.chainkey.bench.CpuCostTable.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuCostTableTest {

  private static final String PREFIX = "dev.subnetsim.chainkey.bench.CpuCostBenchmark.";
  private static final Provenance QUIET = new Provenance("abc1234", "Test CPU @ 3.0GHz", 2, "0.50 0.40 0.30", "2026-12-07");

  /** One JMH JSON result entry. */
  private static String entry(String benchmark, String mode, double score, String unit) {
    return entry(benchmark, mode, score, unit, "{}");
  }

  /** One entry with CpuTimeProfiler's metric, as JMH 1.37 writes it. */
  private static String entryWithCpu(String benchmark, double wallNs, double cpuNs) {
    return entry(benchmark, "avgt", wallNs, "ns/op", "{\"cpu.time\":{\"score\":" + cpuNs
        + ",\"scoreError\":\"NaN\",\"scoreUnit\":\"ns/op\",\"rawData\":[[" + cpuNs + "]]}}");
  }

  private static String entry(String benchmark, String mode, double score, String unit, String secondary) {
    return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"" + benchmark + "\",\"mode\":\"" + mode + "\","
        + "\"threads\":1,\"forks\":1,\"jdkVersion\":\"17.0.12\",\"vmName\":\"OpenJDK 64-Bit Server VM\","
        + "\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":1.5,\"scoreUnit\":\"" + unit + "\","
        + "\"rawData\":[[" + score + "]]},\"secondaryMetrics\":" + secondary + "}";
  }

  /** Results of every method with CPU time: wall 10x the CPU time, except one method without it. */
  private static String resultsWithCpu(String withoutCpu) {
    List<String> entries = new ArrayList<>();
    CpuCostTable.OPS.values().stream().map(CpuCostTable.Spec::method).distinct()
        .forEach(m -> entries.add(m.equals(withoutCpu) ? entry(PREFIX + m, "avgt", 9000, "ns/op")
            : entryWithCpu(PREFIX + m, 9000, 900)));
    return "[" + String.join(",", entries) + "]";
  }

  /** Results for every benchmark method: 1000 ns each except the ones given (method -> ns). */
  private static String results(Map<String, Double> overrides, String omitted) {
    List<String> entries = new ArrayList<>();
    entries.add(entry("dev.subnetsim.chainkey.bench.FloorBenchmark.g1Mul", "avgt", 99, "us/op"));
    CpuCostTable.OPS.values().stream().map(CpuCostTable.Spec::method).distinct()
        .filter(m -> !m.equals(omitted))
        .forEach(m -> entries.add(entry(PREFIX + m, "avgt", overrides.getOrDefault(m, 1000.0), "ns/op")));
    return "[" + String.join(",", entries) + "]";
  }

  private static Map<String, Long> nanosByOp(List<Row> rows) {
    Map<String, Long> m = new java.util.LinkedHashMap<>();
    rows.forEach(r -> m.put(r.op(), r.nanos()));
    return m;
  }

  @Test
  void everyOperationOfTheBriefHasOneBenchmarkAndExecuteMessageIsTheConstant() {
    List<Row> rows = CpuCostTable.rows(CpuCostTable.parse(results(Map.of(), null)));

    assertThat(rows).extracting(Row::op).containsExactly(
        "bls-aggregate-signature", "bls-combine-share", "bls-sign-individual", "bls-sign-share",
        "bls-verify-combined", "bls-verify-individual", "bls-verify-multisig", "bls-verify-share",
        "canister-instruction", "ecdh-combine-share", "ecdh-sign-share", "ecdh-verify-share",
        "ecdsa-combine-share", "ecdsa-sign-share", "ecdsa-verify-share", "execute-message",
        "idkg-deal-per-receiver", "idkg-verify-dealing-per-receiver",
        "nidkg-deal-per-receiver", "nidkg-verify-dealing-per-receiver",
        "schnorr-combine-share", "schnorr-sign-share", "schnorr-verify-share",
        "vetkd-combine-share", "vetkd-sign-share", "vetkd-verify-share");
    assertThat(rows).filteredOn(r -> r.op().equals("execute-message"))
        .containsExactly(new Row("execute-message", 20_000, "constant"));
  }

  @Test
  void benchmarkMethodsExistOnTheBenchmarkClass() {
    List<String> methods = java.util.Arrays.stream(CpuCostBenchmark.class.getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class))
        .map(java.lang.reflect.Method::getName).toList();

    assertThat(methods).containsExactlyInAnyOrderElementsOf(
        CpuCostTable.OPS.values().stream().map(CpuCostTable.Spec::method).toList());
  }

  @Test
  void wholeOperationTimesAreDividedPerShareSignatureOrReceiverAndUnitsConverted() {
    String json = "[" + String.join(",", List.of(
        entry(PREFIX + "blsCombineShare", "avgt", 90.0, "us/op"),
        entry(PREFIX + "nidkgDealPerReceiver", "avgt", 1.3, "ms/op"),
        entry(PREFIX + "ecdsaCombineShare", "avgt", 1002.0, "ns/op"),
        entry(PREFIX + "blsSignShare", "avgt", 123.4, "us/op"))) + "]";
    Map<String, CpuCostTable.Result> parsed = CpuCostTable.parse(json);
    String all = results(Map.of("blsCombineShare", 90_000.0, "nidkgDealPerReceiver", 1_300_000.0,
        "ecdsaCombineShare", 1002.0, "blsSignShare", 123_400.0), null);

    assertThat(parsed.get("blsCombineShare").nanos()).isEqualTo(90_000.0);
    assertThat(parsed.get("nidkgDealPerReceiver").nanos()).isEqualTo(1_300_000.0);
    Map<String, Long> nanos = nanosByOp(CpuCostTable.rows(CpuCostTable.parse(all)));
    assertThat(nanos).containsEntry("bls-combine-share", 10_000L) // 90 us / 9 shares
        .containsEntry("nidkg-deal-per-receiver", 100_000L) // 1.3 ms / 13 receivers
        .containsEntry("ecdsa-combine-share", 200L) // 1002 ns / 5 shares, rounded
        .containsEntry("bls-sign-share", 123_400L)
        .containsEntry("bls-verify-share", 1000L);
  }

  @Test
  void aMissingOperationIsAnErrorNamingIt() {
    var results = CpuCostTable.parse(results(Map.of(), "vetkdVerifyShare"));

    assertThatThrownBy(() -> CpuCostTable.rows(results))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vetkd-verify-share").hasMessageContaining("vetkdVerifyShare");
  }

  @Test
  void badJsonAndResultsThatAreNotAverageTimesAreRejected() {
    assertThatThrownBy(() -> CpuCostTable.parse("[{\"benchmark\": "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> CpuCostTable.parse("{\"benchmark\": \"x\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("array");
    assertThatThrownBy(() -> CpuCostTable.parse("[" + entry(PREFIX + "blsSignShare", "thrpt", 5, "ops/us") + "]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("avgt");
    assertThatThrownBy(() -> CpuCostTable.parse("[" + entry(PREFIX + "blsSignShare", "avgt", 5, "ops/us") + "]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit");
    assertThatThrownBy(() -> CpuCostTable.parse("[" + entry(PREFIX + "blsSignShare", "avgt", 5, "us/op") + ","
        + entry(PREFIX + "blsSignShare", "avgt", 6, "us/op") + "]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
  }

  @Test
  void theFileHasItsProvenanceInCommentsThenOneTabSeparatedLinePerOperation() {
    var results = CpuCostTable.parse(results(Map.of("blsSignShare", 150_000.0), null));
    String text = CpuCostTable.render(CpuCostTable.rows(results), results, QUIET);
    List<String> lines = text.lines().toList();
    List<String> data = lines.stream().filter(l -> !l.startsWith("#")).toList();

    assertThat(lines.stream().takeWhile(l -> l.startsWith("#")).toList())
        .anyMatch(l -> l.contains("Regenerate: ./mvnw") && l.contains("CpuCostBenchmark"))
        .anyMatch(l -> l.equals("# commit: abc1234"))
        .anyMatch(l -> l.equals("# JDK: 17.0.12 (OpenJDK 64-Bit Server VM)"))
        .anyMatch(l -> l.equals("# CPU: Test CPU @ 3.0GHz, 2 cores"))
        .anyMatch(l -> l.equals("# date: 2026-12-07"))
        .noneMatch(l -> l.contains("loaded machine"));
    assertThat(data).hasSize(CpuCostTable.OPS.size() + CpuCostTable.CONSTANTS.size()).isSorted()
        .allMatch(l -> l.matches("[a-z0-9-]+\t[0-9]+\t.+"))
        .contains("bls-sign-share\t150000\tCpuCostBenchmark.blsSignShare / 1",
            "bls-combine-share\t111\tCpuCostBenchmark.blsCombineShare / 9",
            "execute-message\t20000\tconstant");
  }

  @Test
  void theProfilersCpuTimeIsUsedRatherThanTheWallTimeTheLoadInflates() {
    var results = CpuCostTable.parse(resultsWithCpu(null));
    List<Row> rows = CpuCostTable.rows(results);

    assertThat(nanosByOp(rows)).containsEntry("bls-sign-share", 900L)
        .containsEntry("bls-combine-share", 100L) // 900 / 9
        .containsEntry("execute-message", 20_000L);
    assertThat(CpuCostTable.render(rows, results, QUIET)).contains("CPU time per call (CpuTimeProfiler)");
    assertThat(CpuCostTable.render(CpuCostTable.rows(CpuCostTable.parse(results(Map.of(), null))),
        CpuCostTable.parse(results(Map.of(), null)), QUIET)).contains("average wall time");
  }

  @Test
  void resultsMixingCpuAndWallTimesAreRejected() {
    var results = CpuCostTable.parse(resultsWithCpu("ecdhSignShare"));

    assertThatThrownBy(() -> CpuCostTable.rows(results))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ecdhSignShare")
        .hasMessageContaining("CpuTimeProfiler");
  }

  /** The committed table (tests run in chainkey/) must not drift from the benchmark's operations. */
  @Test
  void theCommittedTableHasAPositiveCostForExactlyTheseOperations() throws Exception {
    List<String> data = java.nio.file.Files.readAllLines(java.nio.file.Path.of("..", CpuCostTable.TABLE))
        .stream().filter(l -> !l.startsWith("#")).toList();
    List<String> expected = new ArrayList<>(CpuCostTable.OPS.keySet());
    expected.addAll(CpuCostTable.CONSTANTS.keySet());
    java.util.Collections.sort(expected);

    assertThat(data).extracting(l -> l.split("\t")[0]).containsExactlyElementsOf(expected);
    assertThat(data).allMatch(l -> l.split("\t").length == 3 && Long.parseLong(l.split("\t")[1]) > 0);
  }

  @Test
  void aLoadedMachineIsSaidInTheHeader() {
    var results = CpuCostTable.parse(results(Map.of(), null));
    Provenance busy = new Provenance("abc1234", "Test CPU", 2, "11.2 9.6 6.0", "2026-12-07");

    assertThat(CpuCostTable.render(CpuCostTable.rows(results), results, busy))
        .contains("11.2 9.6 6.0 (shared, loaded machine");
  }
}
