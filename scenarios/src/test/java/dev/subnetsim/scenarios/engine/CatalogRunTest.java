package dev.subnetsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalog as a regression suite: the fast variant of every scenario (a quarter of its time)
 * passes, and replays to the same trace hash with one and with two dispatcher threads. The full
 * variants run under {@code -Pslow}.
 */
class CatalogRunTest {

  static List<Path> catalog() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("catalog"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static ScenarioRun run(ScenarioSpec spec, int threads) {
    return ScenarioRunner.run(spec, new ScenarioRunner.Options(spec.seed(), threads, null,
        "test"));
  }

  private static void assertPassed(ScenarioRun run) {
    List<InvariantResult> violated = run.result().invariants().stream()
        .filter(i -> i.status() == InvariantResult.Status.VIOLATED).toList();
    assertThat(violated).as(run.result().scenario()).isEmpty();
    assertThat(run.result().invariants()).anyMatch(i -> i.status() == InvariantResult.Status.HELD);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void fastVariantPassesAndReplaysToTheSameTraceHashWhateverTheThreadCount(Path file) {
    ScenarioSpec spec = FastVariant.of(ScenarioLoader.load(file), 0.25);
    ScenarioRun one = run(spec, 1);
    assertPassed(one);
    assertThat(run(spec, 2).result().traceHash()).isEqualTo(one.result().traceHash());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  @Tag("slow")
  void fullVariantPasses(Path file) {
    assertPassed(run(ScenarioLoader.load(file), 2));
  }
}
