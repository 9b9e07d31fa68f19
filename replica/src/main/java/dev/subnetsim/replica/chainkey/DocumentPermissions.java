package dev.subnetsim.replica.chainkey;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The key holders' side of the Secret Store's permissioning: every document key is registered
 * (document_key_store) with the canister whose permission program guards it, in the replicated
 * state of the subnet that answers management calls for the keys, and shadows of its common point
 * are served to that canister only. The permission program decides for its users inside its own
 * replicated execution and calls for shadows only when it says yes; any other caller, such as a
 * stranger canister calling the management canister directly or through a proxy, is refused
 * with the 403 before any replica computes a shadow.
 *
 * <p>Records are {@code document-key/<hex of C, SEC1 compressed>} -> permission canister id in
 * the state's key records (so the manifest covers them); the compressed re-encoding makes every
 * encoding of one point the same record.
 */
public final class DocumentPermissions {
  public static final String FORBIDDEN = ManagementRequest.DocumentKeyShadows.FORBIDDEN;
  private static final String PREFIX = "document-key/";

  private DocumentPermissions() {}

  private static String record(byte[] commonPoint) {
    try {
      return PREFIX + HexFormat.of().formatHex(EcPoint.decode(EcCurve.SECP256K1, commonPoint).encode());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid common point: " + e.getMessage());
    }
  }

  /**
   * Registers the document key; empty on success, else why not.
   *
   * @throws IllegalArgumentException if the point or the canister id does not decode
   */
  public static Optional<String> store(ReplicatedState state, ManagementRequest.DocumentKeyStore r) {
    String name = record(r.commonPoint());
    CanisterId canister = CanisterId.fromBytes(r.permissionCanister());
    if (canister.isManagement()) {
      throw new IllegalArgumentException("the management canister cannot be a permission canister");
    }
    byte[] guard = canister.toBytes();
    byte[] existing = state.keyRecords().get(name);
    if (existing != null && !Arrays.equals(existing, guard)) {
      return Optional.of("this document key is already stored under another permission canister");
    }
    state.keyRecords().put(name, guard);
    return Optional.empty();
  }

  /** Why {@code caller} may not have shadows of the request's common point, if it may not. */
  public static Optional<String> refusal(ReplicatedState state, ManagementRequest.DocumentKeyShadows r,
      CanisterId caller) {
    byte[] guard = state.keyRecords().get(record(r.commonPoint()));
    if (guard == null) {
      return Optional.of(FORBIDDEN + " (no document key is stored for this common point)");
    }
    if (!Arrays.equals(guard, caller.toBytes())) {
      return Optional.of(FORBIDDEN + " (the document's permission canister is "
          + CanisterId.fromBytes(guard) + ", not " + caller + ")");
    }
    return Optional.empty();
  }
}
