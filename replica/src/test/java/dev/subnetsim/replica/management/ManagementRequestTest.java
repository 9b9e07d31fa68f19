package dev.subnetsim.replica.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManagementRequestTest {

  @Test
  void everyRequestSurvivesItsCborForm() {
    List<ManagementRequest> all = List.of(
        new ManagementRequest.VetKdPublicKey(new byte[] {1}, "k"),
        new ManagementRequest.VetKdDeriveKey(new byte[] {2}, new byte[] {3}, new byte[48], "k"),
        new ManagementRequest.EcdsaPublicKey("secp256k1", List.of(new byte[] {4}), "k"),
        new ManagementRequest.SignWithEcdsa("p256", new byte[32], List.of(), "k"),
        new ManagementRequest.SchnorrPublicKey("bip340", List.of(new byte[] {5}), "k"),
        new ManagementRequest.SignWithSchnorr("ed25519", new byte[] {6}, List.of(), Optional.empty(), "k"),
        new ManagementRequest.EcdhPublicKey("x25519", List.of(new byte[] {1}), "k"),
        new ManagementRequest.EcdhDerive("p256", new byte[33], List.of(new byte[] {2}),
            Optional.of(new byte[33]), "k"),
        new ManagementRequest.DocumentKeyServerKey("k"),
        new ManagementRequest.DocumentKeyStore(new byte[33], new byte[10], "k"),
        new ManagementRequest.DocumentKeyShadows(new byte[33], new byte[33], "k"));
    for (ManagementRequest r : all) {
      ManagementRequest back = ManagementRequest.decode(r.method(), r.encode());
      assertThat(back.method()).isEqualTo(r.method());
      assertThat(back.encode()).isEqualTo(r.encode());
    }
  }

  @Test
  void aMissingFieldIsNamedWithItsMethod() {
    byte[] arg = new ManagementRequest.EcdhPublicKey("p256", List.of(), "k").encode();
    assertThatThrownBy(() -> ManagementRequest.decode("ecdh_derive", arg))
        .isInstanceOf(InvalidManagementArgsException.class)
        .hasMessageContaining("ecdh_derive").hasMessageContaining("peer_public_key");
  }

  @Test
  void garbageAndUnknownMethodsAreRejectedClearly() {
    assertThatThrownBy(() -> ManagementRequest.decode("vetkd_derive_key", new byte[] {(byte) 0xff}))
        .isInstanceOf(InvalidManagementArgsException.class).hasMessageContaining("not CBOR");
    assertThatThrownBy(() -> ManagementRequest.decode("raw_rand",
        new ManagementRequest.DocumentKeyServerKey("k").encode()))
        .isInstanceOf(InvalidManagementArgsException.class).hasMessageContaining("no such method");
  }
}
