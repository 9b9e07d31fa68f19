package dev.subnetsim.chainkey.artifacts;

import dev.subnetsim.chainkey.bytes.Bytes;

/**
 * A canister signature ({@code canister_signature} line, interface spec "Canister signatures"):
 * DER public key (canister id + seed), message, CBOR signature {certificate, tree}, and the root key
 * the certificate verifies under.
 */
public record CanisterSignatureArtifact(
    ArtifactOrigin origin,
    Bytes publicKeyDer,
    Bytes message,
    Bytes signature,
    Bytes rootKeyDer) implements ChainKeyArtifact {

  @Override
  public ArtifactKind kind() {
    return ArtifactKind.CANISTER_SIGNATURE;
  }
}
