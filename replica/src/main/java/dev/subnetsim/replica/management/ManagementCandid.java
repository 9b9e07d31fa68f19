package dev.subnetsim.replica.management;

import static dev.subnetsim.replica.candid.CandidType.field;
import static dev.subnetsim.replica.candid.CandidType.opt;
import static dev.subnetsim.replica.candid.CandidType.record;
import static dev.subnetsim.replica.candid.CandidType.vec;

import dev.subnetsim.replica.candid.Candid;
import dev.subnetsim.replica.candid.CandidType;
import dev.subnetsim.replica.candid.CandidVariant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chain-key methods in Candid, as {@code management.did} (resources, {@code candid/}) states
 * them: the IC's methods with the interface specification's types ({@code key_id} records, curve
 * and algorithm variants, {@code opt canister_id}), ours for ECDH and document keys in the same
 * style. A management call whose argument is Candid is answered in Candid; the example canisters'
 * own calls stay CBOR ({@link CborFields}), so the bytes of existing runs do not change.
 */
public final class ManagementCandid {
  private static final CandidType BLOB = CandidType.BLOB;
  private static final CandidType PATH = vec(CandidType.BLOB);
  private static final CandidType CANISTER = opt(CandidType.PRINCIPAL);

  static final CandidType ECDSA_KEY = keyId("curve",
      CandidType.enumeration("secp256k1", "secp256r1"));
  static final CandidType SCHNORR_KEY = keyId("algorithm",
      CandidType.enumeration("bip340secp256k1", "ed25519"));
  static final CandidType VETKD_KEY = keyId("curve", CandidType.enumeration("bls12_381_g2"));
  static final CandidType ECDH_KEY = keyId("curve",
      CandidType.enumeration("p256", "secp256k1", "x25519"));
  static final CandidType DOCUMENT_KEY = record(field("name", CandidType.TEXT));
  static final CandidType AUX = opt(CandidType.variant(field("bip341",
      record(field("merkle_root_hash", BLOB)))));

  private static final CandidType PUBLIC_KEY_REPLY = record(field("public_key", BLOB),
      field("chain_code", BLOB));
  private static final CandidType SIGNATURE_REPLY = record(field("signature", BLOB));
  private static final CandidType KEY_REPLY = record(field("public_key", BLOB));

  private ManagementCandid() {}

  private static CandidType keyId(String scheme, CandidType variant) {
    return record(field(scheme, variant), field("name", CandidType.TEXT));
  }

  /** The argument record of {@code method}, or empty for a method that is not ours. */
  static Optional<CandidType.Record> argument(String method) {
    return Optional.ofNullable(switch (method) {
      case "ecdsa_public_key" -> record(field("canister_id", CANISTER),
          field("derivation_path", PATH), field("key_id", ECDSA_KEY));
      case "sign_with_ecdsa" -> record(field("message_hash", BLOB),
          field("derivation_path", PATH), field("key_id", ECDSA_KEY));
      case "schnorr_public_key" -> record(field("canister_id", CANISTER),
          field("derivation_path", PATH), field("key_id", SCHNORR_KEY));
      case "sign_with_schnorr" -> record(field("message", BLOB), field("derivation_path", PATH),
          field("key_id", SCHNORR_KEY), field("aux", AUX));
      case "vetkd_public_key" -> record(field("canister_id", CANISTER), field("context", BLOB),
          field("key_id", VETKD_KEY));
      case "vetkd_derive_key" -> record(field("input", BLOB), field("context", BLOB),
          field("transport_public_key", BLOB), field("key_id", VETKD_KEY));
      case "ecdh_public_key" -> record(field("canister_id", CANISTER),
          field("derivation_path", PATH), field("key_id", ECDH_KEY));
      case "ecdh_derive" -> record(field("peer_public_key", BLOB), field("derivation_path", PATH),
          field("key_id", ECDH_KEY), field("transport_public_key", opt(BLOB)));
      case "document_key_server_key" -> record(field("key_id", DOCUMENT_KEY));
      case "document_key_store" -> record(field("common_point", BLOB),
          field("permission_canister", CandidType.PRINCIPAL), field("key_id", DOCUMENT_KEY));
      case "document_key_shadows" -> record(field("common_point", BLOB),
          field("requester_public_key", BLOB), field("key_id", DOCUMENT_KEY));
      default -> null;
    });
  }

  /** The result types of {@code method} (empty for {@code document_key_store}). */
  static List<CandidType> result(String method) {
    return switch (method) {
      case "ecdsa_public_key", "schnorr_public_key", "ecdh_public_key" -> List.of(PUBLIC_KEY_REPLY);
      case "sign_with_ecdsa", "sign_with_schnorr" -> List.of(SIGNATURE_REPLY);
      case "vetkd_public_key", "document_key_server_key" -> List.of(KEY_REPLY);
      case "vetkd_derive_key" -> List.of(record(field("encrypted_key", BLOB)));
      case "ecdh_derive" -> List.of(record(field("result", BLOB),
          field("encrypted", CandidType.BOOL)));
      case "document_key_store" -> List.of();
      case "document_key_shadows" -> List.of(record(field("shadows", PATH)));
      default -> throw new IllegalArgumentException("no management method '" + method + "'");
    };
  }

