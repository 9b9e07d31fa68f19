package dev.subnetsim.chainkey.artifacts;

/** The {@code algorithm} of a {@code schnorr} line. */
public enum SchnorrAlgorithm {
  BIP340("bip340"),
  ED25519("ed25519");

  private final String wireName;

  SchnorrAlgorithm(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  static SchnorrAlgorithm fromWireName(String field, String value) {
    for (SchnorrAlgorithm a : values()) {
      if (a.wireName.equals(value)) {
        return a;
      }
    }
    throw new ArtifactFormatException(field, "unknown Schnorr algorithm '" + value + "'");
  }
}
