package dev.subnetsim.chainkey.artifacts;

import java.util.Objects;

/**
 * A BLS12-381 min-sig signature ({@code bls} line): public key in G2 (96 B compressed), signature
 * in G1 (48 B compressed) over {@code message} hashed to G1 with {@code dst}. Random beacons,
 * notarizations/finalizations (multi-signatures) and threshold signatures all log this kind.
 */
public record BlsArtifact(
    ArtifactOrigin origin,
    byte[] publicKey,
    byte[] message,
    byte[] signature,
    String dst) implements ChainKeyArtifact {

  public BlsArtifact {
    Objects.requireNonNull(origin, "origin");
    publicKey = publicKey.clone();
    message = message.clone();
    signature = signature.clone();
    Objects.requireNonNull(dst, "dst");
  }

  @Override
  public ArtifactKind kind() {
    return ArtifactKind.BLS;
  }

  // Value semantics over the byte[] components: equal iff the logged lines are equal.
  @Override
  public boolean equals(Object o) {
    return o instanceof BlsArtifact other && ArtifactJson.toJsonLine(this).equals(ArtifactJson.toJsonLine(other));
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
