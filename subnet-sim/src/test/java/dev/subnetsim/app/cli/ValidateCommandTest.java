package dev.subnetsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @TempDir Path tmp;

  @Test
  void theFlagshipCatalogScenarioValidates() {
    assertThat(SubnetSimCli.execute("validate", "../scenarios/catalog/flagship.yaml"))
        .isEqualTo(SubnetSimCli.EXIT_OK);
  }

  @Test
  void aBrokenScenarioExitsTwoNamingFileLineAndField() throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "name: x\nduration: 10s\nsubnets:\n  - {name: a, nodes: lots}\n");
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = SubnetSimCli.execute("validate", bad.toString());
    } finally {
      System.setErr(oldErr);
    }
    assertThat(status).isEqualTo(SubnetSimCli.EXIT_BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(bad + ":4: field 'subnets[0].nodes': expected a whole number, got 'lots'");
  }

  @Test
  void runWithAMissingFileIsBadInput() {
    assertThat(SubnetSimCli.execute("run", tmp.resolve("none.yaml").toString()))
        .isEqualTo(SubnetSimCli.EXIT_BAD_INPUT);
  }
}
