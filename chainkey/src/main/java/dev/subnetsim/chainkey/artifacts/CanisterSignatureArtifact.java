package dev.subnetsim.chainkey.artifacts;

import java.util.Objects;

/**
 * A canister signature ({@code canister_signature} line, interface spec "Canister signatures"):
 * DER public key (canister id + seed), message, CBOR signature {certificate, tree}, and the root key
 * the certificate verifies under.
 */
public record CanisterSignatureArtifact(
    ArtifactOrigin origin,
    byte[] publicKeyDer,
    byte[] message,
    byte[] signature,
    byte[] rootKeyDer) implements ChainKeyArtifact {

  public CanisterSignatureArtifact {
    Objects.requireNonNull(origin, "origin");
    publicKeyDer = publicKeyDer.clone();
    message = message.clone();
    signature = signature.clone();
    rootKeyDer = rootKeyDer.clone();
  }

  @Override
  public ArtifactKind kind() {
    return ArtifactKind.CANISTER_SIGNATURE;
  }

  // Value semantics over the byte[] components: equal iff the logged lines are equal.
  @Override
  public boolean equals(Object o) {
    return o instanceof CanisterSignatureArtifact other && ArtifactJson.toJsonLine(this).equals(ArtifactJson.toJsonLine(other));
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
