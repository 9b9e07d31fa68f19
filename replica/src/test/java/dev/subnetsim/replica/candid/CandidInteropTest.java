package dev.subnetsim.replica.candid;

import static dev.subnetsim.replica.candid.CandidType.field;
import static dev.subnetsim.replica.candid.CandidType.opt;
import static dev.subnetsim.replica.candid.CandidType.record;
import static dev.subnetsim.replica.candid.CandidType.vec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subnetsim.chainkey.interop.NodeHarness;
import dev.subnetsim.chainkey.ic.Principal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Java codec against @dfinity/candid 3.4.3 both ways ({@code candid-interop.mjs}): for each
 * case, agent-js decodes the Java encoding to the case's value, and the Java codec decodes
 * agent-js's encoding to the same value (checked by re-encoding it, which is deterministic). The
 * management cases' types are written on the JS side from the IC's interface specification.
 */
class CandidInteropTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CandidType BLOB = CandidType.BLOB;
  private static final byte[] APP = Principal.fromText("rwlgt-iiaaa-aaaaa-aaaaa-cai").toBytes();

  private record Case(String name, List<CandidType> types, List<Object> values) {}

  private static byte[] fill(int n, int b) {
    byte[] out = new byte[n];
    Arrays.fill(out, (byte) b);
    return out;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static List<Object> values(Object... vs) {
    return new ArrayList<>(Arrays.asList(vs));
  }

  private static CandidType keyId(String scheme, String... cases) {
    return record(field(scheme, CandidType.enumeration(cases)), field("name", CandidType.TEXT));
  }

  private static Map<String, Object> key(String scheme, String tag, String name) {
    return map(scheme, CandidVariant.of(tag), "name", name);
  }

  static List<Case> cases() {
    CandidType ecdsa = keyId("curve", "secp256k1", "secp256r1");
    CandidType schnorr = keyId("algorithm", "bip340secp256k1", "ed25519");
    CandidType vetkd = keyId("curve", "bls12_381_g2");
    CandidType ecdh = keyId("curve", "p256", "secp256k1", "x25519");
    CandidType path = vec(BLOB);
    CandidType result = CandidType.variant(field("ok", CandidType.NAT64),
        field("err", CandidType.TEXT));
    return List.of(
        new Case("primitives", List.of(CandidType.NAT, CandidType.Primitive.INT,
            CandidType.Primitive.NAT8, CandidType.Primitive.NAT16, CandidType.Primitive.NAT32,
            CandidType.NAT64, CandidType.Primitive.INT8, CandidType.Primitive.INT16,
            CandidType.Primitive.INT32, CandidType.Primitive.INT64, CandidType.Primitive.FLOAT64,
            CandidType.BOOL, CandidType.TEXT, CandidType.NULL),
            values(new BigInteger("340282366920938463463374607431768211457"),
                new BigInteger("-1234567890123456789012"), 255, 65535, 4294967295L, -1L, -128,
                -32768, Integer.MIN_VALUE, Long.MIN_VALUE, 1.5, true, "héllo ✓", null)),
        new Case("principals", List.of(CandidType.PRINCIPAL, CandidType.PRINCIPAL),
            values(new byte[0], APP)),
        new Case("containers", List.of(vec(CandidType.TEXT), opt(opt(CandidType.NAT)), BLOB,
            opt(CandidType.TEXT), vec(BLOB)),
            values(List.of("a", "", "ccc"), Optional.of(Optional.of(BigInteger.valueOf(7))),
                new byte[] {0, 1, (byte) 255}, Optional.empty(),
                List.of(new byte[] {1}, new byte[0], new byte[] {2, 3}))),
        new Case("records", List.of(record(field("name", CandidType.TEXT),
            field("age", CandidType.Primitive.NAT8), field("tags", vec(CandidType.TEXT))),
            record(field("0", CandidType.NAT), field("1", CandidType.TEXT)), result, result),
            values(map("name", "ada", "age", 36, "tags", List.of("x")),
                map("0", BigInteger.valueOf(5), "1", "five"), new CandidVariant("ok", 42L),
                new CandidVariant("err", "no"))),
        new Case("ecdsa_public_key_args", List.of(record(field("canister_id",
            opt(CandidType.PRINCIPAL)), field("derivation_path", path), field("key_id", ecdsa))),
            values(map("canister_id", Optional.of(APP), "derivation_path",
                List.of(new byte[] {1, 2}, new byte[0]), "key_id",
                key("curve", "secp256k1", "key_1")))),
        new Case("sign_with_ecdsa_args", List.of(record(field("message_hash", BLOB),
            field("derivation_path", path), field("key_id", ecdsa))),
            values(map("message_hash", fill(32, 9), "derivation_path", List.of(), "key_id",
                key("curve", "secp256r1", "key_1")))),
        new Case("public_key_result", List.of(record(field("public_key", BLOB),
            field("chain_code", BLOB))),
            values(map("public_key", fill(33, 2), "chain_code", fill(32, 3)))),
        new Case("schnorr_public_key_args", List.of(record(field("canister_id",
            opt(CandidType.PRINCIPAL)), field("derivation_path", path), field("key_id", schnorr))),
            values(map("canister_id", Optional.empty(), "derivation_path",
                List.of(new byte[] {4}), "key_id", key("algorithm", "ed25519", "key_1")))),
        new Case("sign_with_schnorr_args", List.of(record(field("message", BLOB),
            field("derivation_path", path), field("key_id", schnorr), field("aux",
                opt(CandidType.variant(field("bip341",
                    record(field("merkle_root_hash", BLOB)))))))),
            values(map("message", new byte[] {104, 105}, "derivation_path", List.of(),
                "key_id", key("algorithm", "bip340secp256k1", "key_1"), "aux",
                Optional.of(new CandidVariant("bip341", map("merkle_root_hash", fill(32, 5))))))),
        new Case("signature_result", List.of(record(field("signature", BLOB))),
            values(map("signature", fill(64, 6)))),
        new Case("vetkd_public_key_args", List.of(record(field("canister_id",
            opt(CandidType.PRINCIPAL)), field("context", BLOB), field("key_id", vetkd))),
            values(map("canister_id", Optional.empty(), "context", new byte[] {99}, "key_id",
                key("curve", "bls12_381_g2", "key_1")))),
        new Case("vetkd_derive_key_args", List.of(record(field("input", BLOB),
            field("context", BLOB), field("transport_public_key", BLOB), field("key_id", vetkd))),
            values(map("input", new byte[] {1}, "context", new byte[] {2},
                "transport_public_key", fill(48, 7), "key_id",
                key("curve", "bls12_381_g2", "key_1")))),
        new Case("vetkd_derive_key_result", List.of(record(field("encrypted_key", BLOB))),
            values(map("encrypted_key", fill(192, 8)))),
        new Case("ecdh_derive_args", List.of(record(field("peer_public_key", BLOB),
            field("derivation_path", path), field("key_id", ecdh),
            field("transport_public_key", opt(BLOB)))),
            values(map("peer_public_key", fill(32, 1), "derivation_path", List.of(), "key_id",
                key("curve", "x25519", "ecdh_key_1"), "transport_public_key",
                Optional.of(new byte[] {4, 4})))),
        new Case("ecdh_derive_result", List.of(record(field("result", BLOB),
            field("encrypted", CandidType.BOOL))),
            values(map("result", new byte[] {1, 2, 3}, "encrypted", true))),
        new Case("document_key_store_args", List.of(record(field("common_point", BLOB),
            field("permission_canister", CandidType.PRINCIPAL),
            field("key_id", record(field("name", CandidType.TEXT))))),
            values(map("common_point", fill(33, 2), "permission_canister", APP, "key_id",
                map("name", "document_key_1")))),
        new Case("document_key_shadows_result", List.of(record(field("shadows", vec(BLOB)))),
            values(map("shadows", List.of(new byte[] {1}, new byte[] {2, 2})))));
  }

  @Test
  void agentJsAndTheJavaCodecReadEachOthersEncodingsAsTheSameValues() throws Exception {
    List<Case> cases = cases();
    List<String> requests = new ArrayList<>();
    for (Case c : cases) {
      requests.add(JSON.writeValueAsString(Map.of("case", c.name(), "hex",
          HexFormat.of().formatHex(Candid.encode(c.types(), c.values())))));
    }
    NodeHarness.ProcessResult run = NodeHarness.locate().runOnRequests("candid-interop.mjs",
        requests);
    assertThat(run.exitCode()).as(run.output()).isZero();
    List<String> lines = run.output().lines().filter(l -> l.startsWith("{")).toList();
    assertThat(lines).hasSize(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      JsonNode answer = JSON.readTree(lines.get(i));
      assertThat(answer.get("case").asText()).isEqualTo(c.name());
      assertThat(answer.get("decodes").asBoolean())
          .as(c.name() + ": agent-js on the Java bytes: " + answer.get("detail").asText())
          .isTrue();
      byte[] js = HexFormat.of().parseHex(answer.get("js_hex").asText());
      List<Object> decoded = Candid.decode(js, c.types());
      assertThat(Candid.encode(c.types(), decoded)).as(c.name() + ": Java on agent-js's bytes")
          .isEqualTo(Candid.encode(c.types(), c.values()));
    }
  }
}
