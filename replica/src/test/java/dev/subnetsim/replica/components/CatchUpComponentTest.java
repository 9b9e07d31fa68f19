package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.Rejection;
import dev.subnetsim.consensus.types.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpResponse;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.GenesisKeys;
import dev.subnetsim.consensus.crypto.VerificationCache;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.consensus.wire.MessageCodec;
import dev.subnetsim.replica.consensus.DurableStore;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Checkpoints on the replica's disk, answers to catch-up requests, and refused CUPs. */
class CatchUpComponentTest {
  private static final List<NodeId> COMMITTEE = IntStream.range(0, 4).mapToObj(NodeId::new)
      .toList();
  private static final ConsensusConfig CONFIG = ConsensusConfig.defaults(new SubnetId("s"),
      COMMITTEE);
  private static final GenesisKeys KEYS = GenesisKeys.generate("s", 4, SeededRandom.fromSeed(37));
  private static final NodeId PEER = COMMITTEE.get(2);

  private final ConsensusCrypto crypto = new ConsensusCrypto(KEYS.publicKeys(),
      VerificationCache.disabled());
  private final SubnetExecution subnet = SubnetExecution.defaults("s", 4, false,
      SeededRandom.fromSeed(38));
  private final DurableStore store = new DurableStore();
  private final CatchUpComponent catchUp = new CatchUpComponent(CONFIG, crypto, store, subnet);

  private static CatchUpPackage cupAt(long height) {
    return new CatchUpPackage(height, new byte[32], new byte[32], new byte[32], new byte[0]);
  }

  @Test
  void anUnsignedCupAboveOurStateIsRefusedAndAttributedToThePeerThatSentIt() {
    ReplicatedState state = subnet.genesisState();
    CatchUpResponse response = new CatchUpResponse(cupAt(20), state.encode(), List.of(),
        List.of(), List.of());

    CatchUpComponent.Outcome o = catchUp.adopt(PEER, response, state,
        cup -> fail("a refused CUP makes no consensus node"));

    assertThat(o.refused()).isTrue();
    assertThat(o.adopted()).isEmpty();
    assertThat(o.changes().rejections()).containsExactly(new Rejection(PEER,
        "cup-response: catch-up package at height 20 refused: not signed by the subnet"));
    assertThat(store.latest()).isNull();
  }

  @Test
  void aCupNotAboveOurStateIsNotCheckedAndItsChainStillIngested() {
    ReplicatedState state = subnet.genesisState();
    CatchUpComponent.Outcome o = catchUp.adopt(PEER, new CatchUpResponse(cupAt(0),
        new byte[] {1}, List.of(), List.of(), List.of()), state, cup -> fail("not adopted"));

    assertThat(o.refused()).isFalse();
    assertThat(o.adopted()).isEmpty();
    assertThat(o.changes().isEmpty()).isTrue();
  }

  @Test
  void onlyStatesAtCupHeightsAreCheckpointedOnceTheirCupExists() {
    ReplicatedState state = subnet.genesisState();
    catchUp.executed(CONFIG.cupInterval() + 1, state);
    catchUp.saveCheckpoint(cupAt(CONFIG.cupInterval() + 1));
    assertThat(store.latest()).isNull();

    catchUp.executed(CONFIG.cupInterval(), state);
    catchUp.saveCheckpoint(cupAt(CONFIG.cupInterval()));

    assertThat(store.latest().cup().height()).isEqualTo(CONFIG.cupInterval());
    assertThat(store.latest().state()).isEqualTo(state.encode());
    assertThat(catchUp.resume()).hasValueSatisfying(c -> assertThat(c.cup().height())
        .isEqualTo(CONFIG.cupInterval()));
  }

  @Test
  void aCatchUpRequestIsAnsweredToTheRequesterWithTheLatestCheckpoint() {
    ConsensusNode node = new ConsensusNode(CONFIG, COMMITTEE.get(0), KEYS.secrets().get(0),
        crypto, ConsensusNode.genesis(CONFIG), Set.of());
    assertThat(MessageCodec.decode(catchUp.respond(PEER, node).messages().get(0).bytes()))
        .isInstanceOfSatisfying(CatchUpResponse.class, r -> assertThat(r.height()).isZero());
    catchUp.executed(CONFIG.cupInterval(), subnet.genesisState());
    catchUp.saveCheckpoint(cupAt(CONFIG.cupInterval()));

    ChangeSet answer = catchUp.respond(PEER, node);

    assertThat(answer.messages()).singleElement().isInstanceOfSatisfying(ChangeSet.Unicast.class,
        u -> {
          assertThat(u.to()).isEqualTo(PEER);
          assertThat(u.kind()).isEqualTo(MessageKind.CUP_RESPONSE);
          assertThat(MessageCodec.decode(u.bytes())).isInstanceOfSatisfying(
              CatchUpResponse.class, r -> assertThat(r.height()).isEqualTo(CONFIG.cupInterval()));
        });
  }

  @Test
  void aRestartAsksEveryPeerForNewerCups() {
    assertThat(catchUp.askPeers(7).messages()).singleElement()
        .isInstanceOfSatisfying(ChangeSet.Broadcast.class,
            b -> assertThat(b.kind()).isEqualTo(MessageKind.CUP_REQUEST));
  }
}
