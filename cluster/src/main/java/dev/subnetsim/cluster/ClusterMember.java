package dev.subnetsim.cluster;

import dev.subnetsim.scenarios.driver.ActorSystems;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.subnetsim.scenarios.driver.DispatcherConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.pattern.Patterns;

/**
 * One JVM's membership of a simulation cluster: a worker hosts replicas (sharded entities of
 * {@link ReplicaEntity#TYPE}); the driver only proxies to them. Every member names the same entity
 * type with the same message extractor, so any member can reach any replica.
 */
public final class ClusterMember implements AutoCloseable {
  /** The actor system name every member shares (part of each member's address). */
  public static final String SYSTEM = "subnet-sim";
  static final String WORKER_ROLE = "worker";
  static final String DRIVER_ROLE = "driver";
  /** A window's messages can be large (blocks, dealings, slices): artery's frames must hold them. */
  static final String MAX_FRAME = "32MiB";

  private final ActorSystem<Void> system;
  private final HostPort address;

  private ClusterMember(ActorSystem<Void> system, HostPort address) {
    this.system = system;
    this.address = address;
  }

  /**
   * A worker listening on {@code bind}, joining the cluster through {@code seeds} (empty: it
   * starts a cluster of its own, which others join through it); its replicas step on
   * {@code threads} threads.
   */
  public static ClusterMember worker(HostPort bind, List<HostPort> seeds, int threads) {
    ClusterMember m = start(bind, seeds, WORKER_ROLE, threads);
    if (seeds.isEmpty()) {
      // The first member joins itself at the address it got (its port may have been 0).
      Cluster cluster = Cluster.get(m.system);
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }
    MemberRuns runs = new MemberRuns();
    ClusterSharding.get(m.system).init(Entity.of(ReplicaEntity.TYPE,
            ctx -> ReplicaEntity.create(runs, m.address().toString()))
        .withRole(WORKER_ROLE)
        .withMessageExtractor(new ReplicaShards())
        .withEntityProps(DispatcherSelector.fromConfig(DispatcherConfig.REPLICA_DISPATCHER)));
    return m;
  }

  /** The driver's membership: listening on {@code bind}, joining through {@code seeds}. */
  public static ClusterMember driver(HostPort bind, List<HostPort> seeds) {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("the driver needs at least one member to join");
    }
    ClusterMember m = start(bind, seeds, DRIVER_ROLE, 1);
    // Without the worker role this member hosts no replicas: the region is a proxy.
    ClusterSharding.get(m.system).init(Entity.of(ReplicaEntity.TYPE,
            ctx -> Behaviors.<DriverProtocol.Command>empty())
        .withRole(WORKER_ROLE)
        .withMessageExtractor(new ReplicaShards()));
    return m;
  }

  private static ClusterMember start(HostPort bind, List<HostPort> seeds, String role,
      int threads) {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), SYSTEM,
        config(bind, seeds, role).withFallback(DispatcherConfig.forThreads(threads)));
    var self = Cluster.get(system).selfMember().address();
    int port = self.getPort().isPresent() ? (Integer) self.getPort().get() : bind.port();
    return new ClusterMember(system, new HostPort(bind.host(), port));
  }

  static Config config(HostPort bind, List<HostPort> seeds, String role) {
    String seedList = seeds.stream().map(s -> "\"" + s.pekkoAddress() + "\"")
        .collect(Collectors.joining(", "));
    return ConfigFactory.parseString(
        "pekko.actor.provider = cluster\n"
            + "pekko.remote.artery.transport = tcp\n"
            + "pekko.remote.artery.canonical.hostname = \"" + bind.host() + "\"\n"
            + "pekko.remote.artery.canonical.port = " + bind.port() + "\n"
            + "pekko.remote.artery.advanced.maximum-frame-size = " + MAX_FRAME + "\n"
            + "pekko.cluster.roles = [" + role + "]\n"
            + "pekko.cluster.seed-nodes = [" + seedList + "]\n"
            + "pekko.cluster.jmx.enabled = off\n"
            // Members start together: one that tried to join before its seed listened retries
            // soon instead of after Pekko's default 10 s.
            + "pekko.cluster.retry-unsuccessful-join-after = 1s\n"
            + "pekko.cluster.seed-node-timeout = 2s\n"
            + "pekko.cluster.log-info = off\n"
            // A shard that moved would lose its replicas' state mid-run: never rebalance (the
            // longest delay Pekko's scheduler takes).
            + "pekko.cluster.sharding.rebalance-interval = 200 d\n"
            + "pekko.coordinated-shutdown.exit-jvm = off\n");
  }

  public ActorSystem<Void> system() {
    return system;
  }

  /** Where this member listens (the port it got when bound to port 0). */
  public HostPort address() {
    return address;
  }

  /** The members with the worker role that are up, by address. */
  List<String> upWorkers() {
    var members = Cluster.get(system).state().getMembers();
    List<String> out = new java.util.ArrayList<>();
    for (var m : members) {
      if (m.status() == MemberStatus.up() && m.hasRole(WORKER_ROLE)) {
        out.add(m.address().toString());
      }
    }
    return out;
  }

  /**
   * Waits until {@code workers} workers are up and each one's shard region has registered with
   * the sharding coordinator, or fails after {@code timeout}. A member can be up before its region
   * is registered; shards allocated meanwhile would all go to the regions already known (on a
   * loaded machine, every replica to the first worker).
   */
  public void awaitWorkers(int workers, Duration timeout) throws InterruptedException {
    // Wall clock on purpose: cluster formation happens before the simulation, outside virtual time.
    long deadline = System.nanoTime() + timeout.toNanos();
    while (upWorkers().size() < workers || registeredRegions() < workers) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + upWorkers().size() + " of " + workers
            + " cluster workers came up (" + registeredRegions() + " hosting) within "
            + timeout.toSeconds() + " s: " + upWorkers());
      }
      Thread.sleep(100);
    }
  }

  /** The shard regions the coordinator knows (0 while it cannot say). */
  private int registeredRegions() throws InterruptedException {
    // Typed sharding runs on the classic extension, which answers the coordinator's query.
    ActorRef region = org.apache.pekko.cluster.sharding.ClusterSharding.get(
        Adapter.toClassic(system)).shardRegion(ReplicaEntity.TYPE.name());
    try {
      Object answer = Patterns.ask(region, ShardRegion.getCurrentRegionsInstance(),
          Duration.ofSeconds(2)).toCompletableFuture().get();
      return answer instanceof ShardRegion.CurrentRegions r ? r.getRegions().size() : 0;
    } catch (ExecutionException e) {
      return 0; // no coordinator yet: asked again
    }
  }

  /** Blocks until the member's actor system stops. */
  public void awaitTermination() throws Exception {
    system.getWhenTerminated().toCompletableFuture().get();
  }

  @Override
  public void close() {
    ActorSystems.terminate(system, "cluster member did not stop");
  }
}
