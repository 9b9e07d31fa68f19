package dev.subnetsim.replica.chainkey;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.messaging.CallContext;
import dev.subnetsim.replica.execution.messaging.Callback;
import dev.subnetsim.replica.execution.messaging.Origin;
import dev.subnetsim.replica.execution.messaging.QueuedMessage;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The key holders' side of the Secret Store's permissioning: every document key is registered
 * (document_key_store) with the canister whose permission program guards it, in the replicated
 * state of the subnet that answers management calls for the keys. A shadows request from that
 * canister is served (the program decided in its own execution); from any other canister the key
 * holders ask the permission program, as the Secret Store's key servers consult the permissioning
 * contract: an inter-canister call from the management canister ({@link #CHECK_METHOD}), made and
 * answered in replicated execution, and only a yes lets the request on to the replicas' shares.
 * No registration, a no, a reject or a trap of the program: the 403, before any shadow is computed.
 *
 * <p>Records are {@code document-key/<hex of C, SEC1 compressed>} -> permission canister id in
 * the state's key records (so the manifest covers them); the compressed re-encoding makes every
 * encoding of one point the same record.
 */
public final class DocumentPermissions {
  public static final String FORBIDDEN = ManagementRequest.DocumentKeyShadows.FORBIDDEN;
  /** The permission program's method the key holders call (see ManagementRequest). */
  public static final String CHECK_METHOD = ManagementRequest.DocumentKeyShadows.CHECK_METHOD;
  private static final String PREFIX = "document-key/";
  /** Callback methods of the management canister's own call (recorded, never executed as code). */
  private static final String ON_ANSWER = "permission_answer";
  private static final String ON_REJECT = "permission_reject";

  private DocumentPermissions() {}

  /** C re-encoded SEC1 compressed (33 B). */
  public static byte[] compressed(byte[] commonPoint) {
    try {
      return EcPoint.decode(EcCurve.SECP256K1, commonPoint).encode();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid common point: " + e.getMessage());
    }
  }

  private static String record(byte[] commonPoint) {
    return PREFIX + HexFormat.of().formatHex(compressed(commonPoint));
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
      return Optional.of(ManagementRequest.DocumentKeyStore.GUARDED_BY_ANOTHER);
    }
    state.keyRecords().put(name, guard);
    return Optional.empty();
  }

  /**
   * The permission canister of the request's common point, if it was stored.
   *
   * @throws IllegalArgumentException if the point does not decode
   */
  public static Optional<CanisterId> guard(ReplicatedState state,
      ManagementRequest.DocumentKeyShadows r) {
    return Optional.ofNullable(state.keyRecords().get(record(r.commonPoint())))
        .map(CanisterId::fromBytes);
  }

  /** The 403 of a common point nobody stored. */
  public static String notStored() {
    return FORBIDDEN + " (no document key is stored for this common point)";
  }

  /**
   * Asks {@code guard}'s permission program whether {@code caller} may have shadows of the
   * request's common point: a call context of the management canister whose response goes to the
   * request's origin, a callback holding the request, and the call to the program in the queue
   * (routed to its subnet like any call). The answer comes to {@link #asked}.
   */
  public static void ask(ReplicatedState state, QueuedMessage.Request request, CanisterId caller,
      CanisterId guard, ManagementRequest.DocumentKeyShadows r) {
    CallContext context = new CallContext(state.nextId(), CanisterId.MANAGEMENT, request.origin(),
        false, 1);
    state.callContexts().put(context.id(), context);
    byte[] held = new BigEndianWriter(8 + 10 + request.arg().length)
        .lengthPrefixed(caller.toBytes()).lengthPrefixed(request.arg()).toBytes();
    Callback callback = new Callback(state.nextId(), context.id(), guard, ON_ANSWER, ON_REJECT,
        held);
    state.callbacks().put(callback.id(), callback);
    byte[] question = new BigEndianWriter(4 + 10 + 33).lengthPrefixed(caller.toBytes())
        .raw(compressed(r.commonPoint())).toBytes();
    state.queue().add(new QueuedMessage.Request(new Origin.FromCall(callback.id()),
        CanisterId.MANAGEMENT.toBytes(), guard, CHECK_METHOD, question));
  }

  /** A shadows request held while its permission program is asked. */
  public record Asked(CanisterId caller, byte[] arg) {
    public Asked {
      arg = arg.clone();
    }

    /** @throws IllegalArgumentException if the callback is not one {@link #ask} made */
    public static Asked of(Callback callback) {
      BigEndianReader in = new BigEndianReader(callback.context(), "held shadows request");
      CanisterId caller = CanisterId.fromBytes(in.lengthPrefixed("caller", 10));
      byte[] arg = in.lengthPrefixed("argument", callback.context().length);
      in.finish();
      return new Asked(caller, arg);
    }
  }

  /**
   * Why the permission program's answer does not let {@code asked} have shadows (the 403 saying
   * who refused whom), if it does not: only a reply of exactly {@code [1]} allows.
   */
  public static Optional<String> refusal(Callback callback, Asked asked, QueuedMessage.Reply answer) {
    if (answer.replied() && Arrays.equals(answer.data(), new byte[] {1})) {
      return Optional.empty();
    }
    return Optional.of(FORBIDDEN + " (the permission canister " + callback.callee()
        + (answer.replied() ? " refused " + asked.caller()
            : " did not answer for " + asked.caller() + ": " + answer.rejectMessage()) + ")");
  }
}
