package dev.subnetsim.chainkey.artifacts;

import dev.subnetsim.chainkey.bytes.Bytes;

/**
 * A BLS12-381 min-sig signature ({@code bls} line): public key in G2 (96 B compressed), signature
 * in G1 (48 B compressed) over {@code message} hashed to G1 with {@code dst}. Random beacons,
 * notarizations/finalizations (multi-signatures) and threshold signatures all log this kind.
 */
public record BlsArtifact(
    ArtifactOrigin origin,
    Bytes publicKey,
    Bytes message,
    Bytes signature,
    String dst) implements ChainKeyArtifact {

  @Override
  public ArtifactKind kind() {
    return ArtifactKind.BLS;
  }
}
