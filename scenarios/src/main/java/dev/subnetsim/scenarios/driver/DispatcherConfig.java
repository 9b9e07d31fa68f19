package dev.subnetsim.scenarios.driver;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * The Pekko configuration of a simulated world: replicas run on their own dispatcher with a fixed
 * number of threads (1, 2, 4...), which is the only knob of parallelism. Results must not depend
 * on it; the determinism tests compare trace hashes across thread counts.
 */
public final class DispatcherConfig {
  /** The config path of the replicas' dispatcher. */
  public static final String REPLICA_DISPATCHER = "subnet-sim.replica-dispatcher";

  private DispatcherConfig() {}

  public static Config forThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("dispatcher threads must be >= 1: " + threads);
    }
    return ConfigFactory.parseString(
            REPLICA_DISPATCHER + " {\n"
                + "  type = Dispatcher\n"
                + "  executor = \"thread-pool-executor\"\n"
                + "  thread-pool-executor { fixed-pool-size = " + threads + " }\n"
                + "  throughput = 1\n"
                + "}\n"
                + "pekko.loglevel = WARNING\n"
                + "pekko.log-dead-letters = off\n"
                + "pekko.jvm-shutdown-hooks = off\n"
                // A fatal error on a replica thread stops the actor system (the driver then
                // fails the run) instead of exiting the JVM with status 255.
                + "pekko.jvm-exit-on-fatal-error = off\n"
                + "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off\n")
        .withFallback(ConfigFactory.defaultReference());
  }
}
