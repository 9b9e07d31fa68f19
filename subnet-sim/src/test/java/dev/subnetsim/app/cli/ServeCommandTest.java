package dev.subnetsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code subnet-sim serve}'s command line (the server itself: the gateway tests). */
class ServeCommandTest {

  @TempDir Path tmp;

  @Test
  void aBrokenScenarioIsBadInputBeforeAnythingIsServed() throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "name: x\nduration: 10s\nsubnets:\n  - {name: a, nodes: lots}\n");
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = SubnetSimCli.execute("serve", bad.toString(), "--port", "0");
    } finally {
      System.setErr(oldErr);
    }
    assertThat(status).isEqualTo(SubnetSimCli.EXIT_BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("field 'subnets[0].nodes'");
  }

  @Test
  void helpNamesTheOptions() {
    PrintStream oldOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(SubnetSimCli.execute("serve", "--help")).isEqualTo(SubnetSimCli.EXIT_OK);
    } finally {
      System.setOut(oldOut);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port", "--seed",
        "--manual-time", "--epoch-nanos", "FILE");
  }
}
