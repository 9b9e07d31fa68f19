package dev.subnetsim.chainkey.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subnetsim.chainkey.bytes.Bytes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArtifactJsonTest {
  private static final ArtifactOrigin ORIGIN = new ArtifactOrigin("signing-1", 42, "key_1");
  private static final String CANISTER = "rdmx6-jaaaa-aaaaa-aaadq-cai";

  static Bytes b(String hex) {
    return Bytes.fromHex(hex);
  }

  // EcdhArtifact still holds byte[].
  static byte[] raw(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  static List<ChainKeyArtifact> oneOfEachKind() {
    return List.of(
        new CertificateArtifact(ORIGIN, b("3082"), b("d9d9f7a0"), Optional.empty()),
        new CertificateArtifact(ORIGIN, b("3082"), b("d9d9f7a0"), Optional.of(CANISTER)),
        new BlsArtifact(ORIGIN, b("aa"), b("0d"), b("bb"), "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_"),
        new EcdsaArtifact(ORIGIN, EcdsaCurve.P256,
            new KeyDerivation(b("02ff"), b("00"), CANISTER, List.of(b("0102"), b(""))),
            b("03aa"), b("11"), b("22")),
        new SchnorrArtifact(ORIGIN, SchnorrAlgorithm.ED25519,
            new KeyDerivation(b("ee"), b("00"), CANISTER, List.of()), b("ee01"), b(""), b("33")),
        new VetKdArtifact(ORIGIN, b("a9"), CANISTER, b(""), b("0001"), b("05"), b("c0ffee")),
        new EcdhArtifact(ORIGIN, EcdhCurve.X25519, b("01"), CANISTER, List.of(b("6d")), b("05"),
            b("02"), b("03"), b("04")),
        new CanisterSignatureArtifact(ORIGIN, b("301e"), b("6d"), b("d9d9f7"), b("3082")));
  }

  @Test
  void everyKindRoundTripsThroughItsLine() {
    for (ChainKeyArtifact a : oneOfEachKind()) {
      String line = ArtifactJson.toJsonLine(a);
      ChainKeyArtifact back = ArtifactJson.parse(line);
      assertThat(back).isEqualTo(a).hasSameHashCodeAs(a);
      assertThat(back.kind()).isEqualTo(a.kind());
      assertThat(ArtifactJson.toJsonLine(back)).isEqualTo(line);
    }
  }

  @Test
  void fieldsComeInDesignOrderWithLowercaseHex() {
    EcdsaArtifact a = new EcdsaArtifact(ORIGIN, EcdsaCurve.SECP256K1,
        new KeyDerivation(b("02AB"), b("00"), CANISTER, List.of(b("FF"))), b("03CD"), b("EE"),
        b("0A0B"));
    assertThat(ArtifactJson.toJsonLine(a)).isEqualTo(
        "{\"kind\":\"ecdsa\",\"subnet\":\"signing-1\",\"height\":42,\"key_id\":\"key_1\","
            + "\"curve\":\"secp256k1\",\"master_public_key\":\"02ab\",\"chain_code\":\"00\","
            + "\"canister_id\":\"" + CANISTER + "\",\"derivation_path\":[\"ff\"],"
            + "\"public_key\":\"03cd\",\"message_hash\":\"ee\",\"signature\":\"0a0b\"}");
    CertificateArtifact c = new CertificateArtifact(ORIGIN, b("30"), b("d9"), Optional.of(CANISTER));
    assertThat(ArtifactJson.toJsonLine(c)).isEqualTo(
        "{\"kind\":\"certificate\",\"subnet\":\"signing-1\",\"height\":42,\"key_id\":\"key_1\","
            + "\"root_key_der\":\"30\",\"certificate\":\"d9\",\"canister_id\":\"" + CANISTER + "\"}");
    assertThat(ArtifactJson.toJsonLine(
            new CertificateArtifact(ORIGIN, b("30"), b("d9"), Optional.empty())))
        .doesNotContain("canister_id");
  }

  @Test
  void ecdhLinesNameTheCallerAndItsDerivedKeyAfterTheSubnetKey() {
    EcdhArtifact a = new EcdhArtifact(ORIGIN, EcdhCurve.P256, b("02aa"), CANISTER,
        List.of(b("6d646c")), b("03bb"), b("02cc"), b("dd"), b("ee"));
    assertThat(ArtifactJson.toJsonLine(a)).isEqualTo(
        "{\"kind\":\"ecdh\",\"subnet\":\"signing-1\",\"height\":42,\"key_id\":\"key_1\","
            + "\"curve\":\"p256\",\"subnet_public_key\":\"02aa\",\"canister_id\":\"" + CANISTER
            + "\",\"derivation_path\":[\"6d646c\"],\"public_key\":\"03bb\",\"peer_public_key\":"
            + "\"02cc\",\"peer_private_key\":\"dd\",\"shared_secret\":\"ee\"}");
  }

  @Test
  void recordsCopyTheirBytesSoLaterMutationDoesNotChangeTheArtifact() {
    byte[] sig = raw("0102");
    BlsArtifact a = new BlsArtifact(ORIGIN, b("aa"), b("bb"), Bytes.of(sig), "dst");
    String before = ArtifactJson.toJsonLine(a);
    sig[0] = 9;
    assertThat(ArtifactJson.toJsonLine(a)).isEqualTo(before);
  }

  @Test
  void differentBytesMakeDifferentArtifacts() {
    BlsArtifact a = new BlsArtifact(ORIGIN, b("aa"), b("bb"), b("01"), "dst");
    BlsArtifact c = new BlsArtifact(ORIGIN, b("aa"), b("bb"), b("02"), "dst");
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void artifactsBuiltFromEqualBytesInDistinctArraysAreEqualAndHashAlike() {
    for (ChainKeyArtifact a : oneOfEachKind()) {
      assertThat(oneOfEachKind()).filteredOn(o -> o.kind() == a.kind())
          .anySatisfy(o -> assertThat(o).isNotSameAs(a).isEqualTo(a).hasSameHashCodeAs(a));
    }
  }

  @Test
  void derivationPathIsAnUnmodifiableCopy() {
    List<Bytes> path = new ArrayList<>(List.of(b("01")));
    KeyDerivation d = new KeyDerivation(b("02"), b("00"), CANISTER, path);
    path.add(b("02"));
    assertThat(d.derivationPath()).containsExactly(b("01"));
    assertThatThrownBy(() -> d.derivationPath().add(b("02")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void uppercaseHexIsRejectedNamingTheField() {
    String line = ArtifactJson.toJsonLine(oneOfEachKind().get(2)).replace("\"bb\"", "\"BB\"");
    assertThatThrownBy(() -> ArtifactJson.parse(line))
        .isInstanceOf(ArtifactFormatException.class)
        .hasMessageContaining("signature")
        .satisfies(e -> assertThat(((ArtifactFormatException) e).field()).isEqualTo("signature"));
  }

  @Test
  void hexWithPrefixOrOddLengthIsRejected() {
    for (String bad : List.of("0xbb", "abc")) {
      ObjectNode o = tree(oneOfEachKind().get(2));
      o.put("signature", bad);
      assertThatThrownBy(() -> ArtifactJson.parse(o.toString()))
          .isInstanceOf(ArtifactFormatException.class)
          .hasMessageContaining("signature");
    }
  }

  @Test
  void missingFieldsAreNamed() {
    for (ChainKeyArtifact a : oneOfEachKind()) {
      ObjectNode full = tree(a);
      List<String> names = new ArrayList<>();
      full.fieldNames().forEachRemaining(names::add);
      for (String field : names) {
        if (field.equals("canister_id") && a instanceof CertificateArtifact) {
          continue; // optional for certificates
        }
        ObjectNode o = full.deepCopy();
        o.remove(field);
        assertThatThrownBy(() -> ArtifactJson.parse(o.toString()))
            .as("%s without %s", a.kind(), field)
            .isInstanceOf(ArtifactFormatException.class)
            .hasMessageContaining(field);
      }
    }
  }

  @Test
  void unknownKindCurveAndAlgorithmAreRejected() {
    ObjectNode o = tree(oneOfEachKind().get(2));
    o.put("kind", "document_key");
    assertThatThrownBy(() -> ArtifactJson.parse(o.toString())).hasMessageContaining("unknown kind");
    ObjectNode e = tree(oneOfEachKind().get(3));
    e.put("curve", "p384");
    assertThatThrownBy(() -> ArtifactJson.parse(e.toString())).hasMessageContaining("curve");
    ObjectNode s = tree(oneOfEachKind().get(4));
    s.put("algorithm", "ecdsa");
    assertThatThrownBy(() -> ArtifactJson.parse(s.toString())).hasMessageContaining("algorithm");
  }

  @Test
  void nonJsonAndNonObjectsAreRejected() {
    assertThatThrownBy(() -> ArtifactJson.parse("{bad")).isInstanceOf(ArtifactFormatException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> ArtifactJson.parse("[1]")).hasMessageContaining("not a JSON object");
    ObjectNode o = tree(oneOfEachKind().get(2));
    o.put("height", "7");
    assertThatThrownBy(() -> ArtifactJson.parse(o.toString())).hasMessageContaining("height");
    ObjectNode d = tree(oneOfEachKind().get(3));
    d.putArray("derivation_path").add(7);
    assertThatThrownBy(() -> ArtifactJson.parse(d.toString()))
        .hasMessageContaining("derivation_path[0]");
  }

  private static ObjectNode tree(ChainKeyArtifact a) {
    try {
      return (ObjectNode) new ObjectMapper().readTree(ArtifactJson.toJsonLine(a));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
