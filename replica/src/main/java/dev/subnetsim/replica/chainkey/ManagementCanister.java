package dev.subnetsim.replica.chainkey;

import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.chainkey.ecdh.CallerEcdhKey;
import dev.subnetsim.chainkey.vetkd.DerivationContext;
import dev.subnetsim.replica.chainkey.presig.Presignatures;
import dev.subnetsim.replica.chainkey.schemes.ChainKeyScheme;
import dev.subnetsim.replica.chainkey.schemes.EcdsaScheme;
import dev.subnetsim.replica.chainkey.schemes.SchnorrScheme;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.messaging.Callback;
import dev.subnetsim.replica.execution.messaging.Origin;
import dev.subnetsim.replica.execution.messaging.QueuedMessage;
import dev.subnetsim.replica.execution.messaging.QueuedMessage.Reply;
import dev.subnetsim.replica.management.InvalidManagementArgsException;
import dev.subnetsim.replica.management.ManagementCandid;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ChainKeyRequest;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The management canister's chain-key methods inside the replicated state machine: public-key
 * methods answer at once (derivation is public); derive/sign methods are validated and queued as
 * {@link ChainKeyRequest}s for the replicas' shares, up to a queue limit per method beyond which
 * they are rejected (back-pressure, as the IC rejects signing requests when its queue is full).
 */
public final class ManagementCanister {
  /** Reject codes of the interface spec. */
  public static final int SYS_TRANSIENT = 2;
  public static final int DESTINATION_INVALID = 3;
  public static final int CANISTER_REJECT = 4;
  public static final int CANISTER_ERROR = 5;

  /** The keys a subnet holds in some state, with the schemes serving them. */
  public record Held(SubnetChainKeys keys, Map<String, ChainKeyScheme> schemes) {
    public Held {
      schemes = Map.copyOf(schemes);
    }
  }

  /** Where the held keys come from: fixed from genesis, or installed by a reshare (by state). */
  public interface KeySource {
    Optional<Held> held(ReplicatedState state);

    /** Whether keys may arrive later (a reshare target), for the reject message. */
    default boolean awaitsKeys() {
      return false;
    }
  }

  private static final String SHADOWS = "document_key_shadows";

  private final KeySource source;
  private final Held fixed;
  private final int queueLimit;

  public ManagementCanister(SubnetChainKeys keys, Map<String, ChainKeyScheme> schemes,
      int queueLimit) {
    this.fixed = keys == null ? null : new Held(keys, schemes);
    Optional<Held> held = Optional.ofNullable(fixed);
    this.source = state -> held;
    this.queueLimit = queueLimit;
  }

  public ManagementCanister(KeySource source, int queueLimit) {
    this.fixed = null;
    this.source = source;
    this.queueLimit = queueLimit;
  }

  /** The schemes of keys held from genesis (empty for a subnet without, or with reshared keys). */
  public Map<String, ChainKeyScheme> schemes() {
    return fixed == null ? Map.of() : fixed.schemes();
  }

  /** The schemes of the keys held in {@code state}. */
  public Map<String, ChainKeyScheme> schemes(ReplicatedState state) {
    return source.held(state).map(Held::schemes).orElse(Map.of());
  }

  /** The refilled presignatures of the keys held in {@code state}, if any signing key is held. */
  public Optional<Presignatures> presignatures(ReplicatedState state) {
    return source.held(state).map(h -> h.keys().signing())
        .filter(s -> !s.ecdsaKeys().isEmpty() || !s.schnorrKeys().isEmpty())
        .map(SigningKeys.Public::presignatures);
  }

  /** Executes a presignature dealing from a block; returns why it is rejected, if it is. */
  public List<String> onPresignatureDealing(ReplicatedState state,
      PayloadItem.PresignatureDealing d) {
    Optional<Presignatures> p = presignatures(state);
    if (p.isEmpty()) {
      return List.of("presignature dealing on a subnet that holds no signing keys");
    }
    return p.get().onDealing(state, d).map(List::of).orElse(List.of());
  }

  /** Executes a presignature complaint or opening from a block; returns why it is rejected. */
  public List<String> onPresignatureSupport(ReplicatedState state, PayloadItem item) {
    Optional<Presignatures> p = presignatures(state);
    if (p.isEmpty()) {
      return List.of("presignature complaint or opening on a subnet that holds no signing keys");
    }
    Optional<String> rejected = item instanceof PayloadItem.PresignatureComplaint c
        ? p.get().onComplaint(state, c)
        : p.get().onOpening(state, (PayloadItem.PresignatureOpening) item);
    return rejected.map(List::of).orElse(List.of());
  }

