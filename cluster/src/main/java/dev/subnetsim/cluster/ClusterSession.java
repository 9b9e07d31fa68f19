package dev.subnetsim.cluster;

import dev.subnetsim.scenarios.engine.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The driver's place in a cluster for one {@code subnet-sim run}: it joins the given workers (or
 * starts them on this machine first), waits until all are up, and hosts the run's replicas on
 * them. After the run it tells where the replicas ran and what crossed the wire.
 */
public final class ClusterSession implements AutoCloseable {
  private static final Duration MEMBERS_UP_TIMEOUT = Duration.ofSeconds(90);

  private final ClusterMember driver;
  private final LocalWorkers local;
  private ClusterHosts hosts;

  private ClusterSession(ClusterMember driver, LocalWorkers local) {
    this.driver = driver;
    this.local = local;
  }

  /** Joins the cluster of {@code workers} from {@code bind} and waits until each is up. */
  public static ClusterSession join(HostPort bind, List<HostPort> workers)
      throws InterruptedException {
    return start(bind, workers, null);
  }

  /** Starts {@code n} worker JVMs on loopback (logs in {@code logDir}) and joins them. */
  public static ClusterSession local(int n, int threads, Path logDir)
      throws IOException, InterruptedException {
    LocalWorkers workers = LocalWorkers.start(n, threads, logDir);
    try {
      return start(new HostPort("127.0.0.1", 0), workers.addresses(), workers);
    } catch (RuntimeException | InterruptedException e) {
      workers.close();
      throw e;
    }
  }

  private static ClusterSession start(HostPort bind, List<HostPort> workers, LocalWorkers local)
      throws InterruptedException {
    ClusterMember driver = ClusterMember.driver(bind, workers);
    try {
      driver.awaitWorkers(workers.size(), MEMBERS_UP_TIMEOUT);
    } catch (RuntimeException | InterruptedException e) {
      driver.close();
      throw e;
    }
    return new ClusterSession(driver, local);
  }

  /**
   * The hosts of a run of scenario {@code yaml} (read from {@code source}) with {@code seed}; a
   * member that does not answer a step within {@code stepTimeout} stops the run.
   */
  public ScenarioRunner.Hosting hosting(String source, String yaml, long seed,
      Duration stepTimeout) {
    return (nodes, keys) -> {
      hosts = ClusterHosts.open(driver, nodes, source, yaml, seed, keys, stepTimeout);
      return hosts;
    };
  }

  /** Windows the last run stepped so far. */
  public long windows() {
    return hosts == null ? 0 : hosts.windows();
  }

  /** One line on where the last run's replicas ran and what crossed the wire per window. */
  public String report() {
    if (hosts == null) {
      return "cluster: no run";
    }
    Map<String, Integer> placement = hosts.placement();
    ClusterSerializer.Counts c = hosts.counts();
    long windows = Math.max(1, hosts.windows());
    return String.format("cluster: %d replicas on %d workers %s; %d windows, %d steps; driver "
            + "wrote %d messages / %d bytes, read %d / %d (%.1f messages, %.0f bytes per window)",
        placement.values().stream().mapToInt(Integer::intValue).sum(), placement.size(),
        placement, hosts.windows(), hosts.steps(), c.messagesOut(), c.bytesOut(),
        c.messagesIn(), c.bytesIn(), (c.messagesOut() + c.messagesIn()) / (double) windows,
        (c.bytesOut() + c.bytesIn()) / (double) windows);
  }

  /** Kills local worker {@code i} (tests of a member lost mid-run). */
  void killLocalWorker(int i) {
    local.kill(i);
  }

  List<HostPort> localWorkers() {
    return local.addresses();
  }

  @Override
  public void close() {
    try {
      driver.close();
    } finally {
      if (local != null) {
        local.close();
      }
    }
  }
}
