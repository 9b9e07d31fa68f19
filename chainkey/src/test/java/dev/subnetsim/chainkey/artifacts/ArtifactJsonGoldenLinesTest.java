package dev.subnetsim.chainkey.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins one artifacts-log line per kind, byte for byte, as the Node verifier reads them: parsing a
 * line and writing the artifact back must give the same line, whatever the records hold inside.
 */
class ArtifactJsonGoldenLinesTest {
  private static final String HEAD =
      "{\"kind\":\"%s\",\"subnet\":\"signing-1\",\"height\":42,\"key_id\":\"key_1\",";
  private static final String CANISTER = "rdmx6-jaaaa-aaaaa-aaadq-cai";

  static final List<String> LINES = List.of(
      HEAD.formatted("certificate") + "\"root_key_der\":\"3082\",\"certificate\":\"d9d9f7a0\"}",
      HEAD.formatted("certificate") + "\"root_key_der\":\"3082\",\"certificate\":\"d9d9f7a0\","
          + "\"canister_id\":\"" + CANISTER + "\"}",
      HEAD.formatted("bls") + "\"public_key\":\"aa\",\"message\":\"0d\",\"signature\":\"bb\","
          + "\"dst\":\"BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_\"}",
      HEAD.formatted("ecdsa") + "\"curve\":\"p256\",\"master_public_key\":\"02ff\","
          + "\"chain_code\":\"00\",\"canister_id\":\"" + CANISTER + "\","
          + "\"derivation_path\":[\"0102\",\"\"],\"public_key\":\"03aa\",\"message_hash\":\"11\","
          + "\"signature\":\"22\"}",
      HEAD.formatted("schnorr") + "\"algorithm\":\"ed25519\",\"master_public_key\":\"ee\","
          + "\"chain_code\":\"00\",\"canister_id\":\"" + CANISTER + "\",\"derivation_path\":[],"
          + "\"public_key\":\"ee01\",\"message\":\"\",\"signature\":\"33\"}",
      HEAD.formatted("vetkd") + "\"master_public_key\":\"a9\",\"canister_id\":\"" + CANISTER
          + "\",\"context\":\"\",\"input\":\"0001\",\"transport_secret_key\":\"05\","
          + "\"encrypted_key\":\"c0ffee\"}",
      HEAD.formatted("ecdh") + "\"curve\":\"x25519\",\"subnet_public_key\":\"01\","
          + "\"canister_id\":\"" + CANISTER + "\",\"derivation_path\":[\"6d\"],\"public_key\":\"05\","
          + "\"peer_public_key\":\"02\",\"peer_private_key\":\"03\",\"shared_secret\":\"04\"}",
      HEAD.formatted("canister_signature") + "\"public_key_der\":\"301e\",\"message\":\"6d\","
          + "\"signature\":\"d9d9f7\",\"root_key_der\":\"3082\"}");

  @Test
  void everyKindWritesBackTheExactLineItWasParsedFrom() {
    for (String line : LINES) {
      assertThat(ArtifactJson.toJsonLine(ArtifactJson.parse(line))).isEqualTo(line);
    }
  }

  @Test
  void theTestArtifactsOfEachKindWriteThePinnedLines() {
    assertThat(ArtifactJsonTest.oneOfEachKind()).extracting(ArtifactJson::toJsonLine)
        .containsExactlyElementsOf(LINES);
  }

  @Test
  void artifactsParsedFromTheSameLineAreEqualAndHashAlike() {
    for (String line : LINES) {
      assertThat(ArtifactJson.parse(line)).isEqualTo(ArtifactJson.parse(line))
          .hasSameHashCodeAs(ArtifactJson.parse(line));
    }
  }
}
