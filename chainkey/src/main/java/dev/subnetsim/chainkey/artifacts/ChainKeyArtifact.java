package dev.subnetsim.chainkey.artifacts;

/**
 * One combined chain-key artifact as logged in {@code artifacts.jsonl}. Components holding bytes
 * are {@code byte[]} (hex on output); records compare and print by their JSON line, so two
 * artifacts are equal exactly when they log the same line.
 */
public sealed interface ChainKeyArtifact
    permits BlsArtifact,
        CertificateArtifact,
        CanisterSignatureArtifact,
        VetKdArtifact,
        EcdsaArtifact,
        SchnorrArtifact,
        EcdhArtifact {

  /** Where the artifact came from. */
  ArtifactOrigin origin();

  /** The {@code kind} field of the line. */
  ArtifactKind kind();
}
