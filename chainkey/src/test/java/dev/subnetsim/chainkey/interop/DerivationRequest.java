package dev.subnetsim.chainkey.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.List;

/**
 * One request to derive-keys.mjs: scheme {@code ecdsa_secp256k1 | ecdsa_p256 | bip340 | ed25519 |
 * vetkd}; for vetkd the chain code is empty and the path is {@code [context]}.
 */
public record DerivationRequest(
    String scheme, byte[] masterPublicKey, byte[] chainCode, String canisterId, List<byte[]> path) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  String toJsonLine() {
    HexFormat hex = HexFormat.of();
    ObjectNode o = MAPPER.createObjectNode();
    o.put("scheme", scheme);
    o.put("master_public_key", hex.formatHex(masterPublicKey));
    o.put("chain_code", hex.formatHex(chainCode));
    o.put("canister_id", canisterId);
    path.forEach(component -> o.withArray("derivation_path").add(hex.formatHex(component)));
    if (path.isEmpty()) {
      o.putArray("derivation_path");
    }
    return o.toString();
  }
}
