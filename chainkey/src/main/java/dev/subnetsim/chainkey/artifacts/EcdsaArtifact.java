package dev.subnetsim.chainkey.artifacts;

import dev.subnetsim.chainkey.bytes.Bytes;

/**
 * A threshold ECDSA signature ({@code ecdsa} line): {@code r||s} with low s over a 32-byte
 * message hash, under the key derived from (master key, chain code) for the canister id and
 * derivation path; public keys SEC1 compressed.
 */
public record EcdsaArtifact(
    ArtifactOrigin origin,
    EcdsaCurve curve,
    KeyDerivation derivation,
    Bytes publicKey,
    Bytes messageHash,
    Bytes signature) implements ChainKeyArtifact {

  @Override
  public ArtifactKind kind() {
    return ArtifactKind.ECDSA;
  }
}
