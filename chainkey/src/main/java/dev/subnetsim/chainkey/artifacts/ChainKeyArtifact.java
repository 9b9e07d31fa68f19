package dev.subnetsim.chainkey.artifacts;

/**
 * One combined chain-key artifact as logged in {@code artifacts.jsonl}. Components holding bytes
 * are {@link dev.subnetsim.chainkey.bytes.Bytes} (hex on output), so the generated record equals
 * and hashCode are value semantics: two artifacts are equal exactly when they log the same line.
 * ({@link EcdhArtifact} still holds {@code byte[]} and compares by its line until it moves over.)
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
