package dev.subnetsim.replica.components;

import dev.subnetsim.replica.cpu.CpuWork;
import dev.subnetsim.consensus.types.Rejection;
import dev.subnetsim.replica.wire.PeerMessage;
import dev.subnetsim.consensus.types.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.reshare.NodeEncryptionKeys;
import dev.subnetsim.replica.chainkey.reshare.ReshareContext;
import dev.subnetsim.replica.chainkey.reshare.ReshareDealer;
import dev.subnetsim.replica.chainkey.reshare.ReshareKey;
import dev.subnetsim.replica.chainkey.reshare.ReshareSchedule;
import dev.subnetsim.replica.chainkey.reshare.ReshareSchedule.Reshare;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A reshare source's dealing component: deals at the reshare's time, checks peers' dealings. */
class ReshareDealingComponentTest {
  private static final long S = 1_000_000_000L;
  private static final SeededRandom RNG = SeededRandom.fromSeed(29);
  private static final ChainKeyGenesis ROOT = ChainKeyGenesis.generate("root", 4, 0, 0,
      RNG.fork("root"));
  private static final Reshare RESHARE = new Reshare(0, 5 * S, "root", "signing",
      List.of(ReshareKey.VETKD));
  private static final ReshareContext CONTEXT = new ReshareContext(
      new ReshareSchedule(List.of(RESHARE)), Map.of("root", ROOT),
      Map.of("signing", new NodeEncryptionKeys(NodeEncryptionKeys.generate(4, RNG.fork("enc")))));
  private static final List<NodeId> COMMITTEE = IntStream.range(0, 4).mapToObj(NodeId::new)
      .toList();

  private static ReshareDealingComponent node(int i, Set<ByzantineBehaviour> behaviours) {
    return new ReshareDealingComponent(COMMITTEE, new ReshareDealer(i, "root", CONTEXT,
        () -> java.util.Optional.of(ROOT.shares().get(i)), RNG.fork("dealer/" + i),
        behaviours.contains(ByzantineBehaviour.BAD_DEALINGS)),
        ChangeSetDecorator.sending(behaviours), new CpuWork());
  }

  private static ReplicatedState rootAt(long time) {
    ReplicatedState s = new ReplicatedState();
    s.advance(1, time);
    return s;
  }

  @Test
  void atTheReshareTimeADealerGossipsAndProposesItsDealingOnce() {
    ReshareDealingComponent dealer = node(0, Set.of());
    assertThat(dealer.afterExecution(rootAt(4 * S)).isEmpty()).isTrue();

    ChangeSet dealt = dealer.afterExecution(rootAt(5 * S));

    assertThat(dealt.messages()).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(MessageKind.RESHARE_DEALING);
      assertThat(PayloadItem.decode(m.bytes())).isInstanceOf(PayloadItem.ReshareDealing.class);
    });
    assertThat(dealt.toConsensus()).singleElement()
        .isInstanceOfSatisfying(ConsensusNode.IngressReceived.class,
            p -> assertThat(p.message()).isEqualTo(dealt.messages().get(0).bytes()));
    assertThat(dealer.afterExecution(rootAt(6 * S)).isEmpty()).isTrue();
  }

  @Test
  void aPeersValidDealingIsProposedAndABadOneRejectedWithItsSender() {
    ReplicaView view = new ReplicaView(5 * S, rootAt(5 * S));
    byte[] good = node(1, Set.of()).afterExecution(rootAt(5 * S)).messages().get(0).bytes();
    byte[] bad = node(2, Set.of(ByzantineBehaviour.BAD_DEALINGS)).afterExecution(rootAt(5 * S))
        .messages().get(0).bytes();
    ReshareDealingComponent mine = node(0, Set.of());

    assertThat(mine.onDealing(COMMITTEE.get(1), dealing(good), view).toConsensus()).hasSize(1);
    ChangeSet refused = mine.onDealing(COMMITTEE.get(2), dealing(bad), view);
    assertThat(refused.toConsensus()).isEmpty();
    assertThat(refused.rejections()).singleElement().satisfies(r -> {
      assertThat(r.sender()).isEqualTo(COMMITTEE.get(2));
      assertThat(r.reason()).contains("dealer 2");
    });
    assertThat(mine.onDealing(COMMITTEE.get(3), dealing(good), view).rejections()).containsExactly(
        new Rejection(COMMITTEE.get(3), "resharing dealing of dealer 1 sent by node 3"));
    assertThat(mine.onDealing(new NodeId(99), dealing(good), view).isEmpty()).isTrue();    assertThat(PeerBodies.refusal(MessageKind.RESHARE_DEALING, new byte[] {1},
        ReshareDealingComponent::malformed)).startsWith("malformed resharing dealing: ");
    assertThat(PeerBodies.refusal(MessageKind.RESHARE_DEALING, new PayloadItem.Workload(1, 2, 0,
        "increment", new byte[0]).encode(), ReshareDealingComponent::malformed))
        .isEqualTo("gossiped resharing dealing is another payload item");
  }

  @Test
  void aWithholdingDealerProposesButSendsNothing() {
    ChangeSet dealt = node(0, Set.of(ByzantineBehaviour.WITHHOLDING))
        .afterExecution(rootAt(5 * S));

    assertThat(dealt.messages()).isEmpty();
    assertThat(dealt.toConsensus()).hasSize(1);
  }

  private static PeerMessage.ReshareDealing dealing(byte[] body) {
    return PeerBodies.decoded(MessageKind.RESHARE_DEALING, body, PeerMessage.ReshareDealing.class);
  }
}
