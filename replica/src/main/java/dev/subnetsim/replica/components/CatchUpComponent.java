package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.Rejection;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpRequest;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpResponse;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.wire.MessageCodec;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.consensus.DurableStore;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Catch-up and state sync: keeps encoded states at CUP heights and the latest CUP with its state
 * in the {@link DurableStore} (the replica's disk), answers peers' catch-up requests with CUP,
 * state and the finalized chain after it, and checks and adopts a peer's newer CUP (a CUP that
 * fails a check is refused and attributed to the peer that sent it).
 */
public final class CatchUpComponent {
  /** Checkpoints kept (encoded states at CUP heights) for answering catch-up requests. */
  private static final int KEPT_CHECKPOINTS = 4;

  private final ConsensusConfig config;
  private final ConsensusCrypto crypto;
  private final DurableStore store;
  private final SubnetExecution execution;
  private final TreeMap<Long, byte[]> recentStates = new TreeMap<>();

  /** A peer's CUP adopted: the consensus node resumed from it and the state it brought. */
  public record Adopted(ConsensusNode node, ReplicatedState state) {}

  /** What a catch-up response did: the adoption, if any, and what to apply. */
  public record Outcome(Optional<Adopted> adopted, ChangeSet changes, boolean refused) {}

  public CatchUpComponent(ConsensusConfig config, ConsensusCrypto crypto, DurableStore store,
      SubnetExecution execution) {
    this.config = config;
    this.crypto = crypto;
    this.store = store;
    this.execution = execution;
  }

  /** After a restart: the checkpoint on disk to resume from, if any. */
  public Optional<DurableStore.Checkpoint> resume() {
    DurableStore.Checkpoint checkpoint = store.latest();
    if (checkpoint != null) {
      recentStates.put(checkpoint.cup().height(), checkpoint.state());
    }
    return Optional.ofNullable(checkpoint);
  }

  /** State sync: asks every peer for a newer CUP and the finalized chain after it. */
  public ChangeSet askPeers(long finalizedHeight) {
    return ChangeSet.builder().broadcast(MessageKind.CUP_REQUEST,
        MessageCodec.encode(new CatchUpRequest(finalizedHeight))).build();
  }

  /** Keeps the state executed at {@code height} if a CUP may be made there. */
  public void executed(long height, ReplicatedState state) {
    if (height % config.cupInterval() == 0) {
      recentStates.put(height, state.encode());
      while (recentStates.size() > KEPT_CHECKPOINTS) {
        recentStates.pollFirstEntry();
      }
    }
  }

  /** Saves the latest CUP with its state, once we hold that state. */
  public void saveCheckpoint(CatchUpPackage cup) {
    byte[] encoded = recentStates.get(cup.height());
    if (cup.height() > 0 && encoded != null) {
      store.save(new DurableStore.Checkpoint(cup, encoded));
    }
  }

  /** A peer asked for catch-up: our latest checkpoint and the finalized chain after it. */
  public ChangeSet respond(NodeId requester, ConsensusNode node) {
    DurableStore.Checkpoint checkpoint = store.latest();
    CatchUpPackage cup = checkpoint == null ? ConsensusNode.genesis(config) : checkpoint.cup();
    byte[] encoded = checkpoint == null ? execution.genesisState().encode() : checkpoint.state();
    CatchUpResponse response = new CatchUpResponse(cup, encoded,
        node.finalizedBlocksAfter(cup.height()), node.finalizationsAfter(cup.height()),
        node.beaconsAfter(cup.height()));
    return ChangeSet.builder().send(requester, response.kind(), MessageCodec.encode(response))
        .build();
  }

  /**
   * A peer's catch-up response: its CUP is adopted if newer than {@code state}, signed by the
   * subnet, and its certified state checks out ({@code nodeFrom} makes the resumed node).
   */
  public Outcome adopt(NodeId from, CatchUpResponse c, ReplicatedState state,
      Function<CatchUpPackage, ConsensusNode> nodeFrom) {
    CatchUpPackage cup = c.cup();
    if (cup.height() <= state.height()) {
      return new Outcome(Optional.empty(), ChangeSet.EMPTY, false);
    }
    byte[] cupMessage = SignedMessages.cupMessage(cup.height(), cup.contentHash());
    CupCheck checked = check(cup, cupMessage, c.state());
    String refused = checked.refused();
    ConsensusNode restarted = null;
    if (refused == null) {
      try {
        restarted = nodeFrom.apply(cup);
      } catch (IllegalArgumentException e) {
        refused = e.getMessage(); // a malformed or incomplete DKG summary
      }
    }
    if (refused != null) {
      return new Outcome(Optional.empty(), ChangeSet.rejecting(from, "cup-response: catch-up "
          + "package at height " + cup.height() + " refused: " + refused), true);
    }
    recentStates.put(cup.height(), c.state());
    store.save(new DurableStore.Checkpoint(cup, c.state()));
    ChangeSet changes = ChangeSet.builder()
        .observe(new Observation.CombinedSignature(config.subnet(), "catch-up-package",
            cup.height(), Bytes.of(crypto.certificationPublicKey()), Bytes.of(cupMessage),
            Bytes.of(cup.signature())))
        .observe(new Observation.Metric("state_sync/" + config.subnet(), cup.height()))
        .build();
    return new Outcome(Optional.of(new Adopted(restarted, checked.state())), changes, false);
  }

  /** The finalized chain a peer sent after its CUP, ingested: its refused parts. */
  public ChangeSet chainRejections(ConsensusNode.IngestedChain chain) {
    ChangeSet.Builder b = ChangeSet.builder();
    for (Rejection rej : chain.rejections()) {
      b.reject(rej.sender(), "cup-response: " + rej.reason());
    }
    return b.build();
  }

  /** A peer's CUP checked: the state it brings, or why it is refused. */
  private record CupCheck(ReplicatedState state, String refused) {
    static CupCheck refuse(String why) {
      return new CupCheck(null, why);
    }
  }

  /**
   * Checks a peer's CUP and the state sent with it, cheapest first: the CUP is threshold-signed by
   * the subnet (n-f) as on the IC, its state root is certified, and the state decodes and hashes
   * to that root at that height.
   */
  private CupCheck check(CatchUpPackage cup, byte[] cupMessage, byte[] encodedState) {
    if (!cup.isSigned() || !crypto.verifyCertification(cupMessage, cup.signature())) {
      return CupCheck.refuse("not signed by the subnet");
    }
    if (!crypto.verifyCertification(SignedMessages.certificationMessage(cup.stateRoot()),
        cup.certification())) {
      return CupCheck.refuse("its state root is not certified");
    }
    ReplicatedState synced;
    try {
      synced = ReplicatedState.decode(encodedState);
    } catch (IllegalArgumentException e) {
      return CupCheck.refuse("the state sent with it is malformed");
    }
    if (synced.height() != cup.height() || !Arrays.equals(
        synced.certifiedTree(execution.registry()).digest(), cup.stateRoot())) {
      return CupCheck.refuse("the state sent with it is not the certified state");
    }
    return new CupCheck(synced, null);
  }
}
