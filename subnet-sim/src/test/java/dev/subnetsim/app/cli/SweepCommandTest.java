package dev.subnetsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.app.sweep.SweepAxis;
import dev.subnetsim.app.sweep.SweepGrid;
import dev.subnetsim.app.sweep.SweepPlan;
import dev.subnetsim.app.sweep.SweepRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

  @TempDir Path tmp;
  private Path file;

  @BeforeEach
  void tinyScenario() throws Exception {
    file = tmp.resolve("tiny.yaml");
    Files.writeString(file, """
        name: tiny
        duration: 1500ms
        subnets:
          - {name: root, role: root, nodes: 4}
        consensus: {unit_delay: 200ms, initial_notary_delay: 60ms, crypto: cheap}
        network:
          latency: {model: constant, value: 10ms}
        workload:
          ingress_rate: 20/s
        """);
  }

  private int sweep(Path out, String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "sweep";
    all[1] = file.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    all[all.length - 2] = "--out";
    all[all.length - 1] = out.toString();
    return SubnetSimCli.execute(all);
  }

  private static List<List<String>> csv(Path out) throws Exception {
    return Files.readAllLines(out.resolve("sweep.csv")).stream()
        .map(l -> Arrays.asList(l.split(",", -1))).toList();
  }

  private static List<String> column(List<List<String>> csv, String name) {
    int i = csv.get(0).indexOf(name);
    assertThat(i).as(name).isNotNegative();
    return csv.subList(1, csv.size()).stream().map(r -> r.get(i)).toList();
  }

  @Test
  void aSweepOverAnyFieldWritesOneRowPerRunTheChartsAndEveryRunsFolder() throws Exception {
    Path out = tmp.resolve("latency");
    assertThat(sweep(out, "--set", "network.latency.value=10ms,40ms", "--seeds", "1-2"))
        .isEqualTo(SubnetSimCli.EXIT_OK);
    List<List<String>> csv = csv(out);
    assertThat(csv).hasSize(1 + 4);
    assertThat(column(csv, "network.latency.value")).containsExactly("10ms", "10ms", "40ms",
        "40ms");
    assertThat(column(csv, "seed")).containsExactly("1", "2", "1", "2");
    assertThat(column(csv, "passed")).containsOnly("true");
    // Four times the link delay: fewer blocks, slower ingress.
    List<Double> blocks = column(csv, "finalized_height.root").stream()
        .map(Double::parseDouble).toList();
    assertThat(blocks.get(2)).isLessThan(blocks.get(0));
    List<Double> p50 = column(csv, "latency_seconds.ingress.p50").stream()
        .map(Double::parseDouble).toList();
    assertThat(p50.get(2)).isGreaterThan(p50.get(0));
    for (String run : column(csv, "run")) {
      assertThat(out.resolve(run).resolve("report.html")).isRegularFile();
      assertThat(Files.readString(out.resolve(run).resolve("scenario.yaml")))
          .contains("value: " + (run.contains("40ms") ? "40ms" : "10ms"));
    }
    assertThat(out.resolve("sweep.json")).isRegularFile();
    assertThat(Files.readString(out.resolve("sweep.html")))
        .contains("<svg").contains("ingress latency CDF");
  }

  @Test
  void traceHashesDoNotDependOnHowManyRunsGoAtOnce() throws Exception {
    String[] grid = {"--set", "network.latency.value=10ms,30ms", "--seeds", "1-2"};
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    assertThat(sweep(one, concat(grid, "--jobs", "1"))).isEqualTo(SubnetSimCli.EXIT_OK);
    assertThat(sweep(two, concat(grid, "--jobs", "2"))).isEqualTo(SubnetSimCli.EXIT_OK);
    List<String> hashes = column(csv(one), "trace_hash");
    assertThat(hashes).doesNotHaveDuplicates().allMatch(h -> h.length() == 64);
    assertThat(column(csv(two), "trace_hash")).isEqualTo(hashes);
  }

  @Test
  void aPointWhoseValueIsTheFilesOwnRunsExactlyWhatRunRuns() throws Exception {
    Path direct = tmp.resolve("direct");
    assertThat(SubnetSimCli.execute("run", file.toString(), "--seed", "3", "--out",
        direct.toString())).isEqualTo(SubnetSimCli.EXIT_OK);
    String hash = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(direct.resolve("summary.json").toFile()).path("trace_hash").asText();
    Path out = tmp.resolve("same");
    assertThat(sweep(out, "--set", "network.latency.value=10ms,20ms", "--seeds", "3"))
        .isEqualTo(SubnetSimCli.EXIT_OK);
    assertThat(column(csv(out), "trace_hash")).first().isEqualTo(hash);
  }

  @Test
  void aSweepStartedAgainKeepsFinishedRunsAndRunsOnlyWhatIsMissing() throws Exception {
    Path out = tmp.resolve("resume");
    String[] grid = {"--set", "consensus.initial_notary_delay=30ms,60ms"};
    assertThat(sweep(out, grid)).isEqualTo(SubnetSimCli.EXIT_OK);
    List<String> runs = column(csv(out), "run");
    Path kept = out.resolve(runs.get(0)).resolve("summary.json");
    FileTime before = FileTime.fromMillis(1_000_000_000L);
    Files.setLastModifiedTime(kept, before);
    String keptHash = column(csv(out), "trace_hash").get(0);
    Path lost = out.resolve(runs.get(1));
    Files.delete(lost.resolve("summary.json")); // as if the sweep stopped while writing it

    assertThat(sweep(out, grid)).isEqualTo(SubnetSimCli.EXIT_OK);
    assertThat(Files.getLastModifiedTime(kept)).isEqualTo(before);
    assertThat(lost.resolve("summary.json")).isRegularFile();
    assertThat(column(csv(out), "trace_hash").get(0)).isEqualTo(keptHash);
    assertThat(csv(out)).hasSize(3);
  }

  @Test
  void aBadValueAnywhereInTheGridExitsTwoBeforeAnyRun() {
    Path out = tmp.resolve("bad");
    assertThat(sweep(out, "--set", "consensus.unit_delay=100ms,soon"))
        .isEqualTo(SubnetSimCli.EXIT_BAD_INPUT);
    assertThat(out.resolve("runs")).doesNotExist();
  }

  @Test
  void theOldNodesFlagIsShorthandForSettingEverySubnetsSize() throws Exception {
    Path out = tmp.resolve("nodes");
    assertThat(sweep(out, "--nodes", "4,7", "--duration", "1")).isEqualTo(SubnetSimCli.EXIT_OK);
    List<List<String>> csv = csv(out);
    assertThat(column(csv, "subnets[*].nodes")).containsExactly("4", "7");
    assertThat(Files.readString(out.resolve(column(csv, "run").get(1)).resolve("scenario.yaml")))
        .contains("nodes: 7").contains("duration: 1s");
  }

  @Test
  void zippedFieldsRunSideBySideInsteadOfOverTheirProduct() throws Exception {
    Path out = tmp.resolve("zip");
    assertThat(sweep(out, "--set", "network.latency.value=10ms,20ms", "--set",
        "consensus.initial_notary_delay=30ms,60ms", "--zip")).isEqualTo(SubnetSimCli.EXIT_OK);
    List<List<String>> csv = csv(out);
    assertThat(column(csv, "network.latency.value")).containsExactly("10ms", "20ms");
    assertThat(column(csv, "consensus.initial_notary_delay")).containsExactly("30ms", "60ms");
  }

  @Test
  void theNumberOfCrashedNodesIsSweptThroughACrashsCountAndBeyondFIsRefusedBeforeAnyRun()
      throws Exception {
    Files.writeString(file, Files.readString(file)
        + "faults:\n  - {at: 500ms, kind: crash, subnet: root, count: 0}\n");
    Path out = tmp.resolve("count");
    assertThat(sweep(out, "--set", "faults[0].count=0,1")).isEqualTo(SubnetSimCli.EXIT_OK);
    List<List<String>> csv = csv(out);
    assertThat(column(csv, "faults[0].count")).containsExactly("0", "1");
    assertThat(column(csv, "passed")).containsOnly("true");
    assertThat(Files.readString(out.resolve(column(csv, "run").get(1)).resolve("scenario.yaml")))
        .contains("count: 1");
    Path beyond = tmp.resolve("beyond");
    assertThat(sweep(beyond, "--set", "faults[0].count=1,2"))
        .isEqualTo(SubnetSimCli.EXIT_BAD_INPUT); // 2 of 4 is more than f = 1
    assertThat(beyond.resolve("runs")).doesNotExist();
  }

  @Test
  void progressCountsRunsAndPointsDoneAndEstimatesTheTimeLeft() throws Exception {
    SweepPlan plan = new SweepPlan(file.toString(), Files.readString(file), List.of(),
        new SweepGrid(List.of(SweepAxis.parse("network.latency.value=10ms,20ms", "--set")),
            false), List.of(1L));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new SweepRunner(tmp.resolve("progress"), 1, 1, new PrintStream(bytes, true,
        StandardCharsets.UTF_8)).run(plan.runs());
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("sweep: 2 runs, 0 already in")
        .contains("sweep: 1/2 runs done (0 kept), 1/2 points;")
        .contains("sweep: 2/2 runs done (0 kept), 2/2 points;")
        .containsPattern("about \\S+ left");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
