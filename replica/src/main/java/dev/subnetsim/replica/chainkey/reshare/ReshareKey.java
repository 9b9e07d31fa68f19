package dev.subnetsim.replica.chainkey.reshare;

import java.util.List;
import java.util.Locale;

/**
 * The chain keys a reshare moves, by the names scenarios use, and the concrete key ids each name
 * stands for (one per curve or algorithm).
 */
public enum ReshareKey {
  ECDSA(List.of("ecdsa/secp256k1", "ecdsa/p256")),
  SCHNORR(List.of("schnorr/bip340", "schnorr/ed25519")),
  VETKD(List.of(ReshareKey.VETKD_ID)),
  ECDH(List.of("ecdh/p256", "ecdh/secp256k1", "ecdh/ed25519")),
  DOCUMENT(List.of("document"));

  public static final String VETKD_ID = "vetkd";

  private final List<String> keyIds;

  ReshareKey(List<String> keyIds) {
    this.keyIds = keyIds;
  }

  public List<String> keyIds() {
    return keyIds;
  }

  /** The scenario name: ecdsa, schnorr, vetkd, ecdh or document. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static ReshareKey named(String name) {
    for (ReshareKey k : values()) {
      if (k.wireName().equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown key '" + name
        + "' (expected one of ecdsa, schnorr, vetkd, ecdh, document)");
  }
}
