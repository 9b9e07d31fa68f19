package dev.subnetsim.replica.components;

import dev.subnetsim.replica.cpu.CpuWork;
import dev.subnetsim.consensus.types.Rejection;
import dev.subnetsim.replica.wire.PeerMessage;
import dev.subnetsim.consensus.types.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.chainkey.presig.PresignatureDealer;
import dev.subnetsim.replica.chainkey.presig.RefillPolicy;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.testing.ReplicaStateFixture;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Presignature dealing: a signing subnet with empty stashes deals after its first block. */
class PresignatureDealingComponentTest {
  private final ReplicaStateFixture fx = ReplicaStateFixture.builder().name("refill").seed(31)
      .presignatures(1, 1, new RefillPolicy(false, 1)).build();
  private final List<NodeId> committee = fx.committee();
  private final ReplicatedState state = afterOneBlock();

  private ReplicatedState afterOneBlock() {
    fx.executeEmptyBlock();
    return fx.state();
  }

  private PresignatureDealingComponent node(int i, Set<ByzantineBehaviour> behaviours) {
    return new PresignatureDealingComponent(committee, new PresignatureDealer(i,
        fx.keys().publicKeys().signing().presignatures(), fx.keys().shares().get(i).signing(),
        fx.rng("dealer/" + i), false), ChangeSetDecorator.sending(behaviours), new CpuWork());
  }

  @Test
  void aDealerGossipsAndProposesTheDealingsItCanMake() {
    ChangeSet dealt = node(0, Set.of()).afterExecution(state);

    assertThat(dealt.messages()).isNotEmpty().allSatisfy(m -> {
      assertThat(m.kind()).isEqualTo(MessageKind.PRESIGNATURE_DEALING);
      assertThat(PayloadItem.decode(m.bytes())).isInstanceOf(PayloadItem.PresignatureDealing.class);
    });
    assertThat(dealt.toConsensus()).hasSameSizeAs(dealt.messages())
        .allSatisfy(i -> assertThat(i).isInstanceOf(ConsensusNode.IngressReceived.class));
    assertThat(dealt.rejections()).isEmpty();
  }

  @Test
  void aDealingRelayedByAnotherNodeOrMalformedIsBlamedOnItsSender() {
    byte[] ones = node(1, Set.of()).afterExecution(state).messages().get(0).bytes();
    PresignatureDealingComponent mine = node(0, Set.of());
    ReplicaView view = new ReplicaView(1, state);

    assertThat(mine.onDealing(committee.get(1), dealing(ones), view).toConsensus()).hasSize(1);
    assertThat(mine.onDealing(committee.get(2), dealing(ones), view).rejections()).containsExactly(
        new Rejection(committee.get(2), "presignature dealing of dealer 1 sent by node 2"));
    assertThat(PeerBodies.refusal(MessageKind.PRESIGNATURE_DEALING, new byte[] {1},
        PresignatureDealingComponent::malformed)).startsWith("malformed presignature dealing: ");
    assertThat(mine.onDealing(new NodeId(99), dealing(ones), view).isEmpty()).isTrue();
  }

  @Test
  void everyReceiverOfOneBroadcastProposesTheGossipedBytesThemselvesNotACopy() {
    byte[] body = node(1, Set.of()).afterExecution(state).messages().get(0).bytes();
    PeerMessage.PresignatureDealing received = dealing(body);
    ReplicaView view = new ReplicaView(1, state);

    assertThat(received.body()).isSameAs(body);
    for (int receiver : List.of(0, 2)) {
      var proposed = node(receiver, Set.of()).onDealing(committee.get(1), received, view)
          .toConsensus();
      assertThat(proposed).singleElement().isInstanceOfSatisfying(
          ConsensusNode.IngressReceived.class, i -> assertThat(i.message()).isSameAs(body));
    }
  }

  @Test
  void aWithholdingDealerProposesItsDealingsButSendsNone() {
    ChangeSet dealt = node(0, Set.of(ByzantineBehaviour.WITHHOLDING)).afterExecution(state);

    assertThat(dealt.messages()).isEmpty();
    assertThat(dealt.toConsensus()).isNotEmpty();
  }

  private static PeerMessage.PresignatureDealing dealing(byte[] body) {
    return PeerBodies.decoded(MessageKind.PRESIGNATURE_DEALING, body,
        PeerMessage.PresignatureDealing.class);
  }
}
