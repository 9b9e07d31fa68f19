package dev.subnetsim.chainkey.artifacts;

import java.util.Objects;

/**
 * A vetKD encrypted key ({@code vetkd} line): the 192-byte encrypted key for (canister id,
 * context, input) under the master public key, plus the test client's transport secret key so an
 * outside checker can decrypt and verify it.
 */
public record VetKdArtifact(
    ArtifactOrigin origin,
    byte[] masterPublicKey,
    String canisterId,
    byte[] context,
    byte[] input,
    byte[] transportSecretKey,
    byte[] encryptedKey) implements ChainKeyArtifact {

  public VetKdArtifact {
    Objects.requireNonNull(origin, "origin");
    masterPublicKey = masterPublicKey.clone();
    Objects.requireNonNull(canisterId, "canisterId");
    context = context.clone();
    input = input.clone();
    transportSecretKey = transportSecretKey.clone();
    encryptedKey = encryptedKey.clone();
  }

  @Override
  public ArtifactKind kind() {
    return ArtifactKind.VETKD;
  }

  // Value semantics over the byte[] components: equal iff the logged lines are equal.
  @Override
  public boolean equals(Object o) {
    return o instanceof VetKdArtifact other && ArtifactJson.toJsonLine(this).equals(ArtifactJson.toJsonLine(other));
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
