package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.Rejection;
import dev.subnetsim.consensus.types.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.wire.MalformedMessageException;
import dev.subnetsim.consensus.wire.MessageCodec;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.GenesisKeys;
import dev.subnetsim.consensus.crypto.VerificationCache;
import dev.subnetsim.consensus.roles.Changes;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.wire.MalformedPeerMessageException;
import dev.subnetsim.replica.wire.PeerMessage;
import dev.subnetsim.replica.wire.WireCodecs;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConsensusComponentTest {
  private static final List<NodeId> COMMITTEE = IntStream.range(0, 4).mapToObj(NodeId::new)
      .toList();
  private static final ConsensusConfig CONFIG = ConsensusConfig.defaults(new SubnetId("s"),
      COMMITTEE);
  private static final GenesisKeys KEYS = GenesisKeys.generate("s", 4, SeededRandom.fromSeed(41));

  private final ConsensusComponent consensus = new ConsensusComponent(CONFIG, COMMITTEE.get(0),
      KEYS.secrets().get(0), new ConsensusCrypto(KEYS.publicKeys(), VerificationCache.disabled()),
      Set.of());

  @Test
  void aPeersDecodedConsensusMessageIsTheConsensusNodesInput() {
    ConsensusMessage.BeaconShare share = new ConsensusMessage.BeaconShare(3, 2, new byte[48]);
    ChangeSet c = consensus.onMessage(COMMITTEE.get(3), new PeerMessage.Consensus(share), null);

    assertThat(c.toConsensus()).singleElement().isInstanceOfSatisfying(
        ConsensusNode.Received.class, r -> {
          assertThat(r.from()).isEqualTo(COMMITTEE.get(3));
          assertThat(r.message()).isSameAs(share);
        });
  }

  @Test
  void aConsensusBodyThatDoesNotDecodeIsRefusedByTheNodeForTheCodecsReason() {
    byte[] garbage = {(byte) 0xff, (byte) 0xff, 0x01};
    String codecSays = catchThrowableOfType(() -> MessageCodec.decode(garbage),
        MalformedMessageException.class).getMessage();
    ChangeSet c = ConsensusComponent.malformed(COMMITTEE.get(2), catchThrowableOfType(
        () -> WireCodecs.decode(MessageKind.NOTARIZATION, garbage),
        MalformedPeerMessageException.class));

    // Not a rejection of the routes: the node records it among its own, in arrival order.
    assertThat(c.rejections()).isEmpty();
    assertThat(c.toConsensus()).containsExactly(
        new ConsensusNode.Malformed(COMMITTEE.get(2), codecSays));
    ConsensusNode.StepResult r = consensus.node().step(0, c.toConsensus());
    assertThat(r.rejections()).containsExactly(new Rejection(COMMITTEE.get(2),
        "malformed message: " + codecSays));
  }

  @Test
  void aStepsMessagesRejectionsAndCombinedArtifactsBecomeOneChangeSet() {
    ConsensusNode.StepResult r = new ConsensusNode.StepResult(
        List.of(new ConsensusNode.Message(null, MessageKind.BEACON_SHARE, new byte[] {1}),
            new ConsensusNode.Message(COMMITTEE.get(2), MessageKind.CUP_RESPONSE, new byte[] {2})),
        List.of(), List.of(new Rejection(COMMITTEE.get(1), "bad notarization share")),
        List.of(), List.of(), List.of(), List.of(),
        List.of(new Changes.CombinedArtifact("notarization", 3, new byte[] {4}, new byte[] {5},
            new byte[] {6})), Long.MAX_VALUE);

    ChangeSet c = consensus.effects(r);

    assertThat(c.messages()).hasSize(2);
    assertThat(c.messages().get(0)).isInstanceOf(ChangeSet.Broadcast.class);
    assertThat(c.messages().get(1)).isInstanceOfSatisfying(ChangeSet.Unicast.class,
            u -> assertThat(u.to()).isEqualTo(COMMITTEE.get(2)));
    assertThat(c.rejections()).containsExactly(new Rejection(COMMITTEE.get(1),
        "bad notarization share"));
    assertThat(c.observations()).singleElement().isInstanceOfSatisfying(
        Observation.CombinedSignature.class, s -> assertThat(s.height()).isEqualTo(3));
    assertThat(consensus.equivocations(r).isEmpty()).isTrue();
  }

  @Test
  void aNodeMadeFromACupIsInUseOnlyOnceResumed() {
    ConsensusNode before = consensus.node();
    ConsensusNode fresh = consensus.nodeFrom(ConsensusNode.genesis(CONFIG));
    assertThat(consensus.node()).isSameAs(before);
    consensus.resume(fresh);
    assertThat(consensus.node()).isSameAs(fresh);
  }
}
