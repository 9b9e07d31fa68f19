package dev.subnetsim.chainkey.artifacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subnetsim.chainkey.bytes.Bytes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps artifacts to artifacts-log lines and back (docs/FORMATS.md, "Artifacts log"). Output is one
 * JSON object on one line, fields in the order docs/FORMATS.md lists them ({@code kind}, {@code
 * subnet}, {@code height}, {@code key_id}, then the kind's own fields), bytes as lowercase hex
 * without {@code 0x}. Parsing is strict: a missing field, a field of the wrong type, hex that is
 * not lowercase whole bytes, or an unknown kind throws {@link ArtifactFormatException} naming the
 * field.
 */
public final class ArtifactJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();
  private static final Pattern LOWER_HEX = Pattern.compile("(?:[0-9a-f]{2})*");

  private ArtifactJson() {}

  /** The artifact's line, without a trailing newline. */
  public static String toJsonLine(ChainKeyArtifact artifact) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("kind", artifact.kind().wireName());
    ArtifactOrigin origin = artifact.origin();
    o.put("subnet", origin.subnet());
    o.put("height", origin.height());
    o.put("key_id", origin.keyId());
    if (artifact instanceof CertificateArtifact a) {
      hex(o, "root_key_der", a.rootKeyDer());
      hex(o, "certificate", a.certificate());
      a.canisterId().ifPresent(id -> o.put("canister_id", id));
    } else if (artifact instanceof BlsArtifact a) {
      hex(o, "public_key", a.publicKey());
      hex(o, "message", a.message());
      hex(o, "signature", a.signature());
      o.put("dst", a.dst());
    } else if (artifact instanceof EcdsaArtifact a) {
      o.put("curve", a.curve().wireName());
      derivation(o, a.derivation());
      hex(o, "public_key", a.publicKey());
      hex(o, "message_hash", a.messageHash());
      hex(o, "signature", a.signature());
    } else if (artifact instanceof SchnorrArtifact a) {
      o.put("algorithm", a.algorithm().wireName());
      derivation(o, a.derivation());
      hex(o, "public_key", a.publicKey());
      hex(o, "message", a.message());
      hex(o, "signature", a.signature());
    } else if (artifact instanceof VetKdArtifact a) {
      hex(o, "master_public_key", a.masterPublicKey());
      o.put("canister_id", a.canisterId());
      hex(o, "context", a.context());
      hex(o, "input", a.input());
      hex(o, "transport_secret_key", a.transportSecretKey());
      hex(o, "encrypted_key", a.encryptedKey());
    } else if (artifact instanceof EcdhArtifact a) {
      o.put("curve", a.curve().wireName());
      hex(o, "subnet_public_key", a.subnetPublicKey());
      o.put("canister_id", a.canisterId());
      path(o, a.derivationPath());
      hex(o, "public_key", a.publicKey());
      hex(o, "peer_public_key", a.peerPublicKey());
      hex(o, "peer_private_key", a.peerPrivateKey());
      hex(o, "shared_secret", a.sharedSecret());
    } else if (artifact instanceof CanisterSignatureArtifact a) {
      hex(o, "public_key_der", a.publicKeyDer());
      hex(o, "message", a.message());
      hex(o, "signature", a.signature());
      hex(o, "root_key_der", a.rootKeyDer());
    } else {
      throw new IllegalArgumentException("unknown artifact type " + artifact.getClass());
    }
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }

  /** Parses one line (surrounding whitespace allowed). */
  public static ChainKeyArtifact parse(String line) {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new ArtifactFormatException("line", "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new ArtifactFormatException("line", "not a JSON object");
    }
    ArtifactKind kind = ArtifactKind.fromWireName(text(node, "kind"));
    JsonNode height = node.get("height");
    if (height == null || !height.canConvertToExactIntegral() || !height.canConvertToLong()) {
      throw new ArtifactFormatException("height", "missing or not an integer");
    }
    ArtifactOrigin origin =
        new ArtifactOrigin(text(node, "subnet"), height.longValue(), text(node, "key_id"));
    return switch (kind) {
      case CERTIFICATE -> new CertificateArtifact(
          origin,
          bytes(node, "root_key_der"),
          bytes(node, "certificate"),
          node.has("canister_id") ? Optional.of(text(node, "canister_id")) : Optional.empty());
      case BLS -> new BlsArtifact(
          origin,
          bytes(node, "public_key"),
          bytes(node, "message"),
          bytes(node, "signature"),
          text(node, "dst"));
      case ECDSA -> new EcdsaArtifact(
          origin,
          EcdsaCurve.fromWireName("curve", text(node, "curve")),
          derivation(node),
          bytes(node, "public_key"),
          bytes(node, "message_hash"),
          bytes(node, "signature"));
      case SCHNORR -> new SchnorrArtifact(
          origin,
          SchnorrAlgorithm.fromWireName("algorithm", text(node, "algorithm")),
          derivation(node),
          bytes(node, "public_key"),
          bytes(node, "message"),
          bytes(node, "signature"));
      case VETKD -> new VetKdArtifact(
          origin,
          bytes(node, "master_public_key"),
          text(node, "canister_id"),
          bytes(node, "context"),
          bytes(node, "input"),
          bytes(node, "transport_secret_key"),
          bytes(node, "encrypted_key"));
      case ECDH -> new EcdhArtifact(
          origin,
          EcdhCurve.fromWireName("curve", text(node, "curve")),
          bytes(node, "subnet_public_key"),
          text(node, "canister_id"),
          bytesList(node, "derivation_path"),
          bytes(node, "public_key"),
          bytes(node, "peer_public_key"),
          bytes(node, "peer_private_key"),
          bytes(node, "shared_secret"));
      case CANISTER_SIGNATURE -> new CanisterSignatureArtifact(
          origin,
          bytes(node, "public_key_der"),
          bytes(node, "message"),
          bytes(node, "signature"),
          bytes(node, "root_key_der"));
    };
  }

  private static void derivation(ObjectNode o, KeyDerivation d) {
    hex(o, "master_public_key", d.masterPublicKey());
    hex(o, "chain_code", d.chainCode());
    o.put("canister_id", d.canisterId());
    path(o, d.derivationPath());
  }

  private static void path(ObjectNode o, List<Bytes> derivationPath) {
    ArrayNode list = o.putArray("derivation_path");
    derivationPath.forEach(component -> list.add(component.toHex()));
  }

  private static KeyDerivation derivation(JsonNode node) {
    return new KeyDerivation(bytes(node, "master_public_key"), bytes(node, "chain_code"),
        text(node, "canister_id"), bytesList(node, "derivation_path"));
  }

  private static void hex(ObjectNode o, String field, Bytes value) {
    o.put(field, value.toHex());
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new ArtifactFormatException(field, "missing or not a string");
    }
    return v.textValue();
  }

  private static Bytes bytes(JsonNode node, String field) {
    return Bytes.of(hexValue(field, text(node, field)));
  }

  private static List<Bytes> bytesList(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isArray()) {
      throw new ArtifactFormatException(field, "missing or not a list");
    }
    List<Bytes> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      String name = field + "[" + i + "]";
      if (!item.isTextual()) {
        throw new ArtifactFormatException(name, "not a string");
      }
      out.add(Bytes.of(hexValue(name, item.textValue())));
    }
    return out;
  }

  private static byte[] hexValue(String field, String value) {
    if (!LOWER_HEX.matcher(value).matches()) {
      throw new ArtifactFormatException(field, "not lowercase hex of whole bytes (no 0x)");
    }
    return HEX.parseHex(value);
  }
}
