package dev.subnetsim.replica.consensus;

import dev.subnetsim.replica.chainkey.presig.RefillPolicy;
import dev.subnetsim.replica.chainkey.reshare.ReshareSchedule;

/**
 * Sizes of a key-holding subnet's chain-key machinery: the presignature stash per ECDSA curve and
 * per Schnorr algorithm (refilled in the background through consensus, and prefilled at genesis on
 * the key-holding subnet if {@code refill} says so; a reshare target's stash starts empty), the
 * per-method limit of queued requests, and the scheduled key reshares. With
 * reshares, the genesis holder is a backup that never signs (stash 0): chain-key requests go to the
 * first reshare's target from the start, and to each later target from its reshare's time.
 * With {@code generateKeys} the key-holding subnet's replicas generate the keys through its
 * consensus after genesis ({@link dev.subnetsim.replica.chainkey.reshare.KeyGeneration}; its stash
 * then starts empty and the refill fills it), as every scenario run does; without, a setup
 * ceremony makes them before the first block (a test fixture only: unit tests' subnet that has been
 * running a while).
 */
public record ChainKeyOptions(int ecdsaStash, int schnorrStash, int queueLimit,
    ReshareSchedule reshares, RefillPolicy refill, boolean generateKeys) {
  public static final ChainKeyOptions DEFAULT = new ChainKeyOptions(4, 8, 64);

  public ChainKeyOptions {
    if (ecdsaStash < 0 || schnorrStash < 0 || queueLimit < 1) {
      throw new IllegalArgumentException("stash sizes must be >= 0 and the queue limit >= 1");
    }
  }

  public ChainKeyOptions(int ecdsaStash, int schnorrStash, int queueLimit) {
    this(ecdsaStash, schnorrStash, queueLimit, ReshareSchedule.NONE, RefillPolicy.DEFAULT, false);
  }

  public ChainKeyOptions withReshares(ReshareSchedule schedule) {
    return new ChainKeyOptions(ecdsaStash, schnorrStash, queueLimit, schedule, refill,
        generateKeys);
  }

  public ChainKeyOptions withRefill(RefillPolicy policy) {
    return new ChainKeyOptions(ecdsaStash, schnorrStash, queueLimit, reshares, policy,
        generateKeys);
  }

  /** Whether the key holder generates its keys through consensus (else a setup ceremony). */
  public ChainKeyOptions withKeyGeneration(boolean generate) {
    return new ChainKeyOptions(ecdsaStash, schnorrStash, queueLimit, reshares, refill, generate);
  }
}
