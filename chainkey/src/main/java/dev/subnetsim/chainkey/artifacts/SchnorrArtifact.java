package dev.subnetsim.chainkey.artifacts;

import dev.subnetsim.chainkey.bytes.Bytes;

/**
 * A threshold Schnorr signature ({@code schnorr} line): BIP340 (public keys SEC1 compressed,
 * 33 B; the signature verifies under the x-only key) or Ed25519 (32-byte keys), with the same
 * derivation fields as {@link EcdsaArtifact}.
 */
public record SchnorrArtifact(
    ArtifactOrigin origin,
    SchnorrAlgorithm algorithm,
    KeyDerivation derivation,
    Bytes publicKey,
    Bytes message,
    Bytes signature) implements ChainKeyArtifact {

  @Override
  public ArtifactKind kind() {
    return ArtifactKind.SCHNORR;
  }
}
