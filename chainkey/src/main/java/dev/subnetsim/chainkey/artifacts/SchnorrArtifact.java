package dev.subnetsim.chainkey.artifacts;

import java.util.List;
import java.util.Objects;

/**
 * A threshold Schnorr signature ({@code schnorr} line): BIP340 (public keys SEC1 compressed,
 * 33 B; the signature verifies under the x-only key) or Ed25519 (32-byte keys), with the same
 * derivation fields as {@link EcdsaArtifact}.
 */
public record SchnorrArtifact(
    ArtifactOrigin origin,
    SchnorrAlgorithm algorithm,
    byte[] masterPublicKey,
    byte[] chainCode,
    String canisterId,
    List<byte[]> derivationPath,
    byte[] publicKey,
    byte[] message,
    byte[] signature) implements ChainKeyArtifact {

  public SchnorrArtifact {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(algorithm, "algorithm");
    masterPublicKey = masterPublicKey.clone();
    chainCode = chainCode.clone();
    Objects.requireNonNull(canisterId, "canisterId");
    derivationPath = derivationPath.stream().map(byte[]::clone).toList();
    publicKey = publicKey.clone();
    message = message.clone();
    signature = signature.clone();
  }

  @Override
  public ArtifactKind kind() {
    return ArtifactKind.SCHNORR;
  }

  // Value semantics over the byte[] components: equal iff the logged lines are equal.
  @Override
  public boolean equals(Object o) {
    return o instanceof SchnorrArtifact other && ArtifactJson.toJsonLine(this).equals(ArtifactJson.toJsonLine(other));
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