  /**
   * After a block's messages: binds waiting signature requests, in queue order, to presignatures
   * that became ready, then opens new presignature instances for the stashes and the requests
   * still waiting.
   */
  public void afterBlock(ReplicatedState state) {
    Optional<Presignatures> p = presignatures(state);
    if (p.isEmpty()) {
      return;
    }
    Map<String, ChainKeyScheme> schemes = schemes(state);
    Map<String, Integer> waiting = new java.util.TreeMap<>();
    for (ChainKeyRequest r : List.copyOf(state.chainKeyRequests().values())) {
      ChainKeyScheme scheme = schemes.get(r.method());
      Optional<String> key = scheme == null ? Optional.empty() : scheme.waitingFor(r);
      if (key.isEmpty()) {
        continue;
      }
      Optional<byte[]> bound = waiting.containsKey(key.get()) ? Optional.empty()
          : scheme.match(r, state);
      if (bound.isPresent()) {
        state.chainKeyRequests().put(r.id(), new ChainKeyRequest(r.id(), r.origin(), r.caller(),
            r.method(), r.arg(), r.receivedAtNanos(), bound.get()));
      } else {
        waiting.merge(key.get(), 1, Integer::sum);
      }
    }
    p.get().refill(state, waiting);
  }

  /** The reply now, or empty if the request was queued for shares. */
  public Optional<Reply> handle(ReplicatedState state, QueuedMessage.Request request,
      byte[] randomness) {
    if (!(request.origin() instanceof Origin.FromCall)
        && !(request.origin() instanceof Origin.FromRemote)) {
      return Optional.of(Reply.reject(CANISTER_REJECT,
          "only canisters may call the management canister's chain-key methods"));
    }
    CanisterId caller;
    try {
      caller = CanisterId.fromBytes(request.caller());
    } catch (IllegalArgumentException e) {
      return Optional.of(Reply.reject(CANISTER_REJECT, "caller is not a canister"));
    }
    ManagementRequest decoded;
    CanisterId keyOwner;
    try {
      decoded = ManagementRequest.decode(request.method(), request.arg());
      // A Candid public-key call may name another canister (canister_id), as on the IC.
      keyOwner = ManagementCandid.namedCanister(request.method(), request.arg())
          .map(CanisterId::fromBytes).orElse(caller);
    } catch (InvalidManagementArgsException e) {
      return Optional.of(Reply.reject(CANISTER_REJECT, e.getMessage()));
    } catch (IllegalArgumentException e) {
      return Optional.of(Reply.reject(CANISTER_REJECT, request.method()
          + ": canister_id is not a canister"));
    }
    Optional<Held> held = source.held(state);
    if (held.isEmpty()) {
      return Optional.of(source.awaitsKeys()
          ? Reply.reject(SYS_TRANSIENT, request.method()
              + ": the chain keys are not yet installed on this subnet (key generation or "
              + "resharing in progress)")
          : Reply.reject(CANISTER_REJECT, request.method()
              + ": no subnet of this world holds chain keys"));
    }
    SubnetChainKeys keys = held.get().keys();
    Map<String, ChainKeyScheme> schemes = held.get().schemes();
    try {
      Optional<ManagementReply> immediate = publicKey(keys, decoded, keyOwner);
      if (immediate.isPresent()) {
        return Optional.of(Reply.of(immediate.get().encodeFor(request.method(), request.arg())));
      }
    } catch (IllegalArgumentException e) {
      return Optional.of(Reply.reject(CANISTER_REJECT, request.method() + ": " + e.getMessage()));
    }
    if (decoded instanceof ManagementRequest.DocumentKeyStore d) {
      return Optional.of(store(state, d, request.arg()));
    }
    if (decoded instanceof ManagementRequest.DocumentKeyShadows d) {
      Optional<CanisterId> guard;
      try {
        guard = DocumentPermissions.guard(state, d);
      } catch (IllegalArgumentException e) {
        return Optional.of(Reply.reject(CANISTER_REJECT, d.method() + ": " + e.getMessage()));
      }
      if (guard.isEmpty()) {
        return Optional.of(Reply.reject(CANISTER_REJECT, DocumentPermissions.notStored()));
      }
      if (!guard.get().equals(caller)) {
        // Anyone but the permission canister: its program decides, asked in replicated
        // execution; the request waits for its answer (onPermissionAnswer).
        DocumentPermissions.ask(state, request, caller, guard.get(), d);
        return Optional.empty();
      }
    }
    return admit(state, request.origin(), caller, request.method(), request.arg(), decoded,
        held.get().schemes(), randomness);
  }

  /**
   * A permission program's answer to {@link DocumentPermissions#ask}: the 403 if it did not say
   * yes, else the held shadows request goes on as if it had just arrived (queued for shares, or
   * refused if the keys or the queue cannot take it now). Empty: queued.
   */
  public Optional<Reply> onPermissionAnswer(ReplicatedState state, Origin origin,
      Callback callback, Reply answer, byte[] randomness) {
    DocumentPermissions.Asked asked;
    ManagementRequest decoded;
    try {
      asked = DocumentPermissions.Asked.of(callback);
      decoded = ManagementRequest.decode(SHADOWS, asked.arg());
    } catch (IllegalArgumentException | InvalidManagementArgsException e) {
      return Optional.of(Reply.reject(CANISTER_ERROR, SHADOWS + ": " + e.getMessage()));
    }
    Optional<String> refused = DocumentPermissions.refusal(callback, asked, answer);
    if (refused.isPresent()) {
      return Optional.of(Reply.reject(CANISTER_REJECT, refused.get()));
    }
    Optional<Held> held = source.held(state);
    if (held.isEmpty()) {
      return Optional.of(Reply.reject(SYS_TRANSIENT, SHADOWS
          + ": the chain keys are not yet installed on this subnet (resharing in progress)"));
    }
    return admit(state, origin, asked.caller(), SHADOWS, asked.arg(), decoded,
        held.get().schemes(), randomness);
  }

