package dev.subnetsim.app.cli;

import dev.subnetsim.cluster.HostPort;
import dev.subnetsim.cluster.WorkerMain;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code subnet-sim worker --bind HOST:PORT [--join HOST:PORT,...] [--threads N]}. */
@Command(name = "worker", mixinStandardHelpOptions = true, description = "Start a cluster member that hosts replicas for `subnet-sim run --cluster`; runs until stopped.")
final class WorkerCommand implements Callable<Integer> {

  @Option(names = "--bind", required = true, paramLabel = "HOST:PORT", description = "Address this member listens on and is reached at by the other members and the driver.")
  String bind;

  @Option(names = "--join", paramLabel = "HOST:PORT[,HOST:PORT...]", description = "Members to join through (seed nodes); omitted: this member starts the cluster.")
  String join;

  @Option(names = "--threads", description = "Threads the hosted replicas step on (default: ${DEFAULT-VALUE}).", defaultValue = "2")
  int threads;

  @Override
  public Integer call() throws Exception {
    WorkerMain.Options options;
    try {
      options = new WorkerMain.Options(HostPort.parse(bind),
          join == null ? List.of() : HostPort.parseList(join), threads, false);
    } catch (IllegalArgumentException e) {
      System.err.println("subnet-sim worker: " + e.getMessage());
      return SubnetSimCli.EXIT_BAD_INPUT;
    }
    WorkerMain.run(options);
    return SubnetSimCli.EXIT_OK;
  }
}
