package dev.subnetsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuzzCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private Path topology() throws Exception {
    Path file = tmp.resolve("topology.yaml");
    Files.writeString(file, """
        name: fuzz-topology
        duration: 10s
        subnets:
          - {name: root, role: root, nodes: 4}
          - {name: app, role: app, nodes: 7}
        consensus: {unit_delay: 200ms, initial_notary_delay: 60ms}
        """);
    return file;
  }

  /** One 4-node subnet; beyond f, seed 6 of a 4 s run draws a coalition that forks it. */
  private Path fourNodes() throws Exception {
    Path file = tmp.resolve("four.yaml");
    Files.writeString(file, """
        name: fork-base
        duration: 4s
        subnets:
          - {name: root, role: root, nodes: 4}
        consensus: {unit_delay: 500ms, initial_notary_delay: 150ms}
        invariants: [agreement, certified-state-agreement, signatures-valid]
        """);
    return file;
  }

  @Test
  void schedulesWithinTheBudgetFindNoViolationOrStall() throws Exception {
    assertThat(SubnetSimCli.execute("fuzz", topology().toString(), "--seeds", "2", "--duration",
        "8")).isEqualTo(SubnetSimCli.EXIT_OK);
  }

  @Test
  void schedulesBeyondTheBudgetAreCaughtAsViolationsOrStalls() throws Exception {
    assertThat(SubnetSimCli.execute("fuzz", topology().toString(), "--seeds", "2", "--duration",
        "8", "--beyond-threshold")).isEqualTo(SubnetSimCli.EXIT_INVARIANT_FAILED);
  }

  @Test
  void outWritesFuzzJsonJunitXmlTheFailingSeedsRunFolderAndAShrunkScenarioThatRunReproduces()
      throws Exception {
    Path out = tmp.resolve("fuzz-out");
    assertThat(SubnetSimCli.execute("fuzz", fourNodes().toString(), "--first-seed", "6",
        "--seeds", "1", "--duration", "4", "--beyond-threshold", "--out", out.toString(),
        "--shrink-runs", "8")).isEqualTo(SubnetSimCli.EXIT_INVARIANT_FAILED);

    JsonNode seed = JSON.readTree(out.resolve("fuzz.json").toFile()).get("runs").get(0);
    assertThat(seed.get("seed").asLong()).isEqualTo(6);
    assertThat(seed.get("result").asText()).isEqualTo("fork");
    assertThat(seed.get("detail").asText()).startsWith("FORK: subnet root height");
    assertThat(seed.get("schedule").size()).isPositive();
    assertThat(seed.get("trace_hash").asText()).matches("[0-9a-f]{16,}");
    assertThat(seed.get("wall_seconds").asDouble()).isPositive();
    assertThat(seed.get("shrunk_scenario").asText()).isEqualTo("seed-6/shrunk.yaml");
    String junit = Files.readString(out.resolve("junit.xml"));
    assertThat(junit).contains("tests=\"1\" failures=\"1\"", "name=\"seed 6\"",
        "<failure message=\"fork: FORK:", "reproduce: subnet-sim/bin/subnet-sim run ");
    for (String file : new String[] {"summary.json", "report.html", "junit.xml",
        "trace.jsonl.gz", "artifacts.jsonl", "scenario.yaml", "shrunk.yaml"}) {
      assertThat(out.resolve("seed-6").resolve(file)).as(file).exists();
    }

    // The seed's folder is a run folder: replay re-runs the drawn scenario to the same trace.
    assertThat(SubnetSimCli.execute("replay", out.resolve("seed-6").toString()))
        .isEqualTo(SubnetSimCli.EXIT_OK);

    // The shrunk scenario parses, is no bigger than the drawn one, and `run` fails on a fork.
    ScenarioSpec drawn = ScenarioLoader.load(out.resolve("seed-6/scenario.yaml"));
    ScenarioSpec shrunk = ScenarioLoader.load(out.resolve("seed-6/shrunk.yaml"));
    assertThat(shrunk.faults().size()).isLessThan(drawn.faults().size());
    assertThat(shrunk.durationNanos()).isLessThanOrEqualTo(drawn.durationNanos());
    Path rerun = tmp.resolve("rerun");
    assertThat(SubnetSimCli.execute("run", out.resolve("seed-6/shrunk.yaml").toString(), "--out",
        rerun.toString())).isEqualTo(SubnetSimCli.EXIT_INVARIANT_FAILED);
    JsonNode agreement = null;
    for (JsonNode i : JSON.readTree(rerun.resolve("summary.json").toFile()).get("invariants")) {
      if (i.get("name").asText().equals("agreement")) {
        agreement = i;
      }
    }
    assertThat(agreement).isNotNull();
    assertThat(agreement.get("status").asText()).isEqualTo("violated");
    assertThat(agreement.get("detail").asText()).startsWith("FORK: ");
  }

  @Test
  void twoJobsGiveTheSameResultsAsOneApartFromWallSeconds() throws Exception {
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    String file = fourNodes().toString();
    int a = SubnetSimCli.execute("fuzz", file, "--first-seed", "5", "--seeds", "2", "--duration",
        "4", "--beyond-threshold", "--shrink-runs", "0", "--jobs", "1", "--out", one.toString());
    int b = SubnetSimCli.execute("fuzz", file, "--first-seed", "5", "--seeds", "2", "--duration",
        "4", "--beyond-threshold", "--shrink-runs", "0", "--jobs", "2", "--out", two.toString());
    assertThat(b).isEqualTo(a);
    JsonNode first = comparable(one);
    JsonNode second = comparable(two);
    assertThat(first.get("runs").size()).isEqualTo(2);
    assertThat(second).isEqualTo(first);
  }

  /** fuzz.json without wall seconds, the jobs count and the output folder's path. */
  private static JsonNode comparable(Path out) throws Exception {
    String text = Files.readString(out.resolve("fuzz.json")).replace(out.toString(), "OUT");
    ObjectNode root = (ObjectNode) JSON.readTree(text);
    root.remove("jobs");
    root.get("runs").forEach(r -> ((ObjectNode) r).remove("wall_seconds"));
    return root;
  }
}
