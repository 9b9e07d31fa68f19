package dev.subnetsim.replica.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.replica.candid.Candid;
import dev.subnetsim.replica.candid.CandidType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The chain-key methods in Candid (management.did): every request survives Candid both ways as
 * the same request, a reply is Candid exactly when the request was, and a Candid argument that
 * does not fit is refused naming the method and what is wrong.
 */
class ManagementCandidTest {
  private static final List<byte[]> PATH = List.of(new byte[] {1}, new byte[0]);
  private static final byte[] B32 = new byte[32];

  static List<ManagementRequest> everyRequest() {
    return List.of(
        new ManagementRequest.EcdsaPublicKey("secp256k1", PATH, "key_1"),
        new ManagementRequest.EcdsaPublicKey("p256", PATH, "key_1"),
        new ManagementRequest.SignWithEcdsa("secp256k1", B32, PATH, "key_1"),
        new ManagementRequest.SchnorrPublicKey("bip340", PATH, "key_1"),
        new ManagementRequest.SignWithSchnorr("bip340", new byte[] {7}, PATH,
            Optional.of(B32), "key_1"),
        new ManagementRequest.SignWithSchnorr("ed25519", new byte[] {7}, PATH, Optional.empty(),
            "key_1"),
        new ManagementRequest.VetKdPublicKey(new byte[] {3}, "test_key_1"),
        new ManagementRequest.VetKdDeriveKey(new byte[] {1}, new byte[] {2}, new byte[48],
            "test_key_1"),
        new ManagementRequest.EcdhPublicKey("x25519", PATH, "ecdh_key_1"),
        new ManagementRequest.EcdhDerive("p256", new byte[33], PATH, Optional.of(new byte[33]),
            "ecdh_key_1"),
        new ManagementRequest.DocumentKeyServerKey("doc_key_1"),
        new ManagementRequest.DocumentKeyStore(new byte[33], new byte[10], "doc_key_1"),
        new ManagementRequest.DocumentKeyShadows(new byte[33], new byte[33], "doc_key_1"));
  }

  @Test
  void everyRequestRoundTripsThroughCandidAndCborToTheSameRequest() {
    for (ManagementRequest r : everyRequest()) {
      byte[] candid = r.encodeCandid();
      assertThat(Candid.isCandid(candid)).isTrue();
      ManagementRequest back = ManagementRequest.decode(r.method(), candid);
      // Equal requests encode equally (records of arrays compare by identity, bytes do not).
      assertThat(back.encode()).as(r.method()).isEqualTo(r.encode());
      assertThat(ManagementRequest.decode(r.method(), r.encode()).encodeCandid())
          .isEqualTo(candid);
    }
  }

  @Test
  void aReplyIsCandidExactlyWhenItsRequestWas() {
    var key = new ManagementReply.PublicKey(new byte[33], B32);
    byte[] candidArg = everyRequest().get(0).encodeCandid();
    byte[] cborArg = everyRequest().get(0).encode();
    byte[] inCandid = key.encodeFor("ecdsa_public_key", candidArg);
    assertThat(Candid.isCandid(inCandid)).isTrue();
    assertThat(key.encodeFor("ecdsa_public_key", cborArg)).isEqualTo(key.encode());
    assertThat(ManagementReply.PublicKey.decode(inCandid).chainCode()).isEqualTo(B32);
    var ecdh = new ManagementReply.Ecdh(new byte[] {5}, true);
    assertThat(ManagementReply.Ecdh.decode(ecdh.encodeFor("ecdh_derive",
        Candid.encode(List.of(), List.of()))).encrypted()).isTrue();
    assertThat(new ManagementReply.Done().encodeFor("document_key_store", candidArg))
        .isEqualTo(Candid.encode(List.of(), List.of()));
  }

  @Test
  void aCandidArgumentThatDoesNotFitIsRefusedWithTheMethodAndTheReason() {
    byte[] text = Candid.encode(List.of(CandidType.TEXT), List.of("x"));
    assertThatThrownBy(() -> ManagementRequest.decode("sign_with_ecdsa", text))
        .isInstanceOf(InvalidManagementArgsException.class)
        .hasMessageContaining("sign_with_ecdsa").hasMessageContaining("Candid argument");
    // A record without key_id: the field is missing.
    byte[] noKey = Candid.encode(List.of(CandidType.record(CandidType.field("message_hash",
        CandidType.BLOB))), List.of(java.util.Map.of("message_hash", B32)));
    assertThatThrownBy(() -> ManagementRequest.decode("sign_with_ecdsa", noKey))
        .hasMessageContaining("key_id is missing");
    assertThatThrownBy(() -> ManagementRequest.decode("no_such", everyRequest().get(0)
        .encodeCandid())).isInstanceOf(InvalidManagementArgsException.class)
        .hasMessageContaining("no such method");
    byte[] truncated = Arrays.copyOf(everyRequest().get(2).encodeCandid(), 20);
    assertThatThrownBy(() -> ManagementRequest.decode("sign_with_ecdsa", truncated))
        .isInstanceOf(InvalidManagementArgsException.class);
  }

  @Test
  void aCandidPublicKeyCallMayNameACanisterAndACborOneCannot() {
    byte[] named = ManagementCandid.encodeArgument("schnorr_public_key", java.util.Map.of(
        "canister_id", Optional.of(new byte[] {0, 0, 0, 0, 0, 0, 0, 4, 1, 1}),
        "derivation_path", PATH, "key_id", java.util.Map.of("algorithm",
            dev.subnetsim.replica.candid.CandidVariant.of("ed25519"), "name", "key_1")));
    assertThat(ManagementCandid.namedCanister("schnorr_public_key", named)).get()
        .satisfies(b -> assertThat(b).hasSize(10));
    assertThat(ManagementCandid.namedCanister("ecdsa_public_key", everyRequest().get(0).encode()))
        .isEmpty();
    assertThat(ManagementCandid.namedCanister("ecdsa_public_key",
        everyRequest().get(0).encodeCandid())).isEmpty();
  }
}
