package dev.subnetsim.chainkey.artifacts;

/** The {@code curve} of an {@code ecdh} line. */
public enum EcdhCurve {
  P256("p256"),
  SECP256K1("secp256k1"),
  X25519("x25519");

  private final String wireName;

  EcdhCurve(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  static EcdhCurve fromWireName(String field, String value) {
    for (EcdhCurve c : values()) {
      if (c.wireName.equals(value)) {
        return c;
      }
    }
    throw new ArtifactFormatException(field, "unknown ECDH curve '" + value + "'");
  }
}
