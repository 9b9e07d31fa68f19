package dev.subnetsim.chainkey.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness itself: its verifier accepts valid artifacts built by noble from docs/FORMATS.md's
 * formulas and rejects tampered ones (selftest.mjs), and it reports malformed lines per line.
 */
class NodeHarnessSelfTest {

  @Test
  void selfTestOfTheVerifierHoldsEveryExpectation() {
    NodeHarness.ProcessResult result = NodeHarness.locate().selfTest();
    assertThat(result.output()).doesNotContain("WRONG");
    assertThat(result.output()).containsPattern("(\\d+) of \\1 expectations held");
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void malformedLinesFailOneByOneAndTheRunFails() {
    NodeHarness.Verification v = NodeHarness.locate().verifyLines(List.of(
        "{\"kind\":\"document_key_v0\"}",
        "{not json",
        "{\"kind\":\"bls\",\"subnet\":\"s\",\"height\":1,\"key_id\":\"k\"}"));
    assertThat(v.exitCode()).isEqualTo(1);
    assertThat(v.lines()).extracting(NodeHarness.LineResult::ok).containsExactly(false, false, false);
    assertThat(v.line(1).detail()).contains("unknown kind");
    assertThat(v.line(2).detail()).contains("not valid JSON");
    assertThat(v.line(3).detail()).contains("public_key");
  }

  @Test
  void publishedMasterKeysIncludeTheMainnetKeys() {
    List<PublishedMasterKey> keys = NodeHarness.locate().publishedMasterKeys();
    assertThat(keys).extracting(k -> k.scheme() + "/" + k.network() + "/" + k.keyId())
        .contains("ecdsa_secp256k1/mainnet/key_1", "bip340/mainnet/key_1", "ed25519/mainnet/key_1",
            "vetkd/mainnet/key_1", "ecdsa_secp256k1/mainnet/test_key_1");
    assertThat(keys).filteredOn(k -> !k.scheme().equals("vetkd"))
        .allSatisfy(k -> assertThat(k.chainCode()).containsOnly((byte) 0).hasSize(32));
  }
}
