package dev.subnetsim.replica.management;

import java.util.List;
import java.util.Optional;

/**
 * The chain-key methods of the management canister ({@code aaaaa-aa}) a canister calls with
 * {@code Env.call(CanisterId.MANAGEMENT, method, request.encode(), ...)}. The IC methods keep their
 * interface-spec names and fields; {@code ecdh_*} and {@code document_key_*} are ours (threshold ECDH
 * for the mDL story, Secret Store document keys). Arguments are CBOR maps (see {@link CborFields}),
 * or Candid as on the IC ({@link ManagementCandid}; the reply then is Candid too).
 * Byte fields are raw bytes; curves and algorithms are lowercase text as in the artifacts log.
 */
public sealed interface ManagementRequest {

  /** The management-canister method this request is the argument of. */
  String method();

  byte[] encode();

  /** The argument in Candid, as {@code management.did} states it. */
  default byte[] encodeCandid() {
    return ManagementCandid.encode(this);
  }

  /** Candid if {@code candid}, else CBOR: a canister calls in the format it was called in. */
  default byte[] encode(boolean candid) {
    return candid ? encodeCandid() : encode();
  }

  String KEY_NAME = "key_name";

  /** vetkd_public_key: the caller's derived vetKD public key (G2, 96 B) for {@code context}. */
  record VetKdPublicKey(byte[] context, String keyName) implements ManagementRequest {
    public String method() {
      return "vetkd_public_key";
    }

    public byte[] encode() {
      return new CborFields.Builder().bytes("context", context).text(KEY_NAME, keyName).encode();
    }
  }

  /** vetkd_derive_key: the vetKey for (caller, context, input) encrypted to a transport key (G1). */
  record VetKdDeriveKey(byte[] input, byte[] context, byte[] transportPublicKey, String keyName)
      implements ManagementRequest {
    public String method() {
      return "vetkd_derive_key";
    }

    public byte[] encode() {
      return new CborFields.Builder().bytes("context", context).bytes("input", input)
          .text(KEY_NAME, keyName).bytes("transport_public_key", transportPublicKey).encode();
    }
  }

  /** ecdsa_public_key: the derived key (SEC1 compressed) and chain code for the caller and path. */
  record EcdsaPublicKey(String curve, List<byte[]> derivationPath, String keyName)
      implements ManagementRequest {
    public String method() {
      return "ecdsa_public_key";
    }

    public byte[] encode() {
      return derived("curve", curve, derivationPath, keyName).encode();
    }
  }

  /** sign_with_ecdsa: r||s (low s) over a 32-byte hash under the caller's derived key. */
  record SignWithEcdsa(String curve, byte[] messageHash, List<byte[]> derivationPath, String keyName)
      implements ManagementRequest {
    public String method() {
      return "sign_with_ecdsa";
    }

    public byte[] encode() {
      return derived("curve", curve, derivationPath, keyName)
          .bytes("message_hash", messageHash).encode();
    }
  }

  /** schnorr_public_key: algorithm bip340 (33 B SEC1) or ed25519 (32 B), plus chain code. */
  record SchnorrPublicKey(String algorithm, List<byte[]> derivationPath, String keyName)
      implements ManagementRequest {
    public String method() {
      return "schnorr_public_key";
    }

    public byte[] encode() {
      return derived("algorithm", algorithm, derivationPath, keyName).encode();
    }
  }

  /** sign_with_schnorr: a BIP340 (optionally taproot-tweaked) or Ed25519 signature of a message. */
  record SignWithSchnorr(String algorithm, byte[] message, List<byte[]> derivationPath,
      Optional<byte[]> taprootMerkleRoot, String keyName) implements ManagementRequest {
    public String method() {
      return "sign_with_schnorr";
    }

    public byte[] encode() {
      return derived("algorithm", algorithm, derivationPath, keyName).bytes("message", message)
          .optionalBytes("taproot_merkle_root", taprootMerkleRoot).encode();
    }
  }

  /**
   * ecdh_public_key (ours): the caller's ECDH public key on {@code curve} (p256, secp256k1, x25519),
   * derived for the caller and {@code derivationPath} as ecdsa_public_key derives (SEC1
   * compressed, or the X25519 u-coordinate), and its chain code.
   */
  record EcdhPublicKey(String curve, List<byte[]> derivationPath, String keyName)
      implements ManagementRequest {
    public String method() {
      return "ecdh_public_key";
    }

    public byte[] encode() {
      return derived("curve", curve, derivationPath, keyName).encode();
    }
  }

  /**
   * ecdh_derive (ours): x'*Q for the peer key Q, where x' is the caller's key for
   * {@code derivationPath} (see ecdh_public_key); with a transport key the result comes back
   * encrypted to it, so no replica and not the calling canister see the shared secret.
   */
  record EcdhDerive(String curve, byte[] peerPublicKey, List<byte[]> derivationPath,
      Optional<byte[]> transportPublicKey, String keyName) implements ManagementRequest {
    public String method() {
      return "ecdh_derive";
    }

    public byte[] encode() {
      return derived("curve", curve, derivationPath, keyName)
          .bytes("peer_public_key", peerPublicKey)
          .optionalBytes("transport_public_key", transportPublicKey).encode();
    }
  }

