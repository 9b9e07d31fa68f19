package dev.subnetsim.scenarios.dsl.input;

import static dev.subnetsim.scenarios.dsl.input.BadInput.parse;
import static dev.subnetsim.scenarios.dsl.input.BadInput.rejected;
import static dev.subnetsim.scenarios.dsl.input.BadInput.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.scenarios.spec.CpuSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuFieldsCheckedTest {
  @Test
  void withoutACpuFieldNodesHaveTheDefaultCoresPricedByTheReferenceTable() {
    assertThat(parse(scenario("")).cpu()).isEqualTo(CpuSpec.defaults());
    assertThat(parse(scenario("cpu: {cores: 2, costs: none}\n")).cpu())
        .isEqualTo(new CpuSpec(2, "none"));
  }

  @Test
  void zeroCoresAndUnknownKeysAreRejected() {
    rejected(scenario("cpu: {cores: 0}\n"), 6, "cpu.cores", "expected a number in [1, 1024], got 0");
    rejected(scenario("cpu: {cores: 2, speed: fast}\n"), 6, "cpu.speed", "unknown");
  }

  @Test
  void aCostTableThatIsMissingOrMalformedIsRejectedNamingItsOwnFileAndLine(@TempDir Path dir)
      throws IOException {
    rejected(scenario("cpu: {costs: no-such-table.tsv}\n"), 6, "cpu.costs",
        "no-such-table.tsv: cannot read the CPU cost table");
    Path table = Files.writeString(dir.resolve("costs.tsv"), "# mine\nbls-sign-share\tslow\n");
    rejected(scenario("cpu: {costs: '" + table + "'}\n"), 6, "cpu.costs",
        table + ":2: bls-sign-share: nanoseconds must be a whole number, not 'slow'");
  }
}
