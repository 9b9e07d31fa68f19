package dev.subnetsim.chainkey.ic;

import static dev.subnetsim.chainkey.ic.RepresentationIndependentHash.blob;
import static dev.subnetsim.chainkey.ic.RepresentationIndependentHash.nat;
import static dev.subnetsim.chainkey.ic.RepresentationIndependentHash.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepresentationIndependentHashTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] ED25519_DER =
      HEX.parseHex("302a300506032b6570032100000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

  @Test
  void requestIdOfTheSpecsHelloCall() {
    // Interface spec, "Request ids": the example update call to "hello".
    Map<String, RepresentationIndependentHash.Value> content = Map.of(
        "request_type", text("call"),
        "sender", blob(new byte[] {4}),
        "ingress_expiry", nat(1685570400000000000L),
        "canister_id", blob(HEX.parseHex("00000000000004d2")),
        "method_name", text("hello"),
        "arg", blob("DIDL\u0000\u00fd*".getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(HEX.formatHex(RepresentationIndependentHash.requestId(content)))
        .isEqualTo("1d1091364d6bb8a6c16b203ee75467d59ead468f523eb058880ae8ec80e2b101");
  }

  @Test
  void requestSignatureMessageIsTheDomainSeparatedRequestId() {
    byte[] id = new byte[32];
    id[31] = 7;
    byte[] msg = RepresentationIndependentHash.requestSignatureMessage(id);
    assertThat(HEX.formatHex(msg)).isEqualTo("0a69632d72657175657374" + HEX.formatHex(id)); // \x0Aic-request
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RepresentationIndependentHash.requestSignatureMessage(new byte[31]))
        .hasMessageContaining("32");
  }

  @Test
  void fieldHashesOfTheSpecExample() {
    assertThat(HEX.formatHex(RepresentationIndependentHash.hashOfValue(nat(1685570400000000000L))))
        .isEqualTo("db8e57abc8cda1525d45fdd2637af091bc1f28b35819a40df71517d1501f2c76");
    assertThat(HEX.formatHex(RepresentationIndependentHash.hashOfValue(blob(new byte[] {4}))))
        .isEqualTo("e52d9c508c502347344d8c07ad91cbd6068afc75ff6292f062a09ca381c89e71");
  }

  @Test
  void lebEncodingsOfTheSpec() {
    assertThat(Leb128.encodeUnsigned(BigInteger.valueOf(624485))).containsExactly(0xE5, 0x8E, 0x26);
    assertThat(Leb128.encodeUnsigned(0)).containsExactly(0);
    assertThat(Leb128.encodeSigned(BigInteger.valueOf(-123456))).containsExactly(0xC0, 0xBB, 0x78);
    assertThat(Leb128.encodeSigned(BigInteger.ZERO)).containsExactly(0);
    assertThat(Leb128.decodeUnsignedLong(Leb128.encodeUnsigned(-1L))).isEqualTo(-1L); // 2^64-1 round trip
  }

  @Test
  void nonCanonicalLebIsRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Leb128.decodeUnsigned(new byte[] {(byte) 0x80, 0}))
        .hasMessageContaining("shortest");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Leb128.decodeUnsigned(new byte[] {(byte) 0x80}))
        .hasMessageContaining("truncated");
  }

  @Test
  void sessionKeyDelegationHashMatchesAgentJs() {
    // Expected values from @dfinity/agent 3.4.3 hashOfMap on the same maps.
    SessionKeyDelegation withTargets = new SessionKeyDelegation(ED25519_DER, 1700000000000000000L,
        Optional.of(List.of(Principal.fromText("rdmx6-jaaaa-aaaaa-aaadq-cai"))));
    SessionKeyDelegation noTargets = new SessionKeyDelegation(ED25519_DER, 1700000000000000000L, Optional.empty());
    assertThat(HEX.formatHex(withTargets.hash()))
        .isEqualTo("2bddaec72a130b693c618804cf93022faf1146c1300489c4afc955e9fb762442");
    assertThat(HEX.formatHex(noTargets.hash()))
        .isEqualTo("ef8ec95790b6adb5a9dec42b8d23290fa7e415d3e5041040344cad8da60cfd79");
    byte[] msg = noTargets.signedMessage();
    assertThat(msg).hasSize(27 + 32);
    assertThat(msg[0]).isEqualTo((byte) 0x1a);
    assertThat(new String(msg, 1, 26, StandardCharsets.US_ASCII)).isEqualTo("ic-request-auth-delegation");
  }

  @Test
  void fieldOrderDoesNotChangeTheHash() {
    Map<String, RepresentationIndependentHash.Value> a = new java.util.LinkedHashMap<>();
    a.put("x", text("1"));
    a.put("y", nat(2));
    Map<String, RepresentationIndependentHash.Value> b = new java.util.LinkedHashMap<>();
    b.put("y", nat(2));
    b.put("x", text("1"));
    assertThat(RepresentationIndependentHash.hashOfMap(a)).isEqualTo(RepresentationIndependentHash.hashOfMap(b));
    b.put("x", text("2"));
    assertThat(RepresentationIndependentHash.hashOfMap(a)).isNotEqualTo(RepresentationIndependentHash.hashOfMap(b));
  }
}
