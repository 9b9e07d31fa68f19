package dev.subnetsim.chainkey.vetkd;

import java.util.List;
import java.util.Objects;

/**
 * A verified combination: the encrypted vetKey, the node indices whose shares were interpolated,
 * and the node indices whose shares failed verification (attributed Byzantine senders).
 */
public record CombinedEncryptedKey(
    EncryptedVetKey encryptedKey, List<Integer> usedIndices, List<Integer> invalidIndices) {
  public CombinedEncryptedKey {
    Objects.requireNonNull(encryptedKey, "encryptedKey");
    usedIndices = List.copyOf(usedIndices);
    invalidIndices = List.copyOf(invalidIndices);
  }
}
