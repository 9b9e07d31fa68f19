package dev.subnetsim.replica.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.certification.CborReader;
import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.certification.CborWriter;
import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.SignatureScheme;
import dev.subnetsim.replica.ingress.UserKeyPair;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A hostile {@code sender_delegation} (from a client, a relaying peer or a Byzantine block maker)
 * is a malformed envelope, never another exception; the admission refusal blames whoever relayed
 * it, as for any malformed client message.
 */
class SenderDelegationEnvelopeTest {
  private static final long S = 1_000_000_000L;
  private static final SeededRandom RNG = SeededRandom.fromSeed(195);
  private static final UserKeyPair USER = UserKeyPair.generate(SignatureScheme.ED25519,
      RNG.fork("user"));
  private static final UserKeyPair SESSION = UserKeyPair.generate(SignatureScheme.ED25519,
      RNG.fork("session"));

  /** A well-signed delegated call's envelope with its one delegation element rewritten. */
  private static byte[] envelopeWith(UnaryOperator<Map<String, CborValue>> element) {
    IngressMessage m = new IngressMessage(USER.principal(), new CanisterId(0).toBytes(), "put",
        new byte[] {1}, 60 * S, null);
    byte[] good = IngressEnvelope.encode(SESSION.signDelegated(m, USER.publicKeyDer(),
        List.of(USER.delegate(new SessionKeyDelegation(SESSION.publicKeyDer(), 60 * S,
            Optional.empty())))));
    Map<String, CborValue> envelope = new LinkedHashMap<>(((CborValue.MapValue)
        ((CborValue.Tagged) CborReader.decode(good)).content()).entries());
    CborValue.Array chain = (CborValue.Array) envelope.get("sender_delegation");
    Map<String, CborValue> first = new LinkedHashMap<>(
        ((CborValue.MapValue) chain.items().get(0)).entries());
    envelope.put("sender_delegation", new CborValue.Array(List.of(
        new CborValue.MapValue(element.apply(first)))));
    return CborWriter.encode(CborValue.selfDescribed(new CborValue.MapValue(envelope)));
  }

  private static Map<String, CborValue> withDelegationField(Map<String, CborValue> e,
      String field, CborValue value) {
    Map<String, CborValue> d = new LinkedHashMap<>(
        ((CborValue.MapValue) e.get("delegation")).entries());
    d.put(field, value);
    e.put("delegation", new CborValue.MapValue(d));
    return e;
  }

  @Test
  void anUntouchedDelegatedEnvelopeDecodesWithItsChain() {
    assertThat(IngressEnvelope.decode(envelopeWith(e -> e)).delegations()).hasSize(1);
  }

  @Test
  void mistypedOrMissingDelegationFieldsAreMalformed() {
    List<UnaryOperator<Map<String, CborValue>>> broken = List.of(
        e -> { e.remove("signature"); return e; },
        e -> { e.remove("delegation"); return e; },
        e -> { e.put("delegation", new CborValue.Text("x")); return e; },
        e -> withDelegationField(e, "pubkey", new CborValue.UInt(1)),
        e -> withDelegationField(e, "expiration", new CborValue.Bytes(new byte[8])),
        e -> withDelegationField(e, "targets", new CborValue.Bytes(new byte[8])),
        e -> withDelegationField(e, "targets",
            new CborValue.Array(List.of(new CborValue.Text("aaaaa-aa")))),
        e -> withDelegationField(e, "targets",
            new CborValue.Array(List.of(new CborValue.Bytes(new byte[30])))),
        e -> withDelegationField(e, "targets", new CborValue.Array(Collections.nCopies(1001,
            new CborValue.Bytes(new byte[10])))));
    for (UnaryOperator<Map<String, CborValue>> b : broken) {
      byte[] envelope = envelopeWith(b);
      assertThatThrownBy(() -> IngressEnvelope.decode(envelope))
          .isExactlyInstanceOf(MalformedPayloadItemException.class);
      assertThat(IngressAdmission.check(PayloadItem.ingressOf(envelope), S,
          LoadClient.fromSeed(1).verifier())).hasValueSatisfying(r -> {
            assertThat(r.reason()).startsWith("malformed ingress");
            assertThat(r.relayFault()).isTrue();
          });
    }
  }

  @Test
  void aSenderDelegationThatIsNotAnArrayIsMalformed() {
    IngressMessage m = new IngressMessage(USER.principal(), new CanisterId(0).toBytes(), "put",
        new byte[] {1}, 60 * S, null);
    Map<String, CborValue> envelope = new LinkedHashMap<>(((CborValue.MapValue)
        ((CborValue.Tagged) CborReader.decode(IngressEnvelope.encode(USER.sign(m)))).content())
        .entries());
    envelope.put("sender_delegation", new CborValue.MapValue(Map.of()));
    byte[] bytes = CborWriter.encode(CborValue.selfDescribed(new CborValue.MapValue(envelope)));

    assertThatThrownBy(() -> IngressEnvelope.decode(bytes))
        .isExactlyInstanceOf(MalformedPayloadItemException.class)
        .hasMessageContaining("sender_delegation");
  }
}
