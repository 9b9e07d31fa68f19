package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.Rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.chainkey.ChainKeyShareMessage;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.testing.ReplicaStateFixture;
import dev.subnetsim.replica.wire.PeerMessage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Four replicas' signing components on one executed state holding a pending vetKD request: shares
 * are gossiped, verified and combined into a payload item; refused shares are attributed to the
 * node that sent them; cheating and withholding are decorators over the honest change sets.
 */
class ChainKeySigningComponentTest {
  private static final int N = 4;

  private final ReplicaStateFixture fx = ReplicaStateFixture.signingSubnet(N, 23);
  private final List<NodeId> committee = fx.committee();
  private final ReplicatedState state = withPendingVetKdRequest();
  private final int threshold = fx.threshold("vetkd_derive_key");

  private ReplicatedState withPendingVetKdRequest() {
    assertThat(fx.executeCalls(fx.vetKdRequest(new byte[] {1}))).hasSize(1);
    return fx.state();
  }

  private ChainKeySigningComponent node(int i, Set<ByzantineBehaviour> behaviours) {
    return new ChainKeySigningComponent(committee, fx.name(), fx.worker(i),
        ChangeSetDecorator.chainKeyShares(behaviours), ChangeSetDecorator.sending(behaviours));
  }

  private ReplicaView view() {
    return new ReplicaView(2, state);
  }

  @Test
  void sharesAreGossipedVerifiedAndCombinedIntoAPayloadItemAtTheThreshold() {
    ChainKeySigningComponent mine = node(0, Set.of());
    ChangeSet own = mine.afterExecution(state);
    assertThat(own.messages()).singleElement().satisfies(m -> {
      assertThat(m).isInstanceOf(ChangeSet.Broadcast.class);
      assertThat(ChainKeyShareMessage.decode(m.bytes()).signer()).isZero();
    });
    assertThat(own.rejections()).isEmpty();

    ChangeSet last = ChangeSet.EMPTY;
    for (int i = 1; i < threshold; i++) {
      byte[] share = node(i, Set.of()).afterExecution(state).messages().get(0).bytes();
      last = mine.onShare(committee.get(i), share(share), view());
    }
    assertThat(last.rejections()).isEmpty();
    assertThat(last.toConsensus()).singleElement()
        .isInstanceOfSatisfying(ConsensusNode.IngressReceived.class, p -> assertThat(
            PayloadItem.decode(p.message())).isInstanceOf(PayloadItem.ChainKeyResponse.class));
  }

  @Test
  void anInvalidShareIsRejectedWithItsSignerAndTheCheatRejectsItsOwnToo() {
    ChangeSet cheat = node(1, Set.of(ByzantineBehaviour.INVALID_CHAIN_KEY_SHARES))
        .afterExecution(state);
    assertThat(cheat.rejections()).singleElement().satisfies(r -> assertThat(r.sender())
        .isEqualTo(committee.get(1)));

    ChangeSet received = node(0, Set.of()).onShare(committee.get(1),
        share(cheat.messages().get(0).bytes()), view());

    assertThat(received.rejections()).singleElement().satisfies(r -> {
      assertThat(r.sender()).isEqualTo(committee.get(1));
      assertThat(r.reason()).startsWith("invalid vetkd_derive_key share of node 1");
    });
    assertThat(received.toConsensus()).isEmpty();
  }

  @Test
  void aShareClaimingAnotherSignerOrMalformedIsAttributedToItsSender() {
    ChainKeySigningComponent mine = node(0, Set.of());
    byte[] twos = node(2, Set.of()).afterExecution(state).messages().get(0).bytes();

    assertThat(mine.onShare(committee.get(3), share(twos), view()).rejections()).containsExactly(
        new Rejection(committee.get(3), "chain-key share claims signer index 2 of another node"));
    // Worded as the share's own decoder words it (the routes refuse it before the component).
    String why = PeerBodies.refusal(MessageKind.CHAINKEY_SHARE, new byte[5],
        ChainKeySigningComponent::malformed);
    assertThatThrownBy(() -> ChainKeyShareMessage.decode(new byte[5])).hasMessage(why);
  }

  @Test
  void aWithholdingNodeSendsNothingButStillCountsItsOwnShare() {
    ChainKeySigningComponent withholding = node(0, Set.of(ByzantineBehaviour.WITHHOLDING));
    assertThat(withholding.afterExecution(state).messages()).isEmpty();

    ChangeSet last = ChangeSet.EMPTY;
    for (int i = 1; i < threshold; i++) {
      last = withholding.onShare(committee.get(i),
          share(node(i, Set.of()).afterExecution(state).messages().get(0).bytes()), view());
    }
    assertThat(last.toConsensus()).hasSize(1);
  }

  @Test
  void aReplicaWithoutKeysIgnoresShares() {
    ChainKeySigningComponent keyless = new ChainKeySigningComponent(committee, "keys", null,
        ChangeSetDecorator.HONEST, ChangeSetDecorator.HONEST);
    byte[] share = node(1, Set.of()).afterExecution(state).messages().get(0).bytes();
    assertThat(keyless.onShare(committee.get(1), share(share), view()).isEmpty()).isTrue();
    assertThat(keyless.afterExecution(state).isEmpty()).isTrue();
  }

  private static PeerMessage.ChainKeyShare share(byte[] body) {
    return PeerBodies.decoded(MessageKind.CHAINKEY_SHARE, body, PeerMessage.ChainKeyShare.class);
  }
}
