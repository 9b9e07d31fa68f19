package dev.subnetsim.chainkey.artifacts;

/** The {@code kind} values of the artifacts log (docs/FORMATS.md). */
public enum ArtifactKind {
  CERTIFICATE("certificate"),
  BLS("bls"),
  ECDSA("ecdsa"),
  SCHNORR("schnorr"),
  VETKD("vetkd"),
  ECDH("ecdh"),
  CANISTER_SIGNATURE("canister_signature");

  private final String wireName;

  ArtifactKind(String wireName) {
    this.wireName = wireName;
  }

  /** The value of the {@code kind} field. */
  public String wireName() {
    return wireName;
  }

  /** The kind named {@code wireName}; throws {@link ArtifactFormatException} for an unknown one. */
  public static ArtifactKind fromWireName(String wireName) {
    for (ArtifactKind k : values()) {
      if (k.wireName.equals(wireName)) {
        return k;
      }
    }
    throw new ArtifactFormatException("kind", "unknown kind '" + wireName + "'");
  }
}
