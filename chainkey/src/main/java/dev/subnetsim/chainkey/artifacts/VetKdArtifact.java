package dev.subnetsim.chainkey.artifacts;

import dev.subnetsim.chainkey.bytes.Bytes;

/**
 * A vetKD encrypted key ({@code vetkd} line): the 192-byte encrypted key for (canister id,
 * context, input) under the master public key, plus the test client's transport secret key so an
 * outside checker can decrypt and verify it.
 */
public record VetKdArtifact(
    ArtifactOrigin origin,
    Bytes masterPublicKey,
    String canisterId,
    Bytes context,
    Bytes input,
    Bytes transportSecretKey,
    Bytes encryptedKey) implements ChainKeyArtifact {

  @Override
  public ArtifactKind kind() {
    return ArtifactKind.VETKD;
  }
}
