package dev.subnetsim.replica.chainkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.replica.state.ChainKeyRequest;
import dev.subnetsim.replica.management.InvalidManagementArgsException;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.chainkey.schemes.ChainKeyScheme;
import dev.subnetsim.replica.chainkey.schemes.ChainKeySchemes;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.messaging.Origin;
import dev.subnetsim.replica.execution.messaging.QueuedMessage.Reply;
import dev.subnetsim.replica.execution.messaging.QueuedMessage.Request;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.testing.ReplicaStateFixture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The management canister's chain-key methods on a given state: who may call, what is answered at
 * once (public keys), what is queued for shares (bounded per method), and the reject code and
 * message of everything refused.
 */
class ManagementCanisterTest {
  private static final int LIMIT = 2;
  private static final byte[] NO_RANDOMNESS = new byte[32];

  private final ReplicaStateFixture fx = ReplicaStateFixture.signingSubnet(4, 41);
  private final SubnetChainKeys keys = fx.keys().publicKeys();
  private final ManagementCanister management = new ManagementCanister(keys,
      ChainKeySchemes.forKeys(keys), LIMIT);
  private final ReplicatedState state = fx.genesisState();

  private static Request call(CanisterId caller, ManagementRequest r) {
    return new Request(new Origin.FromCall(7), caller.toBytes(), CanisterId.MANAGEMENT,
        r.method(), r.encode());
  }

  private Optional<Reply> handle(ManagementRequest r) {
    return management.handle(state, call(fx.proxy(), r), NO_RANDOMNESS);
  }

  private static Reply rejected(Optional<Reply> reply, int code) {
    assertThat(reply).isPresent();
    assertThat(reply.get().replied()).isFalse();
    assertThat(reply.get().rejectCode()).isEqualTo(code);
    return reply.get();
  }

  private ManagementRequest.VetKdDeriveKey derive(int input) {
    return fx.vetKdRequest(new byte[] {(byte) input});
  }

  @Test
  void anIngressMessageMayNotCallTheChainKeyMethods() {
    Request fromUser = new Request(new Origin.FromIngress(new byte[32]), fx.proxy().toBytes(),
        CanisterId.MANAGEMENT, "vetkd_derive_key", derive(1).encode());

    Reply r = rejected(management.handle(state, fromUser, NO_RANDOMNESS),
        ManagementCanister.CANISTER_REJECT);

    assertThat(r.rejectMessage())
        .isEqualTo("only canisters may call the management canister's chain-key methods");
    assertThat(state.chainKeyRequests()).isEmpty();
  }

  @Test
  void aCallerThatIsNotACanisterIdIsRejected() {
    Request r = new Request(new Origin.FromCall(7), new byte[] {1, 2, 3}, CanisterId.MANAGEMENT,
        "vetkd_derive_key", derive(1).encode());

    assertThat(rejected(management.handle(state, r, NO_RANDOMNESS),
        ManagementCanister.CANISTER_REJECT).rejectMessage()).isEqualTo("caller is not a canister");
  }

  @Test
  void aMalformedArgumentIsRejectedNamingTheMethod() {
    Request r = new Request(new Origin.FromCall(7), fx.proxy().toBytes(), CanisterId.MANAGEMENT,
        "vetkd_derive_key", new byte[] {(byte) 0xff});

    assertThat(rejected(management.handle(state, r, NO_RANDOMNESS),
        ManagementCanister.CANISTER_REJECT).rejectMessage())
        .startsWith("management canister method 'vetkd_derive_key': ");
  }

  @Test
  void aPublicKeyIsAnsweredAtOnceDerivedForTheCaller() {
    var request = new ManagementRequest.VetKdPublicKey(new byte[] {5},
        SubnetChainKeys.VETKD_KEY_NAME);

    Optional<Reply> mine = handle(request);
    Optional<Reply> again = handle(request);
    Optional<Reply> other = management.handle(state, call(new CanisterId(0), request),
        NO_RANDOMNESS);

    assertThat(mine).hasValueSatisfying(r -> assertThat(r.replied()).isTrue());
    byte[] key = ManagementReply.Key.decode(mine.get().data()).publicKey();
    assertThat(key).hasSize(96);
    assertThat(ManagementReply.Key.decode(again.get().data()).publicKey()).isEqualTo(key);
    assertThat(ManagementReply.Key.decode(other.get().data()).publicKey()).isNotEqualTo(key);
    assertThat(state.chainKeyRequests()).isEmpty();
  }

  @Test
  void anEcdsaPublicKeyDependsOnTheDerivationPath() {
    byte[] a = ManagementReply.PublicKey.decode(handle(new ManagementRequest.EcdsaPublicKey(
        "secp256k1", List.of(new byte[] {1}), SigningKeys.KEY_NAME)).orElseThrow().data())
        .publicKey();
    byte[] b = ManagementReply.PublicKey.decode(handle(new ManagementRequest.EcdsaPublicKey(
        "secp256k1", List.of(new byte[] {2}), SigningKeys.KEY_NAME)).orElseThrow().data())
        .publicKey();

    assertThat(a).hasSize(33);
    assertThat(b).hasSize(33).isNotEqualTo(a);
  }

