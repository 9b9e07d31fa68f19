package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.Rejection;
import dev.subnetsim.consensus.types.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.SignatureScheme;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.wire.PeerMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngressComponentTest {
  private static final long S = 1_000_000_000L;
  private static final LoadClient LOAD = LoadClient.fromSeed(5);
  private static final NodeId RELAY = new NodeId(3);
  private final IngressComponent ingress = new IngressComponent(new SubnetId("app"),
      LOAD.verifier());
  private final byte[] signed = LOAD.sign(PayloadItem.Workload.counter(1, 0)).encode();
  private final byte[] forged = LoadClient.fromSeed(6).sign(PayloadItem.Workload.counter(1, 0))
      .encode();
  private final ReplicaView view = new ReplicaView(1, new ReplicatedState());

  @Test
  void anAdmittedClientMessageEntersThePoolAndIsRelayedToThePeers() {
    ChangeSet c = ingress.submitted(signed, 1);

    assertThat(c.messages()).singleElement().isInstanceOfSatisfying(ChangeSet.Broadcast.class,
        b -> {
          assertThat(b.kind()).isEqualTo(MessageKind.INGRESS);
          assertThat(b.bytes()).isEqualTo(signed);
        });
    assertThat(c.toConsensus()).singleElement().isInstanceOf(ConsensusNode.IngressReceived.class);
  }

  @Test
  void aRefusedClientMessageIsOnlyCountedNeitherPooledNorSent() {
    ingress.submitted(forged, 1);
    ChangeSet second = ingress.submitted(forged, 1);

    assertThat(second.messages()).isEmpty();
    assertThat(second.toConsensus()).isEmpty();
    assertThat(second.observations()).containsExactly(
        new Observation.Metric("ingress_refused/app", 2));
  }

  @Test
  void aForgedRelayedMessageIsRejectedAndAttributedToTheRelay() {
    assertThat(ingress.onRelayed(RELAY, relayed(signed), view).toConsensus()).hasSize(1);
    ChangeSet c = ingress.onRelayed(RELAY, relayed(forged), view);

    assertThat(c.toConsensus()).isEmpty();
    assertThat(c.rejections()).containsExactly(new Rejection(RELAY,
        "relayed load not signed by the load client"));
  }

  /** A user's signed update call expiring at {@code expiry}. */
  private static byte[] call(long expiry) {
    UserKeyPair user = UserKeyPair.generate(SignatureScheme.ED25519, SeededRandom.fromSeed(8));
    return new PayloadItem.Ingress(user.sign(new IngressMessage(user.principal(),
        new CanisterId(0).toBytes(), "inc", new byte[0], expiry, new byte[8]))).encode();
  }

  @Test
  void aRelayedCallThatExpiredByOurClockIsDroppedWithoutBlamingTheRelay() {
    byte[] expiring = call(10 * S);
    assertThat(ingress.onRelayed(RELAY, relayed(expiring), new ReplicaView(S, view.state()))
        .toConsensus()).hasSize(1);

    ChangeSet late = ingress.onRelayed(RELAY, relayed(expiring), new ReplicaView(11 * S, view.state()));

    assertThat(late.isEmpty()).isTrue();
  }

  @Test
  void malformedRelayedBytesAreBlamedOnTheRelay() {
    // Refused at routing, worded as the component words it.
    assertThat(PeerBodies.refusal(MessageKind.INGRESS, new byte[] {0x7f, 1},
        IngressComponent::malformed)).startsWith("relayed malformed ingress: ");
  }

  @Test
  void aClientMayNotSubmitAPayloadItemOnlyReplicasMake() {
    byte[] response = new PayloadItem.ChainKeyResponse(1, new java.util.TreeMap<>()).encode();

    ChangeSet c = ingress.submitted(response, 1);

    assertThat(c.messages()).isEmpty();
    assertThat(c.toConsensus()).isEmpty();
    assertThat(PeerBodies.refusal(MessageKind.INGRESS, response, IngressComponent::malformed))
        .isEqualTo("relayed a client may not submit a ChainKeyResponse payload item");
  }

  @Test
  void anAdmittedRelayedMessageGoesToThePoolAsTheBytesItArrivedAs() {
    for (byte[] body : List.of(signed, call(10 * S))) {
      PeerMessage.Ingress m = relayed(body);

      ChangeSet c = ingress.onRelayed(RELAY, m, view);

      assertThat(c.toConsensus()).singleElement().isInstanceOfSatisfying(
          ConsensusNode.IngressReceived.class, r -> {
            assertThat(r.message()).isEqualTo(body);
            // The decoded record's own bytes, handed on without a re-encoding.
            assertThat(r.message()).isSameAs(m.body());
          });
    }
  }

  @Test
  void aRelayedItemInANonCanonicalEncodingIsRefusedAndBlamedOnTheRelay() {
    // The same item with its length written as an over-long varint: it parses, but is not the
    // item's one encoding, and an item's bytes are its identity.
    assertThat(signed[1]).as("the item's length fits one varint byte").isNotNegative();
    byte[] padded = new byte[signed.length + 1];
    padded[0] = signed[0];
    padded[1] = (byte) (signed[1] | 0x80);
    padded[2] = 0;
    System.arraycopy(signed, 2, padded, 3, signed.length - 2);

    assertThat(PeerBodies.refusal(MessageKind.INGRESS, padded, IngressComponent::malformed))
        .startsWith("relayed malformed ingress: ").contains("canonical");
  }

  private static PeerMessage.Ingress relayed(byte[] body) {
    return PeerBodies.decoded(MessageKind.INGRESS, body, PeerMessage.Ingress.class);
  }
}