  /**
   * The canister whose key a public-key call asks for ({@code canister_id}, the caller when
   * absent on the IC), or empty when the argument names none.
   */
  public static Optional<byte[]> namedCanister(String method, byte[] arg) {
    if (!Candid.isCandid(arg) || !method.endsWith("_public_key")) {
      return Optional.empty();
    }
    Map<String, Object> r = decodeRecord(method, arg);
    return r.containsKey("canister_id") ? cast(r.get("canister_id")) : Optional.empty();
  }

  /** Decodes a Candid management argument into the request it means. */
  static ManagementRequest decode(String method, byte[] arg) {
    Map<String, Object> r = decodeRecord(method, arg);
    return switch (method) {
      case "ecdsa_public_key" -> new ManagementRequest.EcdsaPublicKey(ecdsaCurve(r),
          path(r), name(r));
      case "sign_with_ecdsa" -> new ManagementRequest.SignWithEcdsa(ecdsaCurve(r),
          bytes(r, "message_hash"), path(r), name(r));
      case "schnorr_public_key" -> new ManagementRequest.SchnorrPublicKey(algorithm(r),
          path(r), name(r));
      case "sign_with_schnorr" -> new ManagementRequest.SignWithSchnorr(algorithm(r),
          bytes(r, "message"), path(r), merkleRoot(r), name(r));
      case "vetkd_public_key" -> new ManagementRequest.VetKdPublicKey(bytes(r, "context"),
          name(r));
      case "vetkd_derive_key" -> new ManagementRequest.VetKdDeriveKey(bytes(r, "input"),
          bytes(r, "context"), bytes(r, "transport_public_key"), name(r));
      case "ecdh_public_key" -> new ManagementRequest.EcdhPublicKey(tag(r), path(r), name(r));
      case "ecdh_derive" -> new ManagementRequest.EcdhDerive(tag(r), bytes(r, "peer_public_key"),
          path(r), cast(r.get("transport_public_key")), name(r));
      case "document_key_server_key" -> new ManagementRequest.DocumentKeyServerKey(name(r));
      case "document_key_store" -> new ManagementRequest.DocumentKeyStore(
          bytes(r, "common_point"), bytes(r, "permission_canister"), name(r));
      case "document_key_shadows" -> new ManagementRequest.DocumentKeyShadows(
          bytes(r, "common_point"), bytes(r, "requester_public_key"), name(r));
      default -> throw new InvalidManagementArgsException(method, "no such method");
    };
  }

  /** The request as a Candid argument (the inverse of {@link #decode}). */
  static byte[] encode(ManagementRequest request) {
    Map<String, Object> v = new LinkedHashMap<>();
    if (request instanceof ManagementRequest.EcdsaPublicKey r) {
      derived(v, true, r.derivationPath(), "curve", ecdsaTag(r.curve()), r.keyName());
    } else if (request instanceof ManagementRequest.SignWithEcdsa r) {
      v.put("message_hash", r.messageHash());
      derived(v, false, r.derivationPath(), "curve", ecdsaTag(r.curve()), r.keyName());
    } else if (request instanceof ManagementRequest.SchnorrPublicKey r) {
      derived(v, true, r.derivationPath(), "algorithm", schnorrTag(r.algorithm()),
          r.keyName());
    } else if (request instanceof ManagementRequest.SignWithSchnorr r) {
      v.put("message", r.message());
      derived(v, false, r.derivationPath(), "algorithm", schnorrTag(r.algorithm()), r.keyName());
      v.put("aux", r.taprootMerkleRoot().map(root -> new CandidVariant("bip341",
          Map.of("merkle_root_hash", root))));
    } else if (request instanceof ManagementRequest.VetKdPublicKey r) {
      v.put("canister_id", Optional.empty());
      v.put("context", r.context());
      v.put("key_id", keyIdValue("curve", "bls12_381_g2", r.keyName()));
    } else if (request instanceof ManagementRequest.VetKdDeriveKey r) {
      v.put("input", r.input());
      v.put("context", r.context());
      v.put("transport_public_key", r.transportPublicKey());
      v.put("key_id", keyIdValue("curve", "bls12_381_g2", r.keyName()));
    } else if (request instanceof ManagementRequest.EcdhPublicKey r) {
      derived(v, true, r.derivationPath(), "curve", r.curve(), r.keyName());
    } else if (request instanceof ManagementRequest.EcdhDerive r) {
      v.put("peer_public_key", r.peerPublicKey());
      derived(v, false, r.derivationPath(), "curve", r.curve(), r.keyName());
      v.put("transport_public_key", r.transportPublicKey());
    } else if (request instanceof ManagementRequest.DocumentKeyServerKey r) {
      v.put("key_id", Map.of("name", r.keyName()));
    } else if (request instanceof ManagementRequest.DocumentKeyStore r) {
      v.put("common_point", r.commonPoint());
      v.put("permission_canister", r.permissionCanister());
      v.put("key_id", Map.of("name", r.keyName()));
    } else if (request instanceof ManagementRequest.DocumentKeyShadows r) {
      v.put("common_point", r.commonPoint());
      v.put("requester_public_key", r.requesterPublicKey());
      v.put("key_id", Map.of("name", r.keyName()));
    }
    return encodeArgument(request.method(), v);
  }

