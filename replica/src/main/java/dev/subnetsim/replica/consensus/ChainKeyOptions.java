package dev.subnetsim.replica.consensus;

/**
 * Sizes of a key-holding subnet's chain-key machinery: presignatures dealt at genesis per ECDSA
 * curve and per Schnorr algorithm, and the per-method limit of queued requests.
 */
public record ChainKeyOptions(int ecdsaStash, int schnorrStash, int queueLimit) {
  public static final ChainKeyOptions DEFAULT = new ChainKeyOptions(4, 8, 64);

  public ChainKeyOptions {
    if (ecdsaStash < 0 || schnorrStash < 0 || queueLimit < 1) {
      throw new IllegalArgumentException("stash sizes must be >= 0 and the queue limit >= 1");
    }
  }
}
