package dev.subnetsim.replica.byzantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.certification.CanisterRanges;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.LookupResult;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpResponse;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.wire.MessageCodec;
import dev.subnetsim.replica.chainkey.ChainKeyShareMessage;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.xnet.XNetSlice;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RelabellingTest {
  private final SeededRandom random = SeededRandom.fromSeed(12);

  @Test
  void aChainKeyShareKeepsItsShareButMovesToAnotherRequestOrSigner() {
    ChainKeyShareMessage honest = new ChainKeyShareMessage(100, 2, new byte[] {9, 9, 9});
    int moved = 0;
    for (int i = 0; i < 50; i++) {
      ChainKeyShareMessage lie = ChainKeyShareMessage.decode(Relabelling.of(
          MessageKind.CHAINKEY_SHARE, honest.encode(), random).orElseThrow());
      assertThat(lie.share()).containsExactly(9, 9, 9);
      if (lie.requestId() != honest.requestId() || lie.signer() != honest.signer()) {
        moved++;
      }
    }
    assertThat(moved).isGreaterThan(30);
  }

  @Test
  void dealingsAndSlicesKeepTheirContentUnderAnotherLabel() {
    byte[] dealing = new PayloadItem.ReshareDealing(0, "vetkd", 3, new byte[] {7}).encode();
    byte[] slice = new PayloadItem.XNet(new XNetSlice("app", 5, new byte[] {1}, new byte[] {2}))
        .encode();
    for (int i = 0; i < 20; i++) {
      var d = (PayloadItem.ReshareDealing) PayloadItem.decode(
          Relabelling.of(MessageKind.RESHARE_DEALING, dealing, random).orElseThrow());
      assertThat(d.dealing()).containsExactly(7);
      var s = ((PayloadItem.XNet) PayloadItem.decode(
          Relabelling.of(MessageKind.XNET_SLICE, slice, random).orElseThrow())).slice();
      assertThat(s.witness()).containsExactly(2);
      assertThat(s.signature()).containsExactly(1);
    }
  }

  @Test
  void garbageOrKindsWithoutATypedLabelAreLeftToTheByteLevelMenu() {
    assertThat(Relabelling.of(MessageKind.RESHARE_DEALING, new byte[] {1, 2}, random)).isEmpty();
    assertThat(Relabelling.of(MessageKind.NOTARIZATION_SHARE, new byte[] {1, 2}, random)).isEmpty();
    for (MessageKind kind : List.of(MessageKind.INGRESS, MessageKind.CUP_RESPONSE,
        MessageKind.DELEGATION)) {
      assertThat(Relabelling.of(kind, new byte[] {1, 2}, random)).as(kind.toString()).isEmpty();
    }
    assertThat(Relabelling.of(MessageKind.DELEGATION_REQUEST, new byte[0], random)).isEmpty();
  }

  @Test
  void loadKeepsItsClientSignatureUnderAnotherCanisterSequenceOrSendTime() {
    PayloadItem.Workload honest = RelabelledFixtures.LOAD.sign(PayloadItem.Workload.counter(7, 0));
    TreeSet<String> seen = new TreeSet<>();
    for (int i = 0; i < 40; i++) {
      var lie = (PayloadItem.Workload) PayloadItem.decode(Relabelling.of(MessageKind.INGRESS,
          honest.encode(), random).orElseThrow());
      assertThat(lie.signature()).isEqualTo(honest.signature());
      assertThat(lie.method()).isEqualTo(honest.method());
      seen.add(lie.target() != honest.target() ? "canister"
          : lie.sequence() != honest.sequence() ? "request" : "time");
      assertThat(lie.signedBytes()).isNotEqualTo(honest.signedBytes());
    }
    assertThat(seen).containsExactly("canister", "request", "time");
  }

  @Test
  void aSignedCallKeepsItsSenderAndSignatureUnderAnotherCanisterRequestIdOrExpiry() {
    SignedIngress honest = RelabelledFixtures.call();
    IngressMessage m = honest.message();
    TreeSet<String> seen = new TreeSet<>();
    for (int i = 0; i < 40; i++) {
      SignedIngress lie = ((PayloadItem.Ingress) PayloadItem.decode(Relabelling.of(MessageKind.INGRESS,
          new PayloadItem.Ingress(honest).encode(), random).orElseThrow())).signed();
      assertThat(lie.signature()).isEqualTo(honest.signature());
      assertThat(lie.senderPublicKeyDer()).isEqualTo(honest.senderPublicKeyDer());
      assertThat(lie.message().sender()).isEqualTo(m.sender());
      assertThat(lie.message().requestId()).isNotEqualTo(m.requestId());
      seen.add(!Arrays.equals(lie.message().canisterId(), m.canisterId()) ? "canister"
          : lie.message().ingressExpiryNanos() != m.ingressExpiryNanos() ? "expiry" : "nonce");
    }
    assertThat(seen).containsExactly("canister", "expiry", "nonce");
  }

  @Test
  void aCatchUpResponseCarriesItsPackageToALaterHeightWithItsSignatureAndState() {
    CatchUpResponse honest = RelabelledFixtures.signedCupResponse(100);
    for (int i = 0; i < 20; i++) {
      var lie = (CatchUpResponse) MessageCodec.decode(Relabelling.of(MessageKind.CUP_RESPONSE,
          MessageCodec.encode(honest), random).orElseThrow());
      assertThat(lie.cup().height()).isGreaterThan(100);
      assertThat(lie.cup().signature()).isEqualTo(honest.cup().signature());
      assertThat(lie.cup().stateRoot()).isEqualTo(honest.cup().stateRoot());
      assertThat(lie.state()).isEqualTo(honest.state());
    }
  }

  @Test
  void aRootDelegationProvesAnotherSubnetOrOtherCanisterRangesUnderTheRootsSignature() {
    Certificate honest = Certificate.decode(RelabelledFixtures.appDelegation());
    byte[] app = RelabelledFixtures.APP.id().toBytes();
    byte[] ranges = found(honest, app);
    TreeSet<String> seen = new TreeSet<>();
    for (int i = 0; i < 20; i++) {
      Certificate lie = Certificate.decode(Relabelling.of(MessageKind.DELEGATION, honest.encode(), random)
          .orElseThrow());
      assertThat(lie.signature()).isEqualTo(honest.signature());
      byte[] liedRanges = found(lie, app);
      if (liedRanges == null) {
        seen.add("subnet");
      } else {
        assertThat(liedRanges).isNotEqualTo(ranges);
        assertThat(CanisterRanges.decode(liedRanges)).singleElement()
            .satisfies(r -> assertThat(r.start()).isEqualTo(APP_RANGE_START));
        seen.add("ranges");
      }
    }
    assertThat(seen).containsExactly("ranges", "subnet");
  }

  private static final Principal APP_RANGE_START =
      RelabelledFixtures.APP.ranges().get(0).start();

  /** The canister ranges the certificate proves for subnet {@code id}, or null. */
  private static byte[] found(Certificate c, byte[] id) {
    return c.tree().lookup(List.of(utf8("subnet"), id, utf8("canister_ranges")))
        instanceof LookupResult.Found f ? f.value() : null;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
