package dev.subnetsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad cluster options are bad input (exit 2), found before any member is contacted. */
class ClusterOptionsTest {
  @TempDir Path tmp;

  private Path scenario() throws Exception {
    return Files.writeString(tmp.resolve("s.yaml"), """
        name: s
        seed: 1
        duration: 1s
        subnets:
          - {name: root, role: root, nodes: 4}
        """);
  }

  @Test
  void clusterAndWorkersTogetherAreBadInput() throws Exception {
    assertThat(SubnetSimCli.execute("run", scenario().toString(), "--cluster", "127.0.0.1:1",
        "--workers", "2", "--out", tmp.resolve("o").toString()))
        .isEqualTo(SubnetSimCli.EXIT_BAD_INPUT);
  }

  @Test
  void aClusterAddressWithoutAPortIsBadInput() throws Exception {
    assertThat(SubnetSimCli.execute("run", scenario().toString(), "--cluster", "somehost",
        "--out", tmp.resolve("o").toString())).isEqualTo(SubnetSimCli.EXIT_BAD_INPUT);
  }

  @Test
  void noWorkersAtAllIsBadInput() throws Exception {
    assertThat(SubnetSimCli.execute("run", scenario().toString(), "--workers", "0",
        "--out", tmp.resolve("o").toString())).isEqualTo(SubnetSimCli.EXIT_BAD_INPUT);
  }

  @Test
  void aStepTimeoutThatIsNotPositiveIsBadInput() throws Exception {
    for (String timeout : new String[] {"0", "-5"}) {
      assertThat(SubnetSimCli.execute("run", scenario().toString(), "--workers", "1",
          "--step-timeout", timeout, "--out", tmp.resolve("o").toString())).as(timeout)
          .isEqualTo(SubnetSimCli.EXIT_BAD_INPUT);
    }
  }

  @Test
  void aWorkerNeedsABindAddressAndAValidOne() {
    assertThat(SubnetSimCli.execute("worker")).isEqualTo(SubnetSimCli.EXIT_BAD_INPUT);
    assertThat(SubnetSimCli.execute("worker", "--bind", "127.0.0.1:99999"))
        .isEqualTo(SubnetSimCli.EXIT_BAD_INPUT);
  }
}
