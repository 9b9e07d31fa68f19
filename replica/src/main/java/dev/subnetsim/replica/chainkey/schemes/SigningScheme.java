package dev.subnetsim.replica.chainkey.schemes;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.derivation.DerivedKey;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.SigningKeys;
import dev.subnetsim.replica.chainkey.presig.Presignatures;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.state.ChainKeyRequest;
import dev.subnetsim.replica.state.ReplicatedState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the threshold signing schemes share: binding the request's randomness when it is queued
 * (from the block that queued it, as the IC takes it from the random beacon), matching it to the
 * next presignature of the key's stash at the end of that block's execution or, when none is
 * available, as soon as one is, in queue order ({@link Presignatures}; recorded in the replicated
 * state, so all replicas use the same one),
 * and IC key derivation for the calling canister and path. A request's context is the
 * presignature's instance number (-1 while waiting) and 32 bytes of randomness.
 */
abstract class SigningScheme implements ChainKeyScheme {
  static final long WAITING = -1;

  final SigningKeys.Public keys;

  SigningScheme(SigningKeys.Public keys) {
    this.keys = keys;
  }

  /** The key id the request signs with ({@code ecdsa/<CURVE>}, {@code schnorr/<ALGORITHM>}). */
  abstract String keyId(ManagementRequest request);

  Presignatures presignatures() {
    return keys.presignatures();
  }

  @Override
  public byte[] bind(ManagementRequest request, ReplicatedState state, byte[] randomness) {
    String keyId = keyId(request);
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(randomness);
      d.update(keyId.getBytes(StandardCharsets.UTF_8));
      d.update(new BigEndianWriter(8).u64(state.nextIdPeek()).toBytes());
      // Matched to a presignature after the block's messages, in queue order (afterBlock).
      return context(WAITING, d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] context(long instance, byte[] randomness) {
    return new BigEndianWriter(40).u64(instance).raw(randomness).toBytes();
  }

  @Override
  public boolean ready(ChainKeyRequest r) {
    return presignatureIndex(r) != WAITING;
  }

  @Override
  public Optional<String> waitingFor(ChainKeyRequest r) {
    return ready(r) ? Optional.empty() : Optional.of(keyId(r.decoded()));
  }

  @Override
  public Optional<byte[]> match(ChainKeyRequest r, ReplicatedState state) {
    long taken = presignatures().take(state, keyId(r.decoded()));
    return taken == WAITING ? Optional.empty() : Optional.of(context(taken, randomness(r)));
  }

  @Override
  public void release(ChainKeyRequest r, ReplicatedState state) {
    if (ready(r)) {
      presignatures().release(state, keyId(r.decoded()), presignatureIndex(r));
    }
  }

  // Without a state: only prefilled presignatures (the setup ceremony's) can be used.
  @Override
  public final byte[] createShare(ChainKeyRequest r, NodeChainKeyShares mine, SecureRandom rng) {
    return createShare(null, r, mine, rng);
  }

  @Override
  public final boolean verifyShare(ChainKeyRequest r, int signer, byte[] share) {
    return verifyShare(null, r, signer, share);
  }

  @Override
  public final ManagementReply combine(ChainKeyRequest r,
      SortedMap<Integer, byte[]> verifiedShares) {
    return combine(null, r, verifiedShares);
  }

  @Override
  public abstract byte[] createShare(ReplicatedState state, ChainKeyRequest r,
      NodeChainKeyShares mine, SecureRandom rng);

  @Override
  public abstract boolean verifyShare(ReplicatedState state, ChainKeyRequest r, int signer,
      byte[] share);

  @Override
  public abstract ManagementReply combine(ReplicatedState state, ChainKeyRequest r,
      SortedMap<Integer, byte[]> verifiedShares);

  /** Presignatures available per key of this scheme. */
  Map<String, Long> available(ReplicatedState state, String prefix) {
    Map<String, Long> out = new TreeMap<>();
    for (String keyId : presignatures().keyIds()) {
      if (keyId.startsWith(prefix)) {
        out.put(keyId, presignatures().available(state, keyId));
      }
    }
    return out;
  }

  /** Whether the request's presignature is one of the setup ceremony's (else refilled). */
  boolean prefilled(ChainKeyRequest r) {
    return presignatureIndex(r) < presignatures().prefilled(keyId(r.decoded()));
  }

  static ReplicatedState requireState(ReplicatedState state, ChainKeyRequest r) {
    if (state == null) {
      throw new IllegalStateException("request " + r.id() + " uses a refilled presignature: "
          + "pass the state it is pending in");
    }
    return state;
  }

  static long presignatureIndex(ChainKeyRequest r) {
    return new BigEndianReader(r.context(), "signing context").i64("presignature index");
  }

  static byte[] randomness(ChainKeyRequest r) {
    return Arrays.copyOfRange(r.context(), 8, 40);
  }

  static DerivedKey derive(EcPoint masterKey, ChainKeyRequest r, List<byte[]> path) {
    return IcKeyDerivation.derive(masterKey, DerivationPath.forCanister(r.caller().toBytes(), path));
  }
}
