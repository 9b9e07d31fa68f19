package dev.subnetsim.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.result.InvariantResult.Status;
import dev.subnetsim.scenarios.result.RunResult;
import dev.subnetsim.scenarios.result.TimeSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  @TempDir Path dir;

  static RunResult result(Status agreement) {
    TimeSeries.Builder root = new TimeSeries.Builder();
    for (int t = 0; t <= 10; t++) {
      root.add(t, t);
    }
    return new RunResult("demo", 7, "ab".repeat(32), 10, 2, 4, 1,
        List.of(new InvariantResult("agreement", agreement, "checked 10 heights"),
            new InvariantResult("p99 ecdsa latency < 8s", Status.NOT_CHECKED, "no requests")),
        Map.of("root", 10L),
        Map.of("finalized_height/root", root.build()),
        Map.of("ingress", List.of(1_000_000_000L, 2_000_000_000L, 3_000_000_000L)),
        Map.of("notarization_share", new RunResult.MessageVolume(120, 24_000)),
        List.of(new RunResult.TimelineEvent(4, "crash", "root:[3] <script>")),
        Map.of("n", "4"), "subnet-sim run demo.yaml --seed 7");
  }

  @Test
  void summaryHasTheContractFieldsAndMetrics() throws Exception {
    ReportWriter.writeAll(result(Status.HELD), dir);
    JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    for (String field : List.of("scenario", "seed", "trace_hash", "sim_seconds", "wall_seconds",
        "nodes", "subnets", "passed", "invariants", "metrics", "reproduce")) {
      assertThat(s.has(field)).as(field).isTrue();
    }
    assertThat(s.get("passed").asBoolean()).isTrue();
    assertThat(s.at("/metrics/finalized_height/root").asLong()).isEqualTo(10);
    assertThat(s.at("/metrics/blocks_per_second/root").asDouble()).isEqualTo(1.0);
    assertThat(s.at("/metrics/latency_seconds/ingress/p50").asDouble()).isEqualTo(2.0);
    assertThat(s.at("/metrics/latency_seconds/ingress/p99").asDouble()).isEqualTo(3.0);
    assertThat(s.at("/metrics/messages_by_type/notarization_share/bytes").asLong())
        .isEqualTo(24_000);
    assertThat(s.at("/invariants/1/status").asText()).isEqualTo("not-checked");
  }

  @Test
  void aViolatedInvariantFailsTheRunInEveryFormat() throws Exception {
    ReportWriter.writeAll(result(Status.VIOLATED), dir);
    assertThat(new ObjectMapper().readTree(dir.resolve("summary.json").toFile())
        .get("passed").asBoolean()).isFalse();
    String junit = Files.readString(dir.resolve("junit.xml"));
    assertThat(junit).contains("failures=\"1\"").contains("skipped=\"1\"")
        .contains("<failure message=\"checked 10 heights\">reproduce: subnet-sim run demo.yaml");
    assertThat(Files.readString(dir.resolve("report.html"))).contains("FAILED");
  }

  @Test
  void htmlIsSelfContainedAndEscapesUserText() throws Exception {
    ReportWriter.writeAll(result(Status.HELD), dir);
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("<svg").contains("PASSED").contains("seed <code>7</code>");
    assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=");
    assertThat(html).contains("&lt;script&gt;");
  }

  @Test
  void csvExportsHaveOneRowPerPoint() throws Exception {
    ReportWriter.writeAll(result(Status.HELD), dir);
    assertThat(Files.readAllLines(dir.resolve("series.csv"))).hasSize(12)
        .contains("finalized_height/root,10.0,10.0");
    assertThat(Files.readAllLines(dir.resolve("latencies.csv"))).hasSize(4);
  }

  @Test
  void resultJsonRoundTripsSoAPastRunCanBeReRendered() throws Exception {
    RunResult original = result(Status.VIOLATED);
    ReportWriter.writeAll(original, dir);
    RunResult back = ResultJson.parse(Files.readString(dir.resolve("result.json")));
    assertThat(HtmlReport.render(back)).isEqualTo(HtmlReport.render(original));
    assertThat(SummaryJson.render(back)).isEqualTo(SummaryJson.render(original));
  }
}
