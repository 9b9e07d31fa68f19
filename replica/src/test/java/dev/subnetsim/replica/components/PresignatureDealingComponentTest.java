package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.canisters.ChainKeyProxyCanister;
import dev.subnetsim.replica.canisters.KeyValueCanister;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.presig.PresignatureDealer;
import dev.subnetsim.replica.chainkey.presig.RefillPolicy;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.xnet.RoutingTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Presignature dealing: a signing subnet with empty stashes deals after its first block. */
class PresignatureDealingComponentTest {
  private static final int N = 4;
  private static final SeededRandom RNG = SeededRandom.fromSeed(31);
  private static final ChainKeyGenesis KEYS = ChainKeyGenesis.generate("refill", N, 1, 1,
      new RefillPolicy(false, 1), RNG.fork("keys"));
  private static final List<NodeId> COMMITTEE = IntStream.range(0, N).mapToObj(NodeId::new)
      .toList();

  private final SubnetExecution subnet = new SubnetExecution("refill",
      RoutingTable.single("refill", true), Map.of(KeyValueCanister.NAME, new KeyValueCanister(),
          ChainKeyProxyCanister.NAME, new ChainKeyProxyCanister()),
      Map.of(SubnetExecution.COUNTER, KeyValueCanister.NAME, SubnetExecution.CHAIN_KEY_PROXY,
          ChainKeyProxyCanister.NAME), Optional.of(KEYS), 8, RNG.fork("workers"), slice -> false);
  private final ReplicatedState state = afterOneBlock();

  private ReplicatedState afterOneBlock() {
    ReplicatedState s = subnet.genesisState();
    subnet.executor().execute(s, 1, 1, new byte[32], List.of());
    return s;
  }

  private PresignatureDealingComponent node(int i, Set<ByzantineBehaviour> behaviours) {
    return new PresignatureDealingComponent(COMMITTEE, new PresignatureDealer(i,
        KEYS.publicKeys().signing().presignatures(), KEYS.shares().get(i).signing(),
        RNG.fork("dealer/" + i), false), ChangeSetDecorator.sending(behaviours));
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

    assertThat(mine.onDealing(COMMITTEE.get(1), ones, view).toConsensus()).hasSize(1);
    assertThat(mine.onDealing(COMMITTEE.get(2), ones, view).rejections()).containsExactly(
        new Rejection(COMMITTEE.get(2), "presignature dealing of dealer 1 sent by node 2"));
    assertThat(mine.onDealing(COMMITTEE.get(3), new byte[] {1}, view).rejections())
        .singleElement().satisfies(r -> assertThat(r.sender()).isEqualTo(COMMITTEE.get(3)));
    assertThat(mine.onDealing(new NodeId(99), ones, view).isEmpty()).isTrue();
  }

  @Test
  void aWithholdingDealerProposesItsDealingsButSendsNone() {
    ChangeSet dealt = node(0, Set.of(ByzantineBehaviour.WITHHOLDING)).afterExecution(state);

    assertThat(dealt.messages()).isEmpty();
    assertThat(dealt.toConsensus()).isNotEmpty();
  }
}
