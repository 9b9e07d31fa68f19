package dev.subnetsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

  @TempDir Path tmp;

  @Test
  void aSweepRunsEveryGridPointAndWritesOneComparison() throws Exception {
    Path file = tmp.resolve("base.yaml");
    Files.writeString(file, """
        name: sweep-base
        duration: 4s
        subnets:
          - {name: root, role: root, nodes: 4}
        consensus: {unit_delay: 200ms, initial_notary_delay: 60ms}
        """);
    Path out = tmp.resolve("sweep");
    assertThat(SubnetSimCli.execute("sweep", file.toString(), "--nodes", "4,7",
        "--unit-delays", "200,400", "--out", out.toString())).isEqualTo(SubnetSimCli.EXIT_OK);
    List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
    assertThat(csv).hasSize(5);
    assertThat(csv.get(1)).startsWith("4,200,1,true,");
    assertThat(csv.get(4)).startsWith("7,400,1,true,");
    // A larger unit delay gives fewer blocks in the same simulated time.
    long fast = Long.parseLong(csv.get(1).split(",")[4]);
    long slow = Long.parseLong(csv.get(2).split(",")[4]);
    assertThat(slow).isLessThan(fast);
    assertThat(out.resolve("sweep.html")).isRegularFile();
  }
}
