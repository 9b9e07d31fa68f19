package dev.subnetsim.chainkey.artifacts;

import java.util.Objects;

/**
 * A threshold ECDH result ({@code ecdh} line): the subnet's public key, the test peer's key pair,
 * and the combined shared secret (32-byte x-coordinate; u-coordinate for X25519) that the peer must
 * reproduce with ordinary ECDH.
 */
public record EcdhArtifact(
    ArtifactOrigin origin,
    EcdhCurve curve,
    byte[] subnetPublicKey,
    byte[] peerPublicKey,
    byte[] peerPrivateKey,
    byte[] sharedSecret) implements ChainKeyArtifact {

  public EcdhArtifact {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(curve, "curve");
    subnetPublicKey = subnetPublicKey.clone();
    peerPublicKey = peerPublicKey.clone();
    peerPrivateKey = peerPrivateKey.clone();
    sharedSecret = sharedSecret.clone();
  }

  @Override
  public ArtifactKind kind() {
    return ArtifactKind.ECDH;
  }

  // Value semantics over the byte[] components: equal iff the logged lines are equal.
  @Override
  public boolean equals(Object o) {
    return o instanceof EcdhArtifact other && ArtifactJson.toJsonLine(this).equals(ArtifactJson.toJsonLine(other));
  }

  @Override
  public int hashCode() {
    return ArtifactJson.toJsonLine(this).hashCode();
  }

  @Override
  public String toString() {
    return ArtifactJson.toJsonLine(this);
  }
}
