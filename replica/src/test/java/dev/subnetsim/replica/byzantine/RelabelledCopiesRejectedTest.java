package dev.subnetsim.replica.byzantine;

import static dev.subnetsim.replica.byzantine.RelabelledFixtures.S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpResponse;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.consensus.wire.MessageCodec;
import dev.subnetsim.replica.components.CatchUpComponent;
import dev.subnetsim.replica.components.ChangeSet;
import dev.subnetsim.replica.components.IngressComponent;
import dev.subnetsim.replica.components.ReplicaView;
import dev.subnetsim.replica.consensus.DurableStore;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.query.RootDelegation;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.wire.MalformedPeerMessageException;
import dev.subnetsim.replica.wire.PeerMessage;
import dev.subnetsim.replica.wire.WireCodecs;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What honest receivers make of an {@code arbitrary} node's relabelled copies: each family is
 * refused and the refusal names the sender (or, for ingress past its expiry by the receiver's
 * clock, dropped unpooled without blame), while the genuine message passes the same check.
 */
class RelabelledCopiesRejectedTest {
  private static final NodeId LIAR = new NodeId(2);
  private final SeededRandom random = SeededRandom.fromSeed(77);

  private byte[] lie(MessageKind kind, byte[] honest) {
    return Relabelling.of(kind, honest, random).orElseThrow();
  }

  /** The liar relays {@code body}: decoded as the routes decode it, refused as they refuse it. */
  private static ChangeSet relay(IngressComponent ingress, byte[] body, ReplicaView view) {
    PeerMessage m;
    try {
      m = WireCodecs.decode(MessageKind.INGRESS, body);
    } catch (MalformedPeerMessageException e) {
      return ChangeSet.rejecting(LIAR, IngressComponent.malformed(e));
    }
    return ingress.onRelayed(LIAR, (PeerMessage.Ingress) m, view);
  }

  @Test
  void relabelledIngressNeverEntersThePoolAndIsBlamedOnTheRelay() {
    IngressComponent ingress = new IngressComponent(new SubnetId("app"),
        RelabelledFixtures.LOAD.verifier());
    ReplicaView view = new ReplicaView(S, new ReplicatedState());
    byte[] load = RelabelledFixtures.LOAD.sign(PayloadItem.Workload.counter(1, 0)).encode();
    byte[] call = new PayloadItem.Ingress(RelabelledFixtures.call()).encode();
    assertThat(relay(ingress, load, view).toConsensus()).hasSize(1);
    assertThat(relay(ingress, call, view).toConsensus()).hasSize(1);

    int blamed = 0;
    for (int i = 0; i < 60; i++) {
      ChangeSet c = relay(ingress, lie(MessageKind.INGRESS, i % 2 == 0 ? load : call), view);
      assertThat(c.toConsensus()).isEmpty();
      assertThat(c.rejections()).allSatisfy(r -> assertThat(r.sender()).isEqualTo(LIAR));
      blamed += c.rejections().size();
    }
    assertThat(blamed).isGreaterThan(40);
  }

  @Test
  void aRelabelledCatchUpPackageIsRefusedAsNotSignedByTheSubnetAndBlamedOnItsSender() {
    CatchUpResponse honest = RelabelledFixtures.signedCupResponse(100);
    assertThat(RelabelledFixtures.CRYPTO.verifyCertification(SignedMessages.cupMessage(100,
        honest.cup().contentHash()), honest.cup().signature())).isTrue();
    ConsensusConfig config = ConsensusConfig.defaults(new SubnetId("s"),
        IntStream.range(0, 4).mapToObj(NodeId::new).toList());
    SubnetExecution subnet = SubnetExecution.defaults("s", 4, false, SeededRandom.fromSeed(38));
    DurableStore store = new DurableStore();
    CatchUpComponent catchUp = new CatchUpComponent(config, RelabelledFixtures.CRYPTO, store,
        subnet);

    for (int i = 0; i < 10; i++) {
      var relabelled = (CatchUpResponse) MessageCodec.decode(lie(MessageKind.CUP_RESPONSE,
          MessageCodec.encode(honest)));
      CatchUpComponent.Outcome o = catchUp.adopt(LIAR, relabelled, subnet.genesisState(),
          cup -> fail("a refused CUP makes no consensus node"));

      assertThat(o.refused()).isTrue();
      assertThat(o.adopted()).isEmpty();
      assertThat(o.changes().rejections()).singleElement().satisfies(r -> {
        assertThat(r.sender()).isEqualTo(LIAR);
        assertThat(r.reason()).contains("at height " + relabelled.cup().height())
            .endsWith("not signed by the subnet");
      });
    }
    assertThat(store.latest()).isNull();
  }

  @Test
  void aRelabelledRootDelegationIsRefusedWhileTheGenuineOneIsKept() {
    byte[] honest = RelabelledFixtures.appDelegation();
    for (int i = 0; i < 10; i++) {
      RootDelegation app = new RootDelegation(RelabelledFixtures.APP,
          RelabelledFixtures.REGISTRY, List.of(new NodeId(0)), RelabelledFixtures.CHECK, 0);
      assertThat(app.accept(lie(MessageKind.DELEGATION, honest)))
          .isEqualTo("the delegation certificate is not signed by the root subnet");
      assertThat(app.held()).isEmpty();
      assertThat(app.accept(honest)).isNull();
      assertThat(app.held()).isPresent();
    }
  }
}
