package dev.subnetsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A run that runs out of heap or stack is an internal error: exit 3 and one line, not the JVM's
 * exit 1 ("an invariant failed") under a stack trace.
 */
class OutOfMemoryExitTest {

  /** Throws what the simulation driver throws when a replica's step runs out of heap. */
  @Command(name = "oom-in-replica")
  static final class OomInReplica implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("replica node-2 failed in step 7: replica node-2: "
          + "java.lang.OutOfMemoryError: Java heap space",
          new RuntimeException("replica node-2", new OutOfMemoryError("Java heap space")));
    }
  }

  /** An error on the CLI's own thread, e.g. while a schedule is built before the run. */
  @Command(name = "oom-in-setup")
  static final class OomInSetup implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new OutOfMemoryError("Java heap space");
    }
  }

  @Command(name = "deep")
  static final class Deep implements Callable<Integer> {
    @Override
    public Integer call() {
      return recurse(0);
    }

    private static int recurse(int depth) {
      return recurse(depth + 1) + 1;
    }
  }

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("boom");
    }
  }

  private record Outcome(int status, String err, String out) {}

  private static Outcome run(String command) {
    CommandLine cli = new CommandLine(new SubnetSimCli())
        .addSubcommand(new OomInReplica()).addSubcommand(new OomInSetup())
        .addSubcommand(new Deep());
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return new Outcome(SubnetSimCli.execute(cli, command), err.toString(), out.toString());
  }

  @Test
  void anOutOfMemoryErrorInsideARunExitsThreeWithOneLine() {
    Outcome o = run("oom-in-replica");

    assertThat(o.status()).isEqualTo(SubnetSimCli.EXIT_INTERNAL_ERROR);
    assertThat(o.err().lines()).singleElement().asString()
        .startsWith("subnet-sim: internal error: out of memory (Java heap space)")
        .contains("-Xmx");
  }

  @Test
  void anOutOfMemoryErrorThatPicocliLetsThroughAlsoExitsThreeWithOneLine() {
    Outcome o = run("oom-in-setup");

    assertThat(o.status()).isEqualTo(SubnetSimCli.EXIT_INTERNAL_ERROR);
    assertThat(o.err().lines()).singleElement().asString()
        .startsWith("subnet-sim: internal error: out of memory");
  }

  @Test
  void aStackOverflowExitsThreeWithOneLine() {
    Outcome o = run("deep");

    assertThat(o.status()).isEqualTo(SubnetSimCli.EXIT_INTERNAL_ERROR);
    assertThat(o.err().lines()).singleElement().asString()
        .isEqualTo("subnet-sim: internal error: stack overflow");
  }

  @Test
  void otherInternalErrorsStillPrintTheirStackTrace() {
    CommandLine cli = new CommandLine(new SubnetSimCli()).addSubcommand(new Boom());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));

    assertThat(SubnetSimCli.execute(cli, "boom")).isEqualTo(SubnetSimCli.EXIT_INTERNAL_ERROR);
    assertThat(err.toString().lines().count()).isGreaterThan(1);
  }
}
