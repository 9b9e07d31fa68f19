package dev.subnetsim.cluster;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.ReplicaActor;
import dev.subnetsim.replica.TimedEvent;
import java.util.List;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The messages between the driver and the replicas it hosts on cluster members: the run's setup
 * ({@link Prepare}, {@link Prepared}), one {@link Step} per window and replica (answered by the
 * replica's own {@link ReplicaActor.Stepped}), and the end ({@link Release}). Every one of them is
 * written by {@link ClusterSerializer} as protobuf; nothing goes by Java serialization.
 *
 * <p>Entities are named {@code runId/node} ({@link #entityId}), so a cluster can host one run after
 * another without a replica of an earlier run answering for a later one.
 */
public final class DriverProtocol {
  private DriverProtocol() {}

  /** Everything that crosses the wire besides {@link ReplicaActor.Stepped}. */
  public sealed interface Message {}

  /** What a hosted replica receives. */
  public sealed interface Command extends Message {
    String runId();

    NodeId node();
  }

  /**
   * Build the run's replica logic from {@code scenarioYaml} and {@code seed} (the same function of
   * both as in one JVM) and this replica's shell; answer {@link Prepared}.
   */
  public record Prepare(String runId, NodeId node, String scenarioSource, String scenarioYaml,
      long seed, ActorRef<Prepared> replyTo) implements Command {
    public Prepare {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(scenarioSource, "scenarioSource");
      Objects.requireNonNull(scenarioYaml, "scenarioYaml");
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  /**
   * The answer to {@link Prepare}: {@code refusal} is empty when the replica is ready;
   * {@code member} is the {@code HOST:PORT} of the worker hosting it.
   */
  public record Prepared(NodeId node, String refusal, String member) implements Message {
    public Prepared {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(refusal, "refusal");
      Objects.requireNonNull(member, "member");
    }

    public boolean ready() {
      return refusal.isEmpty();
    }
  }

  /** One window for one replica, as {@link ReplicaActor.Step}. */
  public record Step(String runId, NodeId node, long stepSeq, List<TimedEvent> events,
      long horizonLocalNanos, ActorRef<ReplicaActor.Stepped> replyTo) implements Command {
    public Step {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(node, "node");
      events = List.copyOf(events);
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  /** The run is over: the replica stops, and its member forgets the run's logic. */
  public record Release(String runId, NodeId node) implements Command {
    public Release {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(node, "node");
    }
  }

  /** The sharded entity that hosts {@code node} in run {@code runId}. */
  public static String entityId(String runId, NodeId node) {
    return runId + "/" + node.value();
  }
}
