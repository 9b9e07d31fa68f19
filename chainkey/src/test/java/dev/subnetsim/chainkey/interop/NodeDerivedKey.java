package dev.subnetsim.chainkey.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * derive-keys.mjs's answer to one request: the derived public key and chain code (empty for
 * vetkd), and which library derived it ({@code ic-pub-key}, {@code @dfinity/vetkeys}, or
 * {@code harness-p256} for P-256, which ic-pub-key 1.0.2 does not cover).
 */
public record NodeDerivedKey(byte[] publicKey, byte[] chainCode, String source) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<NodeDerivedKey> parseAll(String output, int expected) {
    List<NodeDerivedKey> out = new ArrayList<>();
    HexFormat hex = HexFormat.of();
    for (String line : output.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = MAPPER.readTree(line);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("derive-keys.mjs printed a non-JSON line: " + line, e);
      }
      if (n.has("error")) {
        throw new IllegalStateException("derive-keys.mjs failed: " + n.get("error").asText());
      }
      out.add(new NodeDerivedKey(hex.parseHex(n.get("public_key").asText()),
          hex.parseHex(n.get("chain_code").asText()), n.get("source").asText()));
    }
    if (out.size() != expected) {
      throw new IllegalStateException("derive-keys.mjs answered " + out.size() + " of " + expected
          + " requests:\n" + output);
    }
    return out;
  }
}