  /**
   * The fields of a derived-key method; a public-key method has {@code canister_id}, left out
   * (the caller's own key, which is all a CBOR request can ask for).
   */
  private static void derived(Map<String, Object> v, boolean hasCanisterId,
      List<byte[]> path, String scheme, String tag, String keyName) {
    if (hasCanisterId) {
      v.put("canister_id", Optional.empty());
    }
    v.put("derivation_path", path);
    v.put("key_id", keyIdValue(scheme, tag, keyName));
  }

  private static Map<String, Object> keyIdValue(String scheme, String tag, String name) {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put(scheme, CandidVariant.of(tag));
    k.put("name", name);
    return k;
  }

  private static String ecdsaTag(String curve) {
    return curve.equals("p256") ? "secp256r1" : curve;
  }

  private static String schnorrTag(String algorithm) {
    return algorithm.equals("bip340") ? "bip340secp256k1" : algorithm;
  }

  /** The reply to a call of {@code method} in Candid. */
  static byte[] encodeReply(String method, ManagementReply reply) {
    List<CandidType> types = result(method);
    Map<String, Object> v = new LinkedHashMap<>();
    if (reply instanceof ManagementReply.PublicKey k) {
      v.put("public_key", k.publicKey());
      v.put("chain_code", k.chainCode());
    } else if (reply instanceof ManagementReply.Signature s) {
      v.put("signature", s.signature());
    } else if (reply instanceof ManagementReply.Key k) {
      v.put("public_key", k.publicKey());
    } else if (reply instanceof ManagementReply.EncryptedVetKey k) {
      v.put("encrypted_key", k.encryptedKey());
    } else if (reply instanceof ManagementReply.Ecdh e) {
      v.put("result", e.result());
      v.put("encrypted", e.encrypted());
    } else if (reply instanceof ManagementReply.DocumentKeyShadows d) {
      v.put("shadows", d.shadows());
    } else {
      return Candid.encode(types, List.of());
    }
    return Candid.encode(types, List.of(v));
  }

  /** Decodes a Candid reply of {@code method} into its fields (for tests and clients). */
  public static Map<String, Object> decodeReply(String method, byte[] bytes) {
    List<Object> values = Candid.decode(bytes, result(method));
    @SuppressWarnings("unchecked")
    Map<String, Object> m = values.isEmpty() ? Map.of() : (Map<String, Object>) values.get(0);
    return m;
  }

  /** Encodes an argument record of {@code method} given its fields (for tests and clients). */
  public static byte[] encodeArgument(String method, Map<String, Object> fields) {
    CandidType t = argument(method).orElseThrow(
        () -> new IllegalArgumentException("no management method '" + method + "'"));
    return Candid.encode(List.of(t), List.of(fields));
  }

  private static Map<String, Object> decodeRecord(String method, byte[] arg) {
    CandidType t = argument(method).orElseThrow(
        () -> new InvalidManagementArgsException(method, "no such method"));
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> r = (Map<String, Object>) Candid.decode(arg, List.of(t)).get(0);
      return r;
    } catch (IllegalArgumentException e) {
      throw new InvalidManagementArgsException(method, "Candid argument: " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object o) {
    return (T) o;
  }

  private static byte[] bytes(Map<String, Object> r, String name) {
    return (byte[]) r.get(name);
  }

  private static List<byte[]> path(Map<String, Object> r) {
    return cast(r.get("derivation_path"));
  }

  private static Map<String, Object> keyId(Map<String, Object> r) {
    return cast(r.get("key_id"));
  }

  private static String name(Map<String, Object> r) {
    return (String) keyId(r).get("name");
  }

  /** The key's curve or algorithm case, under whichever of the two names it has. */
  private static String tag(Map<String, Object> r) {
    Map<String, Object> k = keyId(r);
    Object v = k.containsKey("curve") ? k.get("curve") : k.get("algorithm");
    return ((CandidVariant) v).tag();
  }

  private static String ecdsaCurve(Map<String, Object> r) {
    return tag(r).equals("secp256r1") ? "p256" : tag(r);
  }

  private static String algorithm(Map<String, Object> r) {
    return tag(r).equals("bip340secp256k1") ? "bip340" : tag(r);
  }

  private static Optional<byte[]> merkleRoot(Map<String, Object> r) {
    Optional<CandidVariant> aux = cast(r.get("aux"));
    return aux.map(a -> {
      Map<String, Object> bip341 = cast(a.value());
      return (byte[]) bip341.get("merkle_root_hash");
    });
  }
}
