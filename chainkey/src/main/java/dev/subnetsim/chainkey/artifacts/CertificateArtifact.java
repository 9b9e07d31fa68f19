package dev.subnetsim.chainkey.artifacts;

import java.util.Optional;
import java.util.Objects;

/**
 * An IC certificate ({@code certificate} line): the CBOR certificate, the root key it verifies
 * under (133-byte DER), and, when it carries a delegation, the canister id whose range the
 * delegation must cover.
 */
public record CertificateArtifact(
    ArtifactOrigin origin,
    byte[] rootKeyDer,
    byte[] certificate,
    Optional<String> canisterId) implements ChainKeyArtifact {

  public CertificateArtifact {
    Objects.requireNonNull(origin, "origin");
    rootKeyDer = rootKeyDer.clone();
    certificate = certificate.clone();
    Objects.requireNonNull(canisterId, "canisterId");
  }

  @Override
  public ArtifactKind kind() {
    return ArtifactKind.CERTIFICATE;
  }

  // Value semantics over the byte[] components: equal iff the logged lines are equal.
  @Override
  public boolean equals(Object o) {
    return o instanceof CertificateArtifact other && ArtifactJson.toJsonLine(this).equals(ArtifactJson.toJsonLine(other));
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