  @Test
  void anEcdhPublicKeyIsTheCallersDerivedKeyForItsPathNeverTheMasterKey() {
    var request = new ManagementRequest.EcdhPublicKey("x25519", List.of(new byte[] {1}),
        SubnetChainKeys.ECDH_KEY_NAME);
    byte[] mine = ManagementReply.PublicKey.decode(handle(request).orElseThrow().data()).publicKey();
    byte[] otherPath = ManagementReply.PublicKey.decode(handle(new ManagementRequest.EcdhPublicKey(
        "x25519", List.of(new byte[] {2}), SubnetChainKeys.ECDH_KEY_NAME)).orElseThrow().data())
        .publicKey();
    byte[] otherCaller = ManagementReply.PublicKey.decode(management.handle(state,
        call(new CanisterId(0), request), NO_RANDOMNESS).orElseThrow().data()).publicKey();
    var master = keys.ecdhKeys().get(dev.subnetsim.chainkey.ec.EcCurve.ED25519);

    assertThat(mine).hasSize(32).isEqualTo(dev.subnetsim.chainkey.ecdh.CallerEcdhKey.derive(master,
        fx.proxy().toBytes(), List.of(new byte[] {1})).wirePublicKey());
    assertThat(mine).isNotEqualTo(otherPath).isNotEqualTo(otherCaller)
        .isNotEqualTo(dev.subnetsim.chainkey.ecdh.ThresholdEcdh.subnetPublicKey(master));
  }

  @Test
  void documentShadowsAreQueuedForThePermissionCanisterAndForOthersOnlyWhenItsProgramSaysYes() {
    byte[] c = dev.subnetsim.chainkey.ec.EcPoint.mulGenerator(dev.subnetsim.chainkey.ec.EcScalar.of(
        dev.subnetsim.chainkey.ec.EcCurve.SECP256K1, 12345)).encode();
    var shadows = new ManagementRequest.DocumentKeyShadows(c, c, SubnetChainKeys.DOCUMENT_KEY_NAME);
    assertThat(rejected(handle(shadows), ManagementCanister.CANISTER_REJECT).rejectMessage())
        .startsWith(ManagementRequest.DocumentKeyShadows.FORBIDDEN);

    assertThat(handle(new ManagementRequest.DocumentKeyStore(c, fx.proxy().toBytes(),
        SubnetChainKeys.DOCUMENT_KEY_NAME))).hasValueSatisfying(r -> assertThat(r.replied()).isTrue());
    CanisterId other = new CanisterId(0);
    assertThat(management.handle(state, call(other, shadows), NO_RANDOMNESS)).isEmpty();

    // Nothing is queued for shares: the permission program is asked first.
    assertThat(state.chainKeyRequests()).isEmpty();
    Request question = (Request) state.queue().poll();
    assertThat(question.target()).isEqualTo(fx.proxy());
    assertThat(question.method()).isEqualTo(ManagementRequest.DocumentKeyShadows.CHECK_METHOD);
    assertThat(question.caller()).isEmpty(); // the management canister asks
    assertThat(question.arg()).containsSequence(other.toBytes());
    var callback = state.callbacks().get(((Origin.FromCall) question.origin()).callbackId());
    Origin origin = state.callContexts().get(callback.callContextId()).origin();
    assertThat(origin).isEqualTo(new Origin.FromCall(7));
    // The held request is replicated state: a checkpoint carries it (the CUP, state sync).
    ReplicatedState copy = ReplicatedState.decode(state.encode());
    assertThat(copy.manifestHash()).isEqualTo(state.manifestHash());
    assertThat(copy.callContexts().get(callback.callContextId()).canister().isManagement())
        .isTrue();
    assertThat(copy.callbacks().get(callback.id()).context()).isEqualTo(callback.context());

    Reply no = rejected(management.onPermissionAnswer(state, origin, callback,
        Reply.of(new byte[] {0}), NO_RANDOMNESS), ManagementCanister.CANISTER_REJECT);
    assertThat(no.rejectMessage()).startsWith(ManagementRequest.DocumentKeyShadows.FORBIDDEN)
        .contains("refused " + other);
    Reply trapped = rejected(management.onPermissionAnswer(state, origin, callback,
        Reply.reject(ManagementCanister.CANISTER_ERROR, "trapped"), NO_RANDOMNESS),
        ManagementCanister.CANISTER_REJECT);
    assertThat(trapped.rejectMessage()).contains("did not answer").contains("trapped");
    assertThat(state.chainKeyRequests()).isEmpty();

    assertThat(management.onPermissionAnswer(state, origin, callback, Reply.of(new byte[] {1}),
        NO_RANDOMNESS)).isEmpty();
    assertThat(state.chainKeyRequests().values()).singleElement()
        .satisfies(r -> assertThat(r.caller()).isEqualTo(other));
    assertThat(handle(shadows)).isEmpty(); // the permission canister's own request: no question
    assertThat(state.chainKeyRequests()).hasSize(2);
    assertThat(state.queue()).isEmpty();
  }

