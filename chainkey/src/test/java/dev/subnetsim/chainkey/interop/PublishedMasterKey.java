package dev.subnetsim.chainkey.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A master public key as published by @dfinity/ic-pub-key 1.0.2 ({@code forMainnetKey},
 * {@code forPocketIcKey}) or @dfinity/vetkeys 0.4.0 ({@code MasterPublicKey.productionKey}).
 */
public record PublishedMasterKey(
    String scheme, String network, String keyId, byte[] publicKey, byte[] chainCode) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<PublishedMasterKey> parseAll(String output) {
    HexFormat hex = HexFormat.of();
    List<PublishedMasterKey> out = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode n = MAPPER.readTree(line);
        out.add(new PublishedMasterKey(n.get("scheme").asText(), n.get("network").asText(),
            n.get("key_id").asText(), hex.parseHex(n.get("public_key").asText()),
            hex.parseHex(n.get("chain_code").asText())));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("derive-keys.mjs printed a non-JSON line: " + line, e);
      }
    }
    return out;
  }
}
