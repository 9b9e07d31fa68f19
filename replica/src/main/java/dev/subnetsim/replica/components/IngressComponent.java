package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.payload.IngressAdmission;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.wire.MalformedPeerMessageException;
import dev.subnetsim.replica.wire.PeerMessage;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Ingress admission: owns the {@link MessageKind#INGRESS} kind. A client's message that passes
 * admission goes to the pool and is relayed to the peers; a refused one is only counted (the
 * client gets a 4xx). A relayed message that fails admission through the relay's fault is attributed to the relay.
 */
public final class IngressComponent {
  private final SubnetId subnet;
  private final LoadClient.Verifier load;
  /** The root key canister signatures chain to, read when needed (the registry is set late). */
  private final Supplier<Optional<byte[]>> rootKeyDer;
  /** Client messages refused at submission (each answered with a 4xx). */
  private long refused;

  public IngressComponent(SubnetId subnet, LoadClient.Verifier load) {
    this(subnet, load, Optional::empty);
  }

  public IngressComponent(SubnetId subnet, LoadClient.Verifier load,
      Supplier<Optional<byte[]>> rootKeyDer) {
    this.subnet = subnet;
    this.load = load;
    this.rootKeyDer = rootKeyDer;
  }

  /** A client submitted {@code message} to this replica. */
  public ChangeSet submitted(byte[] message, long now) {
    if (IngressAdmission.check(message, now, load, rootKeyDer.get()).isPresent()) {
      // Nothing enters the pool or the network.
      return ChangeSet.observing(new Observation.Metric("ingress_refused/" + subnet, ++refused));
    }
    return ChangeSet.builder().broadcast(MessageKind.INGRESS, message)
        .input(new ConsensusNode.IngressReceived(message)).build();
  }

  /**
   * Why a relayed body that does not decode to a client's message is refused: the relay is at
   * fault, as for any message honest replicas check before relaying.
   */
  public static String malformed(MalformedPeerMessageException e) {
    return "relayed " + e.wrongItem().map(IngressAdmission::notSubmittable)
        .orElseGet(() -> IngressAdmission.malformed(e.getCause().getMessage()));
  }

  /** A peer relayed a client's message; admitted, its bytes go on exactly as received. */
  public ChangeSet onRelayed(NodeId from, PeerMessage.Ingress message, ReplicaView view) {
    Optional<IngressAdmission.Refusal> refusal =
        IngressAdmission.check(message.item(), view.now(), load, rootKeyDer.get());
    if (refusal.isEmpty()) {
      return ChangeSet.builder().input(new ConsensusNode.IngressReceived(message.body())).build();
    }
    return refusal.get().relayFault()
        ? ChangeSet.rejecting(from, "relayed " + refusal.get().reason()) : ChangeSet.EMPTY;
  }
}
