package dev.subnetsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subnetsim.chainkey.interop.NodeHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

  @TempDir Path tmp;

  private JsonNode summary(Path dir) throws Exception {
    return new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
  }

  @Test
  void defaultRunPassesAndWritesSummaryAndArtifactsThatNodeLibrariesAccept() throws Exception {
    Path out = tmp.resolve("run");
    assertThat(SubnetSimCli.execute("run", "--seed", "7", "--out", out.toString()))
        .isEqualTo(SubnetSimCli.EXIT_OK);
    JsonNode s = summary(out);
    assertThat(s.get("seed").asLong()).isEqualTo(7);
    assertThat(s.get("passed").asBoolean()).isTrue();
    assertThat(s.get("trace_hash").asText()).hasSize(64);
    assertThat(s.get("reproduce").asText()).contains("--seed 7");
    NodeHarness.Verification v =
        NodeHarness.locate().verifyLines(Files.readAllLines(out.resolve("artifacts.jsonl")));
    assertThat(v.lines()).isNotEmpty();
    assertThat(v.allOk()).as(v.output()).isTrue();
  }

  @Test
  void sameSeedGivesSameTraceHashAndDifferentSeedsDiffer() throws Exception {
    SubnetSimCli.execute("run", "--seed", "3", "--out", tmp.resolve("a").toString());
    SubnetSimCli.execute("run", "--seed", "3", "--out", tmp.resolve("b").toString());
    SubnetSimCli.execute("run", "--seed", "4", "--out", tmp.resolve("c").toString());
    String a = summary(tmp.resolve("a")).get("trace_hash").asText();
    assertThat(summary(tmp.resolve("b")).get("trace_hash").asText()).isEqualTo(a);
    assertThat(summary(tmp.resolve("c")).get("trace_hash").asText()).isNotEqualTo(a);
  }

  @Test
  void unknownOptionIsBadInputWithExitStatusTwo() {
    assertThat(SubnetSimCli.execute("run", "--no-such-option")).isEqualTo(SubnetSimCli.EXIT_BAD_INPUT);
  }

  @Test
  void reportReRendersAPastRunIdentically() throws Exception {
    Path run = tmp.resolve("run");
    SubnetSimCli.execute("run", "--seed", "5", "--out", run.toString());
    Path again = tmp.resolve("again");
    assertThat(SubnetSimCli.execute("report", run.toString(), "--out", again.toString()))
        .isEqualTo(SubnetSimCli.EXIT_OK);
    assertThat(Files.readString(again.resolve("report.html")))
        .isEqualTo(Files.readString(run.resolve("report.html")));
  }

  @Test
  void reportOfAFolderWithoutAResultIsBadInput() {
    assertThat(SubnetSimCli.execute("report", tmp.toString())).isEqualTo(SubnetSimCli.EXIT_BAD_INPUT);
  }
}