  /** Validates a request for shares and queues it (empty), or says why not. */
  private Optional<Reply> admit(ReplicatedState state, Origin origin, CanisterId caller,
      String method, byte[] arg, ManagementRequest decoded, Map<String, ChainKeyScheme> schemes,
      byte[] randomness) {
    ChainKeyScheme scheme = schemes.get(method);
    if (scheme == null) {
      return Optional.of(Reply.reject(CANISTER_REJECT, method + " is not available on this subnet"));
    }
    try {
      scheme.validate(decoded);
    } catch (IllegalArgumentException e) {
      return Optional.of(Reply.reject(CANISTER_REJECT, method + ": " + e.getMessage()));
    }
    long queued = state.chainKeyRequests().values().stream()
        .filter(r -> r.method().equals(method)).count();
    if (queued >= queueLimit) {
      return Optional.of(Reply.reject(SYS_TRANSIENT, method + ": request queue full ("
          + queueLimit + " pending)"));
    }
    byte[] context = scheme.bind(decoded, state, randomness);
    long id = state.nextId();
    state.chainKeyRequests().put(id, new ChainKeyRequest(id, origin, caller, method, arg,
        state.timeNanos(), context));
    return Optional.empty();
  }

  /** document_key_store answers at once ({@link DocumentPermissions}). */
  private static Reply store(ReplicatedState state, ManagementRequest.DocumentKeyStore d,
      byte[] arg) {
    try {
      requireName(d.keyName(), SubnetChainKeys.DOCUMENT_KEY_NAME);
      return DocumentPermissions.store(state, d)
          .map(why -> Reply.reject(CANISTER_REJECT, d.method() + ": " + why))
          .orElseGet(() -> Reply.of(new ManagementReply.Done().encodeFor(d.method(), arg)));
    } catch (IllegalArgumentException e) {
      return Reply.reject(CANISTER_REJECT, d.method() + ": " + e.getMessage());
    }
  }

  private static Optional<ManagementReply> publicKey(SubnetChainKeys keys, ManagementRequest r,
      CanisterId caller) {
    if (r instanceof ManagementRequest.VetKdPublicKey v) {
      requireName(v.keyName(), SubnetChainKeys.VETKD_KEY_NAME);
      return Optional.of(new ManagementReply.Key(DerivationContext.of(caller.toBytes(), v.context())
          .derive(requireHeld(keys.vetKdKey()).publicKey()).publicKey().toBytes()));
    }
    if (r instanceof ManagementRequest.EcdhPublicKey e) {
      requireName(e.keyName(), SubnetChainKeys.ECDH_KEY_NAME);
      CallerEcdhKey k = CallerEcdhKey.derive(requireHeld(keys.ecdhKeys().get(
          SubnetChainKeys.ecdhCurve(e.curve()))), caller.toBytes(), e.derivationPath());
      return Optional.of(new ManagementReply.PublicKey(k.wirePublicKey(), k.chainCode()));
    }
    if (r instanceof ManagementRequest.EcdsaPublicKey e) {
      requireName(e.keyName(), SigningKeys.KEY_NAME);
      return Optional.of(derivedPublicKey(
          keys.signing().ecdsaKeys().get(EcdsaScheme.curve(e.curve())), caller, e.derivationPath()));
    }
    if (r instanceof ManagementRequest.SchnorrPublicKey e) {
      requireName(e.keyName(), SigningKeys.KEY_NAME);
      return Optional.of(derivedPublicKey(
          keys.signing().schnorrKeys().get(SchnorrScheme.algorithm(e.algorithm())), caller,
          e.derivationPath()));
    }
    if (r instanceof ManagementRequest.DocumentKeyServerKey d) {
      requireName(d.keyName(), SubnetChainKeys.DOCUMENT_KEY_NAME);
      return Optional.of(new ManagementReply.Key(
          requireHeld(keys.documentServerKey()).publicKey().encode()));
    }
    return Optional.empty();
  }

  /** The caller's key derived (IC key derivation) from a held signing key transcript. */
  private static ManagementReply derivedPublicKey(dev.subnetsim.chainkey.idkg.IdkgTranscript key,
      CanisterId caller, java.util.List<byte[]> path) {
    var d = IcKeyDerivation.derive(requireHeld(key).commitment().constantTerm(),
        DerivationPath.forCanister(caller.toBytes(), path));
    return new ManagementReply.PublicKey(d.publicKey().encode(), d.chainCode());
  }

  private static <K> K requireHeld(K key) {
    if (key == null) {
      throw new IllegalArgumentException("this key is not held on this subnet");
    }
    return key;
  }

  private static void requireName(String given, String expected) {
    if (!expected.equals(given)) {
      throw new IllegalArgumentException("unknown key '" + given + "'");
    }
  }
}
