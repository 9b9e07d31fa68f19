package dev.subnetsim.replica.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.certification.CborReader;
import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.certification.CborWriter;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.SignatureScheme;
import dev.subnetsim.replica.ingress.UserKeyPair;
import org.junit.jupiter.api.Test;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Issue 18, defect 1: an ingress envelope whose sender is longer than a principal's 29 bytes (a
 * peer's gossip or a Byzantine block maker's payload item) made {@code Principal}'s own exception
 * escape the payload decoder, so the replica's step threw and the run ended with exit 3.
 */
class OversizedSenderRegressionTest {
  private static final long S = 1_000_000_000L;
  private static final UserKeyPair USER = UserKeyPair.generate(SignatureScheme.ED25519,
      SeededRandom.fromSeed(18));

  /** A well-signed call's envelope with its sender replaced by {@code senderBytes} bytes. */
  private static byte[] envelopeWithSender(int senderBytes) {
    IngressMessage m = new IngressMessage(USER.principal(), new CanisterId(0).toBytes(), "put",
        new byte[] {1}, 60 * S, null);
    CborValue.Tagged root = (CborValue.Tagged) CborReader.decode(
        IngressEnvelope.encode(USER.sign(m)));
    Map<String, CborValue> envelope = new LinkedHashMap<>(
        ((CborValue.MapValue) root.content()).entries());
    Map<String, CborValue> content = new LinkedHashMap<>(
        ((CborValue.MapValue) envelope.get("content")).entries());
    byte[] sender = new byte[senderBytes];
    Arrays.fill(sender, (byte) 0x5a);
    content.put("sender", new CborValue.Bytes(sender));
    envelope.put("content", new CborValue.MapValue(content));
    return CborWriter.encode(CborValue.selfDescribed(new CborValue.MapValue(envelope)));
  }

  private static byte[] ingressItem(byte[] envelope) {
    return PayloadItem.ingressOf(envelope);
  }

  @Test
  void anEnvelopeWithA30ByteSenderIsAMalformedPayloadItem() {
    assertThatThrownBy(() -> IngressEnvelope.decode(envelopeWithSender(30)))
        .isExactlyInstanceOf(MalformedPayloadItemException.class)
        .hasMessageContaining("sender has 30 bytes");
    assertThatThrownBy(() -> PayloadItem.decode(ingressItem(envelopeWithSender(64))))
        .isExactlyInstanceOf(MalformedPayloadItemException.class);
  }

  @Test
  void aSenderOfExactly29BytesStillDecodes() {
    assertThat(IngressEnvelope.decode(envelopeWithSender(29)).message().sender().length())
        .isEqualTo(29);
  }

  @Test
  void gossipedIngressWithAnOversizedSenderIsRefusedAsTheRelaysFault() {
    assertThat(IngressAdmission.check(ingressItem(envelopeWithSender(30)), S,
        LoadClient.fromSeed(0).verifier()))
        .hasValueSatisfying(r -> {
          assertThat(r.reason()).contains("malformed ingress").contains("sender has 30 bytes");
          assertThat(r.relayFault()).isTrue();
        });
  }
}
