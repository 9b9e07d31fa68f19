package dev.subnetsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentCommandTest {

  @TempDir Path tmp;

  @Test
  void anExperimentRunsItsGridAndJudgesEachExpectationFailingTheExitIfOneDoesNotHold()
      throws Exception {
    Files.writeString(tmp.resolve("base.yaml"), """
        name: tiny
        duration: 1500ms
        subnets:
          - {name: root, role: root, nodes: 4}
        consensus: {unit_delay: 200ms, initial_notary_delay: 60ms, crypto: cheap}
        network:
          latency: {model: constant, value: 10ms}
        """);
    Path file = tmp.resolve("exp.yaml");
    Files.writeString(file, """
        name: tiny-delay
        base: base.yaml
        seeds: 1
        set:
          network.latency.value: [10ms, 40ms]
        expect:
          - {metric: blocks_per_second.root, field: network.latency.value, relation: decreases}
          - {metric: blocks_per_second.root, field: network.latency.value, relation: increases}
        """);
    Path out = tmp.resolve("out");
    assertThat(SubnetSimCli.execute("experiment", file.toString(), "--out", out.toString()))
        .isEqualTo(SubnetSimCli.EXIT_INVARIANT_FAILED);
    JsonNode verdicts = new ObjectMapper().readTree(out.resolve("verdicts.json").toFile());
    assertThat(verdicts).hasSize(2);
    assertThat(verdicts.get(0).path("holds").asBoolean()).isTrue();
    assertThat(verdicts.get(1).path("holds").asBoolean()).isFalse();
    assertThat(Files.readAllLines(out.resolve("sweep.csv"))).hasSize(3);
    assertThat(Files.readString(out.resolve("sweep.html"))).contains("Expectations")
        .contains("FAILS");
  }
}
