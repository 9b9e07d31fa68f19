package dev.subnetsim.cluster;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.ReplicaActor;
import dev.subnetsim.replica.TimedEvent;
import dev.subnetsim.scenarios.driver.ReplicaHosts;
import dev.subnetsim.scenarios.engine.KeyMirror;
import dev.subnetsim.scenarios.engine.KeyReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * The driver's side of a cluster run: every replica of the run is a sharded entity on a worker,
 * prepared once with the scenario and seed, then sent one {@link DriverProtocol.Step} per window
 * it has events in. As with replicas in one JVM, the driver waits for every answer and collects
 * them by node, so which member answers first cannot change a result.
 *
 * <p>Each answer carries the replica's {@link KeyReport}, which the hosts apply to the run's
 * {@link KeyMirror} in node order before returning the window; each step forwards the generated
 * keys the mirror has not sent that replica yet.
 *
 * <p>A worker that becomes unreachable or leaves ends the run: the step waiting on it fails with
 * {@link MemberLostException} as soon as the cluster's failure detector says so (seconds). A
 * worker still in the cluster that does not answer a step within the step timeout (stalled: a
 * hung thread, a long GC, a replica stuck in a loop) ends it the same way, as {@link
 * MemberStalledException}.
 */
public final class ClusterHosts implements ReplicaHosts {
  private static final Duration PREPARE_TIMEOUT = Duration.ofMinutes(10);
  /** How long a step may take on its member by default before the member counts as stalled. */
  public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofMinutes(2);

  private final ClusterSharding sharding;
  private final ActorSystem<Void> system;
  private final String runId;
  private final Map<NodeId, EntityRef<DriverProtocol.Command>> replicas = new TreeMap<>();
  /** The member each replica answered its Prepare from. */
  private final Map<NodeId, String> hostOf = new TreeMap<>();
  private final CompletableFuture<String> lost = new CompletableFuture<>();
  private final ClusterSerializer serializer;
  private final KeyMirror keys;
  private final Duration stepTimeout;
  private long windows;
  private long steps;

  /** A worker left the run: the cluster can no longer answer for its replicas. */
  public static class MemberLostException extends IllegalStateException {
    MemberLostException(String reason) {
      super(reason);
    }
  }

  /** A worker still in the cluster did not answer a step within the step timeout. */
  public static final class MemberStalledException extends MemberLostException {
    MemberStalledException(String reason) {
      super(reason);
    }
  }

  private ClusterHosts(ClusterMember driver, List<NodeId> nodes, KeyMirror keys,
      Duration stepTimeout) {
    if (stepTimeout.isNegative() || stepTimeout.isZero()) {
      throw new IllegalArgumentException("the step timeout must be positive: " + stepTimeout);
    }
    this.keys = keys;
    this.stepTimeout = stepTimeout;
    this.system = driver.system();
    this.sharding = ClusterSharding.get(system);
    // Names this run's entities apart from any earlier run's on the same members; simulated
    // behaviour never sees it.
    this.runId = UUID.randomUUID().toString();
    for (NodeId n : nodes) {
      replicas.put(n, sharding.entityRefFor(ReplicaEntity.TYPE,
          DriverProtocol.entityId(runId, n)));
    }
    var watcher = driver.system().systemActorOf(Behaviors.<ClusterEvent.ClusterDomainEvent>receive(
        (ctx, e) -> {
          if (e instanceof ClusterEvent.UnreachableMember u
              && u.member().hasRole(ClusterMember.WORKER_ROLE)) {
            lost.complete("cluster member " + hostPort(u.member()) + " became unreachable");
          } else if (e instanceof ClusterEvent.MemberRemoved r
              && r.member().hasRole(ClusterMember.WORKER_ROLE)) {
            lost.complete("cluster member " + hostPort(r.member()) + " left the cluster");
          }
          return Behaviors.same();
        }), "member-watch-" + runId, org.apache.pekko.actor.typed.Props.empty());
    Cluster.get(driver.system()).subscriptions().tell(
        Subscribe.create(watcher, ClusterEvent.ClusterDomainEvent.class));
    this.serializer = (ClusterSerializer) org.apache.pekko.serialization.SerializationExtension
        .get(org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(driver.system()))
        .findSerializerFor(new DriverProtocol.Release(runId, new NodeId(0)));
  }

  private static String hostPort(org.apache.pekko.cluster.Member m) {
    return m.address().getHost().orElse("?") + ":" + m.address().getPort().orElse(0);
  }

