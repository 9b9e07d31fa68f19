package dev.subnetsim.app.cli;

import dev.subnetsim.app.session.LiveSession;
import dev.subnetsim.app.session.LiveSessions;
import dev.subnetsim.app.gateway.GatewayServer;
import dev.subnetsim.app.gateway.IcGateway;
import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code subnet-sim serve [FILE] [--port N] [--seed N] [--manual-time]}. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run a scenario's world live behind the IC HTTP interface on 127.0.0.1 "
        + "(default: a root and an app subnet with the example canisters) until interrupted.")
final class ServeCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "Scenario YAML file; omitted: a root subnet and an app subnet of 4 nodes.")
  Path scenario;

  @Option(names = "--port", description = "TCP port on 127.0.0.1 (0: any free port; default: ${DEFAULT-VALUE}).", defaultValue = "4943")
  int port;

  @Option(names = "--seed", description = "Root seed of the world (default: the scenario's seed).")
  Long seed;

  @Option(names = "--manual-time", description = "Virtual time moves only when told (POST /sim/advance?millis=N); default: it follows the wall clock.")
  boolean manualTime;

  @Option(names = "--epoch-nanos", paramLabel = "N", description = "Unix time (ns) of virtual time 0 (default: the wall clock at start).")
  Long epochNanos;

  @Option(names = "--threads", description = "Dispatcher threads (default: ${DEFAULT-VALUE}).", defaultValue = "2")
  int threads;

  @Override
  public Integer call() throws Exception {
    ScenarioSpec spec = scenario == null ? LiveSessions.defaultScenario()
        : ScenarioLoader.load(scenario);
    long runSeed = seed != null ? seed : spec.seed();
    long epoch = epochNanos != null ? epochNanos : LiveSessions.wallClockUnixNanos();
    System.out.printf("subnet-sim serve: scenario=%s seed=%d time=%s; assembling the world...%n",
        spec.name(), runSeed, manualTime ? "manual" : "live");
    LiveSession session = LiveSessions.start(spec, runSeed, epoch, manualTime, threads);
    IcGateway gateway = new IcGateway(session);
    GatewayServer server = GatewayServer.start(gateway, port);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      session.close();
    }, "subnet-sim-serve-shutdown"));
    Map<String, Object> topology = gateway.topology();
    System.out.println("serving the IC HTTP interface at " + server.url());
    System.out.println("  root key (DER, hex): " + topology.get("root_key"));
    System.out.println("  world: " + server.url() + "/sim/topology");
    if (topology.get("subnets") instanceof java.util.List<?> subnets) {
      for (Object s : subnets) {
        if (s instanceof Map<?, ?> m && m.get("canisters") instanceof Map<?, ?> c) {
          System.out.println("  subnet " + m.get("name") + " (" + m.get("id") + "): counter "
              + c.get("counter"));
        }
      }
    }
    System.out.println("Ctrl-C stops it.");
    try {
      var outcome = session.outcome().get();
      System.out.println("the simulation ended: " + outcome.stopReason());
      server.close();
      return SubnetSimCli.EXIT_INVARIANT_FAILED;
    } catch (ExecutionException e) {
      if (session.closed()) {
        System.out.println("subnet-sim serve: stopped");
        return SubnetSimCli.EXIT_OK;
      }
      server.close();
      System.err.println("subnet-sim serve: the simulation stopped: " + e.getCause());
      return SubnetSimCli.EXIT_INTERNAL_ERROR;
    }
  }
}
