package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.Rejection;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one component decided from one view of the state, applied later in one place
 * ({@link ChangeSetApplier}) in this order: messages, rejections, observations, consensus inputs.
 * Each list keeps the order the component produced it in (the trace hashes that order).
 *
 * @param messages messages to send, by kind
 * @param rejections artifacts refused, each attributed to a node
 * @param observations claims for the checkers and the trace (metrics, completions)
 * @param toConsensus inputs for the consensus node: payload items to propose
 *     ({@link ConsensusNode.IngressReceived}) or withdraw ({@link ConsensusNode.IngressWithdrawn}),
 *     executed heights, peers' consensus messages
 */
public record ChangeSet(List<Message> messages, List<Rejection> rejections,
    List<Observation> observations, List<ConsensusNode.Input> toConsensus) {
  public static final ChangeSet EMPTY = new ChangeSet(List.of(), List.of(), List.of(), List.of());

  public ChangeSet {
    messages = List.copyOf(messages);
    rejections = List.copyOf(rejections);
    observations = List.copyOf(observations);
    toConsensus = List.copyOf(toConsensus);
  }

  /** A message to send; its bytes are shared, never modified. */
  public sealed interface Message {
    MessageKind kind();

    byte[] bytes();
  }

  /** To every peer of the subnet. */
  public record Broadcast(MessageKind kind, byte[] bytes) implements Message {
    public Broadcast {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /** To one node (of any subnet). */
  public record Unicast(NodeId to, MessageKind kind, byte[] bytes) implements Message {
    public Unicast {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  public static ChangeSet rejecting(NodeId sender, String reason) {
    return builder().reject(sender, reason).build();
  }

  public static ChangeSet observing(Observation observation) {
    return builder().observe(observation).build();
  }

  public boolean isEmpty() {
    return messages.isEmpty() && rejections.isEmpty() && observations.isEmpty()
        && toConsensus.isEmpty();
  }

  /** This change set with its messages replaced (what a decorator rewrites). */
  public ChangeSet withMessages(List<Message> replaced) {
    return new ChangeSet(replaced, rejections, observations, toConsensus);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Accumulates one change set, in order. */
  public static final class Builder {
    private final List<Message> messages = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Observation> observations = new ArrayList<>();
    private final List<ConsensusNode.Input> toConsensus = new ArrayList<>();

    private Builder() {}

    public Builder broadcast(MessageKind kind, byte[] bytes) {
      messages.add(new Broadcast(kind, bytes));
      return this;
    }

    public Builder send(NodeId to, MessageKind kind, byte[] bytes) {
      messages.add(new Unicast(to, kind, bytes));
      return this;
    }

    public Builder reject(NodeId sender, String reason) {
      rejections.add(new Rejection(sender, reason));
      return this;
    }

    public Builder observe(Observation observation) {
      observations.add(Objects.requireNonNull(observation, "observation"));
      return this;
    }

    public Builder propose(byte[] item) {
      toConsensus.add(new ConsensusNode.IngressReceived(item));
      return this;
    }

    public Builder withdraw(byte[] item) {
      toConsensus.add(new ConsensusNode.IngressWithdrawn(item));
      return this;
    }

    public Builder input(ConsensusNode.Input input) {
      toConsensus.add(Objects.requireNonNull(input, "input"));
      return this;
    }

    public ChangeSet build() {
      return new ChangeSet(messages, rejections, observations, toConsensus);
    }
  }
}
