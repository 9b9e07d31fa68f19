package dev.subnetsim.chainkey.artifacts;

import dev.subnetsim.chainkey.bytes.Bytes;
import java.util.List;

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
    Bytes subnetPublicKey,
    String canisterId,
    List<Bytes> derivationPath,
    Bytes publicKey,
    Bytes peerPublicKey,
    Bytes peerPrivateKey,
    Bytes sharedSecret) implements ChainKeyArtifact {

  public EcdhArtifact {
    derivationPath = List.copyOf(derivationPath);
  }

  @Override
  public ArtifactKind kind() {
    return ArtifactKind.ECDH;
  }
}
