package dev.subnetsim.scenarios.driver;

/** Prints the trace hash of the determinism world for (seed, threads); run in a second JVM. */
public final class TraceHashMain {
  private TraceHashMain() {}

  public static void main(String[] args) {
    long seed = Long.parseLong(args[0]);
    int threads = Integer.parseInt(args[1]);
    DriverOutcome r = SimulationDriver.run(DeterminismWorld.config(seed, threads).build());
    System.out.println("trace_hash=" + r.traceHash());
  }
}
