package dev.subnetsim.scenarios.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioYamlTest {

  private static ScenarioSpec roundTrip(ScenarioSpec s) {
    return ScenarioParser.parse("written", ScenarioYaml.write(s));
  }

  @Test
  void everyCatalogScenarioIsWrittenAsTextThatParsesBackToTheSameScenario() throws IOException {
    List<String> names;
    try (Stream<Path> files = Files.list(Path.of("catalog"))) {
      names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
    }
    assertThat(names).contains("flagship", "signing-subnet-loss", "partition-heal");
    for (String name : names) {
      ScenarioSpec spec = ScenarioLoader.catalog(name);
      assertThat(SpecsForTests.withoutLines(roundTrip(spec))).as(name)
          .isEqualTo(SpecsForTests.withoutLines(spec));
    }
  }

  @Test
  void fuzzedSchedulesWithClocksBehindAndOddDurationsRoundTripExactly() {
    ScenarioSpec base = ScenarioLoader.catalog("signing-subnet-loss");
    int behind = 0;
    for (long seed = 1; seed <= 40; seed++) {
      ScenarioSpec fuzzed = FaultFuzzer.fuzz(base, seed, FaultFuzzer.Budget.WITHIN_F);
      behind += (int) fuzzed.faults().stream()
          .filter(f -> f instanceof FaultSpec.ClockSkew k && k.skewNanos() < 0).count();
      assertThat(SpecsForTests.withoutLines(roundTrip(fuzzed))).as("seed %d", seed)
          .isEqualTo(SpecsForTests.withoutLines(fuzzed));
    }
    assertThat(behind).as("negative skews written and read back").isPositive();
  }

  @Test
  void aCrashGivenByCountIsWrittenAsACountSoThatACountOfZeroReadsBack() {
    for (int count : new int[] {0, 2}) {
      ScenarioSpec spec = ScenarioParser.parse("counted", """
          name: counted
          duration: 5s
          subnets:
            - {name: root, role: root, nodes: 7}
          faults:
            - {at: 1s, kind: crash, subnet: root, count: %d}
          """.formatted(count));
      assertThat(ScenarioYaml.write(spec)).contains("count: " + count);
      assertThat(SpecsForTests.withoutLines(roundTrip(spec))).as("count %d", count)
          .isEqualTo(SpecsForTests.withoutLines(spec));
    }
  }

  @Test
  void durationsAreWrittenExactlyInTheLargestUnitThatDividesThem() {
    assertThat(ScenarioYaml.duration(20_000_000_000L)).isEqualTo("20s");
    assertThat(ScenarioYaml.duration(1_500_000_000L)).isEqualTo("1500ms");
    assertThat(ScenarioYaml.duration(1_000_001_000L)).isEqualTo("1000001us");
    assertThat(ScenarioYaml.duration(1_000_000_001L)).isEqualTo("1000000001ns");
  }
}
