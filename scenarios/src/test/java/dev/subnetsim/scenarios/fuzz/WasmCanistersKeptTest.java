package dev.subnetsim.scenarios.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.scenarios.dsl.ScenarioException;
import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.spec.WasmCanisterSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fuzzed or shrunk scenario must still install the Wasm canisters of the one it came from, or a
 * failure found with them would not reproduce from the written file.
 */
class WasmCanistersKeptTest {
  private static final ScenarioSpec BASE = ScenarioLoader.catalog("wasm-canisters-under-faults");

  @Test
  void theCatalogScenarioReadFromTheClasspathFindsItsModulesThere() {
    assertThat(BASE.workload().wasmCanisters()).extracting(WasmCanisterSpec::path)
        .containsExactly("classpath:catalog/wasm/counter.wasm",
            "classpath:catalog/wasm/caller.wasm", "classpath:catalog/wasm/looper.wasm");
  }

  @Test
  void theCatalogScenarioReadFromDiskFindsItsModulesBesideIt() {
    ScenarioSpec onDisk = ScenarioLoader.load(Path.of("catalog/wasm-canisters-under-faults.yaml"));
    assertThat(onDisk.workload().wasmCanisters()).extracting(WasmCanisterSpec::path)
        .containsExactly(Path.of("catalog/wasm/counter.wasm").toAbsolutePath().toString(),
            Path.of("catalog/wasm/caller.wasm").toAbsolutePath().toString(),
            Path.of("catalog/wasm/looper.wasm").toAbsolutePath().toString());
  }

  @Test
  void aFuzzedScheduleKeepsTheWasmCanistersAndIsWrittenAsAFileThatReadsThemBack() {
    for (long seed = 1; seed <= 5; seed++) {
      ScenarioSpec fuzzed = FaultFuzzer.fuzz(BASE, seed, FaultFuzzer.Budget.WITHIN_F);
      assertThat(fuzzed.workload().wasmCanisters()).as("seed %d", seed)
          .isEqualTo(BASE.workload().wasmCanisters());
      ScenarioSpec written = ScenarioParser.parse("fuzzed", ScenarioYaml.write(fuzzed));
      assertThat(SpecsForTests.withoutLines(written)).as("seed %d", seed)
          .isEqualTo(SpecsForTests.withoutLines(fuzzed));
    }
  }

  @Test
  void aShrunkCandidateWithoutFaultsOrRequestsStillInstallsTheWasmCanisters() {
    ScenarioSpec shrunk = Shrinker.candidateOf(BASE, List.of(), List.of(), 5_000_000_000L);
    assertThat(shrunk.faults()).isEmpty();
    ScenarioSpec written = ScenarioParser.parse("/tmp/elsewhere/shrunk.yaml",
        ScenarioYaml.write(shrunk));
    assertThat(written.workload().wasmCanisters()).hasSize(3);
    assertThat(SpecsForTests.withoutLines(written).workload())
        .isEqualTo(SpecsForTests.withoutLines(BASE).workload());
  }

  @Test
  void aMissingModuleIsRefusedAtValidationNamingWhereItWasLookedFor() {
    String yaml = """
        name: missing
        duration: 5s
        subnets:
          - {name: app, role: app, nodes: 4}
        workload:
          wasm_canisters:
            - {path: %s}
        """;
    assertThatThrownBy(() -> ScenarioParser.parse("catalog/missing.yaml",
        yaml.formatted("wasm/nope.wasm")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("wasm_canisters[0].path")
        .hasMessageContaining(Path.of("catalog/wasm/nope.wasm").toAbsolutePath()
            + ": no such module file");
    assertThatThrownBy(() -> ScenarioParser.parse("x.yaml",
        yaml.formatted("classpath:catalog/wasm/nope.wasm")))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("classpath:catalog/wasm/nope.wasm: no such module file");
  }
}
