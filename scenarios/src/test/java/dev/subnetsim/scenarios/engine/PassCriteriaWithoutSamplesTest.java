package dev.subnetsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.result.InvariantResult.Status;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PassCriteriaWithoutSamplesTest {
  private static ScenarioSpec spec(String... criteria) {
    StringBuilder yaml = new StringBuilder("""
        name: small
        duration: 10s
        subnets:
          - {name: root, role: root, nodes: 4}
        pass:
        """);
    for (String c : criteria) {
      yaml.append("  - \"").append(c).append("\"\n");
    }
    return ScenarioParser.parse("test.yaml", yaml.toString());
  }

  private static List<InvariantResult> judge(ScenarioSpec spec, RunRecorder recorder) {
    return PassCriteria.evaluate(spec, FaultSchedule.none(), recorder);
  }

  @Test
  void aLatencyCriterionWithNoCompletedRequestIsViolatedSayingWhy() {
    List<InvariantResult> r = judge(spec("p99 ecdsa latency < 8s"),
        new RunRecorder(FaultSchedule.none()));

    assertThat(r).singleElement().satisfies(x -> {
      assertThat(x.status()).isEqualTo(Status.VIOLATED);
      assertThat(x.detail()).contains("no ecdsa request completed", "nothing to judge");
    });
  }

  @Test
  void aHealCriterionWithoutAHealIsViolated() {
    assertThat(judge(spec("finalization resumes within 10s of heal"),
        new RunRecorder(FaultSchedule.none()))).singleElement()
        .satisfies(x -> assertThat(x.status()).isEqualTo(Status.VIOLATED));
  }

  @Test
  void anOptionalCriterionWithNothingToJudgeIsNotChecked() {
    assertThat(judge(spec("optional: p99 ecdsa latency < 8s"),
        new RunRecorder(FaultSchedule.none()))).singleElement().satisfies(x -> {
          assertThat(x.status()).isEqualTo(Status.NOT_CHECKED);
          assertThat(x.name()).isEqualTo("optional: p99 ecdsa latency < 8s");
        });
  }

  @Test
  void anOptionalCriterionWithSamplesIsJudgedLikeAnyOther() {
    RunRecorder recorder = new RunRecorder(FaultSchedule.none());
    Map<Long, Long> latencies = new TreeMap<>(Map.of(1L, 9_000_000_000L, 2L, 9_500_000_000L));
    recorder.requestLatency.put("ecdsa", latencies);

    assertThat(judge(spec("optional: p99 ecdsa latency < 8s"), recorder)).singleElement()
        .satisfies(x -> assertThat(x.status()).isEqualTo(Status.VIOLATED));
  }
}
