package dev.subnetsim.replica.chainkey.schemes;

import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.derivation.DerivedKey;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.replica.chainkey.ChainKeyRequest;
import dev.subnetsim.replica.state.ReplicatedState;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * What the threshold signing schemes share: taking the next presignature of a key's stash when a
 * request is queued (recorded in the replicated state, so all replicas use the same one), binding
 * the request's randomness (from the block that queued it, as the IC takes it from the random
 * beacon), and IC key derivation for the calling canister and path.
 */
abstract class SigningScheme implements ChainKeyScheme {

  /** Binds presignature number {@code used} of {@code stashSize} under {@code key}. */
  static byte[] takePresignature(ReplicatedState state, String key, int stashSize,
      byte[] randomness) {
    long used = state.presignaturesUsed(key);
    if (used >= stashSize) {
      throw new IllegalStateException("no presignature available (the stash of " + stashSize
          + " for " + key + " is used up)");
    }
    state.setPresignaturesUsed(key, used + 1);
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(randomness);
      d.update(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      d.update(ByteBuffer.allocate(8).putLong(used).array());
      return ByteBuffer.allocate(36).putInt((int) used).put(d.digest()).array();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Presignatures left per stash: {@code prefix + key} -> size minus those taken. */
  static <K> java.util.Map<String, Long> available(ReplicatedState state, String prefix,
      java.util.Map<K, ? extends List<?>> stashes) {
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    stashes.forEach((k, stash) -> out.put(prefix + k,
        stash.size() - state.presignaturesUsed(prefix + k)));
    return out;
  }

  static int presignatureIndex(ChainKeyRequest r) {
    return ByteBuffer.wrap(r.context()).getInt();
  }

  static byte[] randomness(ChainKeyRequest r) {
    return Arrays.copyOfRange(r.context(), 4, 36);
  }

  static DerivedKey derive(EcPoint masterKey, ChainKeyRequest r, List<byte[]> path) {
    return IcKeyDerivation.derive(masterKey, DerivationPath.forCanister(r.caller().toBytes(), path));
  }
}
