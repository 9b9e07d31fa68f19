package dev.subnetsim.chainkey.bls;

import java.util.Objects;

/**
 * A (public key, message, signature) triple for batch verification. The message array is not
 * copied (batches can be large); callers must not mutate it while the batch runs.
 */
public record SignedMessage(PublicKey publicKey, byte[] message, Signature signature) {
  public SignedMessage {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
  }
}
