package dev.subnetsim.chainkey.artifacts;

/** The {@code curve} of an {@code ecdsa} line. */
public enum EcdsaCurve {
  SECP256K1("secp256k1"),
  P256("p256");

  private final String wireName;

  EcdsaCurve(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  static EcdsaCurve fromWireName(String field, String value) {
    for (EcdsaCurve c : values()) {
      if (c.wireName.equals(value)) {
        return c;
      }
    }
    throw new ArtifactFormatException(field, "unknown ECDSA curve '" + value + "'");
  }
}
