package dev.subnetsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuzzCommandTest {

  @TempDir Path tmp;

  private Path topology() throws Exception {
    Path file = tmp.resolve("topology.yaml");
    Files.writeString(file, """
        name: fuzz-topology
        duration: 10s
        subnets:
          - {name: root, role: root, nodes: 4}
          - {name: app, role: app, nodes: 7}
        consensus: {unit_delay: 200ms, initial_notary_delay: 60ms}
        """);
    return file;
  }

  @Test
  void schedulesWithinTheBudgetFindNoViolationOrStall() throws Exception {
    assertThat(SubnetSimCli.execute("fuzz", topology().toString(), "--seeds", "3", "--duration",
        "8")).isEqualTo(SubnetSimCli.EXIT_OK);
  }

  @Test
  void schedulesBeyondTheBudgetAreCaughtAsViolationsOrStalls() throws Exception {
    assertThat(SubnetSimCli.execute("fuzz", topology().toString(), "--seeds", "2", "--duration",
        "8", "--beyond-threshold")).isEqualTo(SubnetSimCli.EXIT_INVARIANT_FAILED);
  }
}
