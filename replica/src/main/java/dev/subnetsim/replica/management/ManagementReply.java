package dev.subnetsim.replica.management;

import dev.subnetsim.replica.candid.Candid;
import java.util.List;
import java.util.Map;

/**
 * Replies of the management canister's chain-key methods: CBOR maps or Candid, as the request
 * was; each {@code decode} reads either.
 */
public sealed interface ManagementReply {

  byte[] encode();

  /**
   * The reply to a call of {@code method} whose argument was {@code requestArg}: Candid if the
   * argument was Candid, CBOR otherwise (the example canisters' own calls).
   */
  default byte[] encodeFor(String method, byte[] requestArg) {
    return Candid.isCandid(requestArg)
        ? ManagementCandid.encodeReply(method, this) : encode();
  }

  /** ecdsa_public_key / schnorr_public_key / ecdh_public_key: the derived key and its chain code. */
  record PublicKey(byte[] publicKey, byte[] chainCode) implements ManagementReply {
    public byte[] encode() {
      return new CborFields.Builder().bytes("chain_code", chainCode).bytes("public_key", publicKey)
          .encode();
    }

    public static PublicKey decode(byte[] bytes) {
      if (Candid.isCandid(bytes)) {
        Map<String, Object> m = ManagementCandid.decodeReply("ecdsa_public_key", bytes);
        return new PublicKey((byte[]) m.get("public_key"), (byte[]) m.get("chain_code"));
      }
      CborFields f = CborFields.read("public_key reply", bytes);
      return new PublicKey(f.bytes("public_key"), f.bytes("chain_code"));
    }
  }

  /** sign_with_ecdsa (r||s) / sign_with_schnorr. */
  record Signature(byte[] signature) implements ManagementReply {
    public byte[] encode() {
      return new CborFields.Builder().bytes("signature", signature).encode();
    }

    public static Signature decode(byte[] bytes) {
      if (Candid.isCandid(bytes)) {
        return new Signature((byte[]) ManagementCandid.decodeReply("sign_with_ecdsa", bytes)
            .get("signature"));
      }
      return new Signature(CborFields.read("signature reply", bytes).bytes("signature"));
    }
  }

  /** vetkd_public_key (96 B G2), document_key_server_key. */
  record Key(byte[] publicKey) implements ManagementReply {
    public byte[] encode() {
      return new CborFields.Builder().bytes("public_key", publicKey).encode();
    }

    public static Key decode(byte[] bytes) {
      if (Candid.isCandid(bytes)) {
        return new Key((byte[]) ManagementCandid.decodeReply("vetkd_public_key", bytes)
            .get("public_key"));
      }
      return new Key(CborFields.read("key reply", bytes).bytes("public_key"));
    }
  }

  /** vetkd_derive_key: the 192-byte encrypted key. */
  record EncryptedVetKey(byte[] encryptedKey) implements ManagementReply {
    public byte[] encode() {
      return new CborFields.Builder().bytes("encrypted_key", encryptedKey).encode();
    }

    public static EncryptedVetKey decode(byte[] bytes) {
      if (Candid.isCandid(bytes)) {
        return new EncryptedVetKey((byte[]) ManagementCandid.decodeReply("vetkd_derive_key",
            bytes).get("encrypted_key"));
      }
      return new EncryptedVetKey(CborFields.read("vetkd_derive_key reply", bytes).bytes("encrypted_key"));
    }
  }

  /**
   * ecdh_derive: the 32-byte shared secret of the caller's derived key, or (with a transport key) the combined secret encrypted
   * to it in chainkey's {@code EncryptedCombinedDh} wire form.
   */
  record Ecdh(byte[] result, boolean encrypted) implements ManagementReply {
    public byte[] encode() {
      return new CborFields.Builder().uint("encrypted", encrypted ? 1 : 0).bytes("result", result)
          .encode();
    }

    public static Ecdh decode(byte[] bytes) {
      if (Candid.isCandid(bytes)) {
        Map<String, Object> m = ManagementCandid.decodeReply("ecdh_derive", bytes);
        return new Ecdh((byte[]) m.get("result"), (Boolean) m.get("encrypted"));
      }
      CborFields f = CborFields.read("ecdh_derive reply", bytes);
      return new Ecdh(f.bytes("result"), f.uint("encrypted") == 1);
    }
  }

  /** document_key_store: done (an empty map). */
  record Done() implements ManagementReply {
    public byte[] encode() {
      return new CborFields.Builder().encode();
    }
  }

  /** document_key_shadows: at least a threshold of encrypted shadows with proofs, in wire form. */
  record DocumentKeyShadows(List<byte[]> shadows) implements ManagementReply {
    public byte[] encode() {
      return new CborFields.Builder().bytesList("shadows", shadows).encode();
    }

    @SuppressWarnings("unchecked")
    public static DocumentKeyShadows decode(byte[] bytes) {
      if (Candid.isCandid(bytes)) {
        return new DocumentKeyShadows((List<byte[]>) ManagementCandid.decodeReply(
            "document_key_shadows", bytes).get("shadows"));
      }
      return new DocumentKeyShadows(CborFields.read("document_key_shadows reply", bytes).bytesList("shadows"));
    }
  }
}
