package dev.subnetsim.chainkey.artifacts;

import java.util.Objects;

/**
 * The common fields of every artifacts-log line: which subnet produced the artifact, at which
 * height, under which key ({@code subnet}, {@code height}, {@code key_id}).
 */
public record ArtifactOrigin(String subnet, long height, String keyId) {
  public ArtifactOrigin {
    Objects.requireNonNull(subnet, "subnet");
    Objects.requireNonNull(keyId, "keyId");
    if (height < 0) {
      throw new IllegalArgumentException("height must be >= 0, was " + height);
    }
  }
}
