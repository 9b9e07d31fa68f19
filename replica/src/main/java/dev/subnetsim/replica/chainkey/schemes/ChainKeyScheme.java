package dev.subnetsim.replica.chainkey.schemes;

import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.state.ChainKeyRequest;
import java.security.SecureRandom;
import java.util.SortedMap;

/**
 * One threshold chain-key service, seen from the replicas: each replica makes a share of the
 * answer with its key share, anyone verifies a share against the signer's public key share, and
 * at least a threshold of verified shares combine into the reply (deterministically, so every
 * replica executing the same payload computes the same reply).
 */
public interface ChainKeyScheme {

  /**
   * Checks a request's arguments before it is queued (points decode, key names exist).
   *
   * @throws IllegalArgumentException saying what is wrong; the call is rejected with it
   */
  void validate(ManagementRequest request);

  /** What to bind to a request when it is queued (a presignature); empty if nothing. */
  default byte[] bind(ManagementRequest request, dev.subnetsim.replica.state.ReplicatedState state,
      byte[] randomness) {
    return new byte[0];
  }

  /** Presignatures left in each of this scheme's stashes in {@code state}, by key (none if unused). */
  default java.util.Map<String, Long> presignaturesAvailable(
      dev.subnetsim.replica.state.ReplicatedState state) {
    return java.util.Map.of();
  }

  byte[] createShare(ChainKeyRequest request, NodeChainKeyShares mine, SecureRandom rng);

  boolean verifyShare(ChainKeyRequest request, int signer, byte[] share);

  /** Combines verified shares (at least {@code threshold()}) into the reply. */
  ManagementReply combine(ChainKeyRequest request, SortedMap<Integer, byte[]> verifiedShares);

  /**
   * As {@link #createShare(ChainKeyRequest, NodeChainKeyShares, SecureRandom)}, for a request
   * pending in {@code state} (a signature's refilled presignature lives there).
   *
   * @throws IllegalStateException if this node holds no share for the request
   */
  default byte[] createShare(dev.subnetsim.replica.state.ReplicatedState state,
      ChainKeyRequest request, NodeChainKeyShares mine, SecureRandom rng) {
    return createShare(request, mine, rng);
  }

  default boolean verifyShare(dev.subnetsim.replica.state.ReplicatedState state,
      ChainKeyRequest request, int signer, byte[] share) {
    return verifyShare(request, signer, share);
  }

  default ManagementReply combine(dev.subnetsim.replica.state.ReplicatedState state,
      ChainKeyRequest request, SortedMap<Integer, byte[]> verifiedShares) {
    return combine(request, verifiedShares);
  }

  /** Whether replicas can share for the request yet (a signature waits for a presignature). */
  default boolean ready(ChainKeyRequest request) {
    return true;
  }

  /**
   * For a request waiting for a presignature: its key id; the caller matches waiting requests in
   * queue order ({@link #match}).
   */
  default java.util.Optional<String> waitingFor(ChainKeyRequest request) {
    return java.util.Optional.empty();
  }

  /** Binds a waiting request to the next available presignature: its new context, or empty. */
  default java.util.Optional<byte[]> match(ChainKeyRequest request,
      dev.subnetsim.replica.state.ReplicatedState state) {
    return java.util.Optional.empty();
  }

  /** The request was answered: drop what it used from {@code state}. */
  default void release(ChainKeyRequest request, dev.subnetsim.replica.state.ReplicatedState state) {
  }

  int threshold();
}
