package dev.subnetsim.chainkey.artifacts;

import dev.subnetsim.chainkey.bytes.Bytes;
import java.util.Optional;

/**
 * An IC certificate ({@code certificate} line): the CBOR certificate, the root key it verifies
 * under (133-byte DER), and, when it carries a delegation, the canister id whose range the
 * delegation must cover.
 */
public record CertificateArtifact(
    ArtifactOrigin origin,
    Bytes rootKeyDer,
    Bytes certificate,
    Optional<String> canisterId) implements ChainKeyArtifact {

  @Override
  public ArtifactKind kind() {
    return ArtifactKind.CERTIFICATE;
  }
}