  /**
   * Hosts the replicas of {@code nodes} for a run of the scenario {@code yaml} (read from
   * {@code source}) with {@code seed} on the workers of {@code driver}'s cluster; returns once
   * every replica is ready. Their key reports go to {@code keys}; a member that does not answer a
   * step within {@code stepTimeout} stops the run.
   */
  public static ClusterHosts open(ClusterMember driver, List<NodeId> nodes, String source,
      String yaml, long seed, KeyMirror keys, Duration stepTimeout) {
    ClusterHosts hosts = new ClusterHosts(driver, nodes, keys, stepTimeout);
    List<CompletableFuture<DriverProtocol.Prepared>> pending = new ArrayList<>();
    for (var e : hosts.replicas.entrySet()) {
      pending.add(e.getValue().<DriverProtocol.Prepared>ask(replyTo -> new DriverProtocol.Prepare(
          hosts.runId, e.getKey(), source, yaml, seed, replyTo), PREPARE_TIMEOUT)
          .toCompletableFuture());
    }
    for (var f : pending) {
      DriverProtocol.Prepared p = hosts.await(f, "preparing the run");
      if (!p.ready()) {
        hosts.close();
        throw new IllegalStateException("replica " + p.node() + ": " + p.refusal());
      }
      hosts.hostOf.put(p.node(), p.member());
    }
    return hosts;
  }

  /** How many of this run's replicas each worker hosts, by member address ({@code HOST:PORT}). */
  public Map<String, Integer> placement() {
    Map<String, Integer> out = new TreeMap<>();
    hostOf.values().forEach(h -> out.merge(h, 1, Integer::sum));
    return out;
  }

  @Override
  public Answers step(long stepSeq, TreeMap<NodeId, List<TimedEvent>> work,
      Map<NodeId, Long> horizonLocal) {
    TreeMap<NodeId, CompletableFuture<DriverProtocol.Answer>> pending = new TreeMap<>();
    for (var e : work.entrySet()) {
      long horizon = horizonLocal.get(e.getKey());
      List<KeyReport.Installed> adopt = keys.toForward(e.getKey());
      pending.put(e.getKey(), replicas.get(e.getKey()).<DriverProtocol.Answer>ask(replyTo ->
              new DriverProtocol.Step(runId, e.getKey(), stepSeq, e.getValue(), horizon, adopt,
                  replyTo), stepTimeout).toCompletableFuture());
    }
    windows++;
    steps += pending.size();
    TreeMap<NodeId, ReplicaActor.Stepped> answers = new TreeMap<>();
    TreeMap<NodeId, Throwable> failed = new TreeMap<>();
    List<DriverProtocol.Answer> all = new ArrayList<>(pending.size());
    for (var e : pending.entrySet()) {
      DriverProtocol.Answer a = awaitStep(e.getValue(), e.getKey(), stepSeq);
      ReplicaActor.Stepped s = a.stepped();
      if (!s.node().equals(e.getKey())) {
        throw new IllegalStateException("replica " + e.getKey() + " answered as " + s.node());
      }
      if (s.failed() && s.failure() instanceof RemoteFailure r
          && r.type().equals(ReplicaEntity.NotPrepared.class.getName())) {
        throw new MemberLostException(r.message());
      }
      if (s.failed()) {
        failed.put(s.node(), s.failure());
      } else {
        answers.put(s.node(), s);
      }
      all.add(a);
    }
    // In node order, after the whole window: the checkers see every replica as at its end.
    all.forEach(a -> keys.apply(a.stepped().node(), a.keys()));
    return new Answers(answers, failed);
  }

  /** {@code node}'s answer to step {@code stepSeq}, unless a worker is lost or stalls first. */
  private DriverProtocol.Answer awaitStep(CompletableFuture<DriverProtocol.Answer> f,
      NodeId node, long stepSeq) {
    try {
      return await(f, "step " + stepSeq);
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof java.util.concurrent.TimeoutException) {
        throw new MemberStalledException("cluster member " + hostOf.getOrDefault(node, "?")
            + " did not answer step " + stepSeq + " of replica " + node + " within "
            + stepTimeout.toSeconds() + " s (it is still in the cluster: stalled)");
      }
      throw e;
    }
  }

  /** The answer of {@code f}, unless a worker is lost first. */
  private <T> T await(CompletableFuture<T> f, String during) {
    try {
      CompletableFuture.anyOf(f, lost).join();
    } catch (CompletionException e) {
      // f failed first: read below.
    }
    if (!f.isDone()) {
      throw new MemberLostException(lost.join() + " during " + during);
    }
    try {
      return f.join();
    } catch (CompletionException e) {
      throw new IllegalStateException("a hosted replica did not answer " + during, e.getCause());
    }
  }

  /** Messages and bytes the driver's member has written and read so far. */
  public ClusterSerializer.Counts counts() {
    return serializer.counts();
  }

  /** Windows stepped so far, and Step messages sent in them (one per replica with events). */
  public long windows() {
    return windows;
  }

  public long steps() {
    return steps;
  }

  /** Stops this run's replicas on the workers (the driver's membership is its owner's). */
  @Override
  public void close() {
    replicas.forEach((n, ref) -> ref.tell(new DriverProtocol.Release(runId, n)));
  }
}