  @Test
  void aPublicKeyOfAnUnknownKeyNameIsRejected() {
    Reply r = rejected(handle(new ManagementRequest.VetKdPublicKey(new byte[0], "nope")),
        ManagementCanister.CANISTER_REJECT);

    assertThat(r.rejectMessage()).isEqualTo("vetkd_public_key: unknown key 'nope'");
  }

  @Test
  void aDeriveRequestIsQueuedForSharesAndNotAnswered() {
    state.advance(3, 42);

    assertThat(handle(derive(1))).isEmpty();

    assertThat(state.chainKeyRequests().values()).singleElement().satisfies(r -> {
      assertThat(r.method()).isEqualTo("vetkd_derive_key");
      assertThat(r.caller()).isEqualTo(fx.proxy());
      assertThat(r.origin()).isEqualTo(new Origin.FromCall(7));
      assertThat(r.receivedAtNanos()).isEqualTo(42);
      assertThat(r.decoded()).isInstanceOf(ManagementRequest.VetKdDeriveKey.class);
    });
  }

  @Test
  void requestsBeyondTheQueueLimitOfTheirMethodAreRejectedAsTransient() {
    assertThat(handle(derive(1))).isEmpty();
    assertThat(handle(derive(2))).isEmpty();

    Reply r = rejected(handle(derive(3)), ManagementCanister.SYS_TRANSIENT);

    assertThat(r.rejectMessage()).isEqualTo("vetkd_derive_key: request queue full (2 pending)");
    assertThat(state.chainKeyRequests()).hasSize(LIMIT);
  }

  @Test
  void aDeriveRequestWithAnInvalidTransportKeyIsRejected() {
    var bad = new ManagementRequest.VetKdDeriveKey(new byte[] {1}, new byte[0], new byte[48],
        SubnetChainKeys.VETKD_KEY_NAME);

    Reply r = rejected(handle(bad), ManagementCanister.CANISTER_REJECT);

    assertThat(r.rejectMessage()).startsWith("vetkd_derive_key: invalid transport public key");
    assertThat(state.chainKeyRequests()).isEmpty();
  }

  @Test
  void aMethodWhoseKeyIsNotServedHereIsRejected() {
    Map<String, ChainKeyScheme> withoutVetKd = new LinkedHashMap<>(ChainKeySchemes.forKeys(keys));
    withoutVetKd.remove("vetkd_derive_key");
    ManagementCanister partial = new ManagementCanister(keys, withoutVetKd, LIMIT);

    Reply r = rejected(partial.handle(state, call(fx.proxy(), derive(1)), NO_RANDOMNESS),
        ManagementCanister.CANISTER_REJECT);

    assertThat(r.rejectMessage()).isEqualTo("vetkd_derive_key is not available on this subnet");
  }

  @Test
  void withoutChainKeysInTheWorldEveryCallIsRejected() {
    ManagementCanister none = new ManagementCanister(null, Map.of(), LIMIT);

    Reply r = rejected(none.handle(state, call(fx.proxy(), derive(1)), NO_RANDOMNESS),
        ManagementCanister.CANISTER_REJECT);

    assertThat(r.rejectMessage())
        .isEqualTo("vetkd_derive_key: no subnet of this world holds chain keys");
  }

  @Test
  void beforeAReshareInstallsTheKeysACallIsRejectedAsTransient() {
    ManagementCanister awaiting = new ManagementCanister(new ManagementCanister.KeySource() {
      @Override
      public Optional<ManagementCanister.Held> held(ReplicatedState s) {
        return Optional.empty();
      }

      @Override
      public boolean awaitsKeys() {
        return true;
      }
    }, LIMIT);

    Reply r = rejected(awaiting.handle(state, call(fx.proxy(), derive(1)), NO_RANDOMNESS),
        ManagementCanister.SYS_TRANSIENT);

    assertThat(r.rejectMessage()).contains("not yet installed on this subnet");
  }

  @Test
  void aRequestFromAnotherSubnetIsQueuedWithItsRemoteOrigin() {
    Request remote = new Request(new Origin.FromRemote("app", 9), new CanisterId(3).toBytes(),
        CanisterId.MANAGEMENT, "vetkd_derive_key", derive(1).encode());

    assertThat(management.handle(state, remote, NO_RANDOMNESS)).isEmpty();

    assertThat(state.chainKeyRequests().values()).extracting(ChainKeyRequest::origin)
        .containsExactly(new Origin.FromRemote("app", 9));
  }
}
