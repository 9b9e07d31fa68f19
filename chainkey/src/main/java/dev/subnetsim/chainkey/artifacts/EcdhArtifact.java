package dev.subnetsim.chainkey.artifacts;

import java.util.List;
import java.util.Objects;

/**
 * A threshold ECDH result ({@code ecdh} line): the subnet's master public key, the caller
 * ({@code canister_id}, principal text) and {@code derivation_path} its key is derived with, that
 * derived {@code public_key}, the test peer's key pair, and the combined shared secret (32-byte
 * x-coordinate; u-coordinate for X25519) that the peer must reproduce with ordinary ECDH against
 * {@code public_key}.
 */
public record EcdhArtifact(
    ArtifactOrigin origin,
    EcdhCurve curve,
    byte[] subnetPublicKey,
    String canisterId,
    List<byte[]> derivationPath,
    byte[] publicKey,
    byte[] peerPublicKey,
    byte[] peerPrivateKey,
    byte[] sharedSecret) implements ChainKeyArtifact {

  public EcdhArtifact {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(curve, "curve");
    Objects.requireNonNull(canisterId, "canisterId");
    subnetPublicKey = subnetPublicKey.clone();
    derivationPath = derivationPath.stream().map(byte[]::clone).toList();
    publicKey = publicKey.clone();
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
