package dev.subnetsim.scenarios.driver;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.ReplicaActor;
import dev.subnetsim.replica.TimedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * One round trip with the replica actors: a {@link ReplicaActor.Step} to each affected replica
 * (sent in ascending node order), then wait for every {@link ReplicaActor.Stepped}. The replicas
 * run in parallel on their dispatcher; the answers are collected into a map sorted by node, so
 * the order in which they arrive is irrelevant.
 *
 * <p>The ask timeout only guards against a hung actor (it fails the run as an internal error); it
 * never influences a result, because the driver never proceeds with a partial set of answers.
 */
final class StepExchange implements ReplicaHosts {
  private static final Duration HUNG_REPLICA_TIMEOUT = Duration.ofMinutes(10);

  private final ActorSystem<Void> system;
  private final Map<NodeId, ActorRef<ReplicaActor.Command>> replicas;

  private StepExchange(ActorSystem<Void> system,
      Map<NodeId, ActorRef<ReplicaActor.Command>> replicas) {
    this.system = system;
    this.replicas = replicas;
  }

  /** The replicas of {@code config} in an actor system of this JVM, on its replica dispatcher. */
  static StepExchange local(SimulationConfig config) {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "subnet-sim",
        DispatcherConfig.forThreads(config.dispatcherThreads()));
    Map<NodeId, ActorRef<ReplicaActor.Command>> refs = new TreeMap<>();
    DispatcherSelector dispatcher =
        DispatcherSelector.fromConfig(DispatcherConfig.REPLICA_DISPATCHER);
    for (NodeId n : config.topology().allNodes()) {
      refs.put(n, system.systemActorOf(
          ReplicaActor.create(n, config.logicFactory()), "replica-" + n.value(), dispatcher));
    }
    return new StepExchange(system, refs);
  }

  @Override
  public Answers step(
      long stepSeq, TreeMap<NodeId, List<TimedEvent>> work, Map<NodeId, Long> horizonLocal) {
    List<CompletableFuture<ReplicaActor.Stepped>> pending = new ArrayList<>(work.size());
    for (Map.Entry<NodeId, List<TimedEvent>> e : work.entrySet()) {
      ActorRef<ReplicaActor.Command> ref = replicas.get(e.getKey());
      long horizon = horizonLocal.get(e.getKey());
      pending.add(AskPattern.<ReplicaActor.Command, ReplicaActor.Stepped>ask(
              ref, replyTo -> new ReplicaActor.Step(stepSeq, e.getValue(), horizon, replyTo),
              HUNG_REPLICA_TIMEOUT, system.scheduler())
          .toCompletableFuture());
    }
    CompletableFuture<?> terminated = system.getWhenTerminated().toCompletableFuture();
    TreeMap<NodeId, ReplicaActor.Stepped> answers = new TreeMap<>();
    TreeMap<NodeId, Throwable> failed = new TreeMap<>();
    for (CompletableFuture<ReplicaActor.Stepped> f : pending) {
      ReplicaActor.Stepped s;
      try {
        // A fatal error on a replica thread stops the system without an answer: stop waiting.
        CompletableFuture.anyOf(f, terminated).join();
        if (!f.isDone()) {
          throw new IllegalStateException("the replicas' actor system stopped during step "
              + stepSeq + " (a fatal error on a replica thread)");
        }
        s = f.join();
      } catch (CompletionException e) {
        throw new IllegalStateException("replica did not answer step " + stepSeq, e.getCause());
      }
      if (s.failed()) {
        failed.put(s.node(), s.failure());
      } else {
        answers.put(s.node(), s);
      }
    }
    return new Answers(answers, failed);
  }

  @Override
  public void close() {
    ActorSystems.terminate(system, "actor system did not terminate");
  }
}
