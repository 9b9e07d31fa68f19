package dev.subnetsim.chainkey.artifacts;

import java.util.List;
import java.util.Objects;

/**
 * A threshold ECDSA signature ({@code ecdsa} line): {@code r||s} with low s over a 32-byte
 * message hash, under the key derived from (master key, chain code) for the canister id and
 * derivation path; public keys SEC1 compressed.
 */
public record EcdsaArtifact(
    ArtifactOrigin origin,
    EcdsaCurve curve,
    byte[] masterPublicKey,
    byte[] chainCode,
    String canisterId,
    List<byte[]> derivationPath,
    byte[] publicKey,
    byte[] messageHash,
    byte[] signature) implements ChainKeyArtifact {

  public EcdsaArtifact {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(curve, "curve");
    masterPublicKey = masterPublicKey.clone();
    chainCode = chainCode.clone();
    Objects.requireNonNull(canisterId, "canisterId");
    derivationPath = derivationPath.stream().map(byte[]::clone).toList();
    publicKey = publicKey.clone();
    messageHash = messageHash.clone();
    signature = signature.clone();
  }

  @Override
  public ArtifactKind kind() {
    return ArtifactKind.ECDSA;
  }

  // Value semantics over the byte[] components: equal iff the logged lines are equal.
  @Override
  public boolean equals(Object o) {
    return o instanceof EcdsaArtifact other && ArtifactJson.toJsonLine(this).equals(ArtifactJson.toJsonLine(other));
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
