package dev.subnetsim.scenarios.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogTest {

  static List<Path> catalog() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("catalog"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("catalog")
  void everyCatalogScenarioParsesAndIsNamedAfterItsFile(Path file) {
    ScenarioSpec spec = ScenarioLoader.load(file);
    assertThat(spec.name() + ".yaml").isEqualTo(file.getFileName().toString());
    assertThat(spec.durationNanos()).isPositive();
  }
}
