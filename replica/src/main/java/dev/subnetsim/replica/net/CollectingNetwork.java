package dev.subnetsim.replica.net;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The simulated-mode {@link Network}: records envelopes in call order. The order of the list is
 * the replica's "output index" used by the driver's canonical merge.
 */
public final class CollectingNetwork implements Network {
  private final NodeId self;
  private final List<NodeId> peers;
  private final List<Envelope> sent = new ArrayList<>();

  /**
   * @param peers the nodes a broadcast reaches (the replica's subnet); sorted here, self excluded
   */
  public CollectingNetwork(NodeId self, List<NodeId> peers) {
    this.self = Objects.requireNonNull(self, "self");
    this.peers = peers.stream().filter(p -> !p.equals(self)).sorted().distinct().toList();
  }

  @Override
  public void send(NodeId to, MessageKind kind, byte[] payload) {
    sent.add(new Envelope(self, to, kind, payload));
  }

  @Override
  public void broadcast(MessageKind kind, byte[] payload) {
    for (NodeId p : peers) {
      sent.add(new Envelope(self, p, kind, payload));
    }
  }

  /** The envelopes sent so far, in call order. */
  public List<Envelope> sent() {
    return List.copyOf(sent);
  }
}
