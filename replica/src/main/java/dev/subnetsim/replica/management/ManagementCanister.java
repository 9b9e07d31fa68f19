package dev.subnetsim.replica.management;

import dev.subnetsim.chainkey.ecdh.ThresholdEcdh;
import dev.subnetsim.chainkey.vetkd.DerivationContext;
import dev.subnetsim.replica.chainkey.ChainKeyRequest;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.chainkey.schemes.ChainKeyScheme;
import dev.subnetsim.replica.chainkey.schemes.EcdsaScheme;
import dev.subnetsim.replica.chainkey.schemes.SchnorrScheme;
import dev.subnetsim.replica.chainkey.SigningKeys;
import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.messaging.Origin;
import dev.subnetsim.replica.execution.messaging.QueuedMessage;
import dev.subnetsim.replica.execution.messaging.QueuedMessage.Reply;
import dev.subnetsim.replica.state.ReplicatedState;
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

  private final SubnetChainKeys keys;
  private final Map<String, ChainKeyScheme> schemes;
  private final int queueLimit;

  public ManagementCanister(SubnetChainKeys keys, Map<String, ChainKeyScheme> schemes,
      int queueLimit) {
    this.keys = keys;
    this.schemes = Map.copyOf(schemes);
    this.queueLimit = queueLimit;
  }

  public Map<String, ChainKeyScheme> schemes() {
    return schemes;
  }

  /** Whether this subnet holds chain keys (otherwise chain-key calls go to the subnet that does). */
  public boolean holdsKeys() {
    return keys != null;
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
    try {
      decoded = ManagementRequest.decode(request.method(), request.arg());
    } catch (InvalidManagementArgsException e) {
      return Optional.of(Reply.reject(CANISTER_REJECT, e.getMessage()));
    }
    if (keys == null) {
      return Optional.of(Reply.reject(CANISTER_REJECT, request.method()
          + ": no subnet of this world holds chain keys"));
    }
    try {
      Optional<ManagementReply> immediate = publicKey(decoded, caller);
      if (immediate.isPresent()) {
        return Optional.of(Reply.of(immediate.get().encode()));
      }
    } catch (IllegalArgumentException e) {
      return Optional.of(Reply.reject(CANISTER_REJECT, request.method() + ": " + e.getMessage()));
    }
    ChainKeyScheme scheme = schemes.get(request.method());
    if (scheme == null) {
      return Optional.of(Reply.reject(CANISTER_REJECT,
          request.method() + " is not available on this subnet"));
    }
    try {
      scheme.validate(decoded);
    } catch (IllegalArgumentException e) {
      return Optional.of(Reply.reject(CANISTER_REJECT, request.method() + ": " + e.getMessage()));
    }
    long queued = state.chainKeyRequests().values().stream()
        .filter(r -> r.method().equals(request.method())).count();
    if (queued >= queueLimit) {
      return Optional.of(Reply.reject(SYS_TRANSIENT, request.method() + ": request queue full ("
          + queueLimit + " pending)"));
    }
    byte[] context;
    try {
      context = scheme.bind(decoded, state, randomness);
    } catch (IllegalStateException e) {
      return Optional.of(Reply.reject(SYS_TRANSIENT, request.method() + ": " + e.getMessage()));
    }
    long id = state.nextId();
    state.chainKeyRequests().put(id, new ChainKeyRequest(id, request.origin(), caller,
        request.method(), request.arg(), state.timeNanos(), context));
    return Optional.empty();
  }

  private Optional<ManagementReply> publicKey(ManagementRequest r, CanisterId caller) {
    if (r instanceof ManagementRequest.VetKdPublicKey v) {
      requireName(v.keyName(), SubnetChainKeys.VETKD_KEY_NAME);
      return Optional.of(new ManagementReply.Key(DerivationContext.of(caller.toBytes(), v.context())
          .derive(keys.vetKdKey().publicKey()).publicKey().toBytes()));
    }
    if (r instanceof ManagementRequest.EcdhPublicKey e) {
      requireName(e.keyName(), SubnetChainKeys.ECDH_KEY_NAME);
      return Optional.of(new ManagementReply.Key(ThresholdEcdh.subnetPublicKey(
          keys.ecdhKeys().get(SubnetChainKeys.ecdhCurve(e.curve())))));
    }
    if (r instanceof ManagementRequest.EcdsaPublicKey e) {
      requireName(e.keyName(), SigningKeys.KEY_NAME);
      var c = EcdsaScheme.curve(e.curve());
      var d = IcKeyDerivation.derive(keys.signing().ecdsaKeys().get(c).commitment().constantTerm(),
          DerivationPath.forCanister(caller.toBytes(), e.derivationPath()));
      return Optional.of(new ManagementReply.PublicKey(d.publicKey().encode(), d.chainCode()));
    }
    if (r instanceof ManagementRequest.SchnorrPublicKey e) {
      requireName(e.keyName(), SigningKeys.KEY_NAME);
      var a = SchnorrScheme.algorithm(e.algorithm());
      var d = IcKeyDerivation.derive(keys.signing().schnorrKeys().get(a).commitment().constantTerm(),
          DerivationPath.forCanister(caller.toBytes(), e.derivationPath()));
      return Optional.of(new ManagementReply.PublicKey(d.publicKey().encode(), d.chainCode()));
    }
    if (r instanceof ManagementRequest.DocumentKeyServerKey d) {
      requireName(d.keyName(), SubnetChainKeys.DOCUMENT_KEY_NAME);
      return Optional.of(new ManagementReply.Key(keys.documentServerKey().publicKey().encode()));
    }
    return Optional.empty();
  }

  private static void requireName(String given, String expected) {
    if (!expected.equals(given)) {
      throw new IllegalArgumentException("unknown key '" + given + "'");
    }
  }
}
