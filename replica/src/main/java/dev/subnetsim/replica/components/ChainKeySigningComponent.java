package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.MetricKey;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.chainkey.ChainKeyShareMessage;
import dev.subnetsim.replica.chainkey.ChainKeyWorker;
import dev.subnetsim.replica.chainkey.ManagementCanister;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.wire.MalformedPeerMessageException;
import dev.subnetsim.replica.wire.PeerMessage;
import java.util.List;
import java.util.TreeMap;

/**
 * This replica's part in answering chain-key requests ({@link ChainKeyWorker}): it owns the
 * {@link MessageKind#CHAINKEY_SHARE} kind, attributes refused shares to their signers, makes its
 * own shares through {@code makeShares} (an invalid-share decorator for a cheating node) and sends
 * through {@code sending} (withholding), and reports presignature stash levels when they change.
 */
public final class ChainKeySigningComponent {
  private final List<NodeId> committee;
  private final String subnet;
  private final ChangeSetDecorator makeShares;
  private final ChangeSetDecorator sending;
  private final TreeMap<String, Long> stashReported = new TreeMap<>();
  /** Null until this replica holds key shares (a reshare target gets them later). */
  private ChainKeyWorker worker;

  public ChainKeySigningComponent(List<NodeId> committee, String subnet, ChainKeyWorker worker,
      ChangeSetDecorator makeShares, ChangeSetDecorator sending) {
    this.committee = List.copyOf(committee);
    this.subnet = subnet;
    this.worker = worker;
    this.makeShares = makeShares;
    this.sending = sending;
  }

  public boolean holdsKeys() {
    return worker != null;
  }

  /** The reshared keys arrived: from now on this replica shares. */
  public void install(ChainKeyWorker arrived) {
    this.worker = arrived;
  }

  /** Why a body sent as a share is refused when it does not decode to one (the routes ask). */
  public static String malformed(MalformedPeerMessageException e) {
    return e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
  }

  /** A peer's share: checked against its sender, then verified by the worker. */
  public ChangeSet onShare(NodeId from, PeerMessage.ChainKeyShare message, ReplicaView view) {
    if (worker == null) {
      return ChangeSet.EMPTY;
    }
    ChainKeyShareMessage m = message.share();
    if (m.signer() < 0 || m.signer() >= committee.size()
        || !committee.get(m.signer()).equals(from)) {
      return ChangeSet.rejecting(from, "chain-key share claims signer index " + m.signer()
          + " of another node");
    }
    return changes(List.of(), worker.onShare(view.state(), m), List.of());
  }

  /** After a block: share new requests (taken back as sent), retry buffered shares. */
  public ChangeSet afterExecution(ReplicatedState state) {
    if (worker == null) {
      return ChangeSet.EMPTY;
    }
    ChainKeyWorker.Effects made = worker.afterExecution(state);
    ChangeSet.Builder own = ChangeSet.builder();
    made.broadcast().forEach(m -> own.broadcast(MessageKind.CHAINKEY_SHARE, m.encode()));
    List<ChangeSet.Message> sent = makeShares.apply(own.build()).messages();
    List<ChainKeyShareMessage> asSent = sent.stream()
        .map(m -> ChainKeyShareMessage.decode(m.bytes())).toList();
    return changes(sent, worker.acceptOwn(state, asSent), made.withdraw());
  }

  private ChangeSet changes(List<ChangeSet.Message> sent, ChainKeyWorker.Effects effects,
      List<byte[]> withdrawnBefore) {
    ChangeSet.Builder b = ChangeSet.builder();
    sent.forEach(m -> b.broadcast(m.kind(), m.bytes()));
    effects.broadcast().forEach(m -> b.broadcast(MessageKind.CHAINKEY_SHARE, m.encode()));
    // The signer index was checked against the sender when the share arrived.
    effects.rejections().forEach(r -> b.reject(committee.get(r.signer()), r.reason()));
    effects.propose().forEach(b::propose);
    withdrawnBefore.forEach(b::withdraw);
    effects.withdraw().forEach(b::withdraw);
    return sending.apply(b.build());
  }

  /** Each presignature stash's level when it changed (for the report's stash chart). */
  public ChangeSet stashLevels(ManagementCanister management, ReplicatedState state) {
    if (worker == null) {
      return ChangeSet.EMPTY;
    }
    TreeMap<String, Long> levels = new TreeMap<>();
    management.schemes(state).values().forEach(s -> levels.putAll(s.presignaturesAvailable(state)));
    ChangeSet.Builder b = ChangeSet.builder();
    levels.forEach((key, left) -> {
      if (left == 0 && !stashReported.containsKey(key)) {
        return; // a stash that never held any (a backup that never signs): nothing to plot
      }
      if (!left.equals(stashReported.put(key, left))) {
        b.observe(new Observation.Metric(MetricKey.PRESIGNATURE_STASH.of(subnet + "/" + key), left));
      }
    });
    return b.build();
  }
}