  /** document_key_server_key (ours): the Secret Store server key Y = x*G (secp256k1, 33 B). */
  record DocumentKeyServerKey(String keyName) implements ManagementRequest {
    public String method() {
      return "document_key_server_key";
    }

    public byte[] encode() {
      return new CborFields.Builder().text(KEY_NAME, keyName).encode();
    }
  }

  /**
   * document_key_store (ours): registers a document key by its common point C (33 B SEC1) with the
   * canister whose permission program guards it; the key holders then serve shadows of C to that
   * canister only. The first registration of a point stands (a second one naming another canister
   * is refused), so an owner registers before C is shown to anyone.
   */
  record DocumentKeyStore(byte[] commonPoint, byte[] permissionCanister, String keyName)
      implements ManagementRequest {
    /** Why a registration naming another canister than the one already registered is refused. */
    public static final String GUARDED_BY_ANOTHER =
        "this document key is already stored under another permission canister";

    public String method() {
      return "document_key_store";
    }

    public byte[] encode() {
      return new CborFields.Builder().bytes("common_point", commonPoint).text(KEY_NAME, keyName)
          .bytes("permission_canister", permissionCanister).encode();
    }
  }

  /**
   * document_key_shadows (ours): decryption shadows x_i*C of a stored document key's common point C,
   * each encrypted to the requester's public key with a proof; the requester combines them. Served
   * to the permission canister named when C was stored (document_key_store), and to another
   * canister only if that canister's permission program says yes when the key holders ask it
   * ({@link #CHECK_METHOD}); anyone else gets "403 not authorized".
   */
  record DocumentKeyShadows(byte[] commonPoint, byte[] requesterPublicKey, String keyName)
      implements ManagementRequest {
    /** The reject message of a caller the document's permission program does not authorize. */
    public static final String FORBIDDEN = "403 not authorized";
    /**
     * The update method of a permission program the key holders call about any other requester,
     * with argument {@code u32 len || requester principal || C (33 B, SEC1 compressed)}; the reply
     * {@code [1]} allows, anything else refuses. Its caller is the management canister.
     */
    public static final String CHECK_METHOD = "check_permissions";

    public String method() {
      return "document_key_shadows";
    }

    public byte[] encode() {
      return new CborFields.Builder().bytes("common_point", commonPoint).text(KEY_NAME, keyName)
          .bytes("requester_public_key", requesterPublicKey).encode();
    }
  }

  /**
   * The fields every derived-key method (ECDSA, Schnorr, ECDH) starts with, in the order they are
   * encoded: the curve or algorithm under {@code schemeField}, the derivation path, the key name.
   */
  private static CborFields.Builder derived(String schemeField, String scheme,
      List<byte[]> derivationPath, String keyName) {
    return new CborFields.Builder().text(schemeField, scheme)
        .bytesList("derivation_path", derivationPath).text(KEY_NAME, keyName);
  }

  /**
   * Decodes the argument of a management call.
   *
   * @throws InvalidManagementArgsException naming the method and the field, for an unknown method
   *     or a malformed argument
   */
  static ManagementRequest decode(String method, byte[] arg) {
    if (dev.subnetsim.replica.candid.Candid.isCandid(arg)) {
      return ManagementCandid.decode(method, arg);
    }
    CborFields f = CborFields.read(method, arg);
    return switch (method) {
      case "vetkd_public_key" -> new VetKdPublicKey(f.bytes("context"), f.text(KEY_NAME));
      case "vetkd_derive_key" -> new VetKdDeriveKey(f.bytes("input"), f.bytes("context"),
          f.bytes("transport_public_key"), f.text(KEY_NAME));
      case "ecdsa_public_key" -> new EcdsaPublicKey(f.text("curve"), f.bytesList("derivation_path"),
          f.text(KEY_NAME));
      case "sign_with_ecdsa" -> new SignWithEcdsa(f.text("curve"), f.bytes("message_hash"),
          f.bytesList("derivation_path"), f.text(KEY_NAME));
      case "schnorr_public_key" -> new SchnorrPublicKey(f.text("algorithm"),
          f.bytesList("derivation_path"), f.text(KEY_NAME));
      case "sign_with_schnorr" -> new SignWithSchnorr(f.text("algorithm"), f.bytes("message"),
          f.bytesList("derivation_path"), f.optionalBytes("taproot_merkle_root"), f.text(KEY_NAME));
      case "ecdh_public_key" -> new EcdhPublicKey(f.text("curve"), f.bytesList("derivation_path"),
          f.text(KEY_NAME));
      case "ecdh_derive" -> new EcdhDerive(f.text("curve"), f.bytes("peer_public_key"),
          f.bytesList("derivation_path"), f.optionalBytes("transport_public_key"), f.text(KEY_NAME));
      case "document_key_server_key" -> new DocumentKeyServerKey(f.text(KEY_NAME));
      case "document_key_store" -> new DocumentKeyStore(f.bytes("common_point"),
          f.bytes("permission_canister"), f.text(KEY_NAME));
      case "document_key_shadows" -> new DocumentKeyShadows(f.bytes("common_point"),
          f.bytes("requester_public_key"), f.text(KEY_NAME));
      default -> throw new InvalidManagementArgsException(method, "no such method");
    };
  }
}
