package dev.subnetsim.replica.block;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.certification.CborReader;
import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.certification.CborWriter;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.vetkd.TransportSecretKey;
import dev.subnetsim.replica.canisters.ChainKeyProxyCanister;
import dev.subnetsim.replica.canisters.KeyValueCanister;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.SignatureScheme;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.payload.IngressEnvelope;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.xnet.RoutingTable;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The execution of finalized payloads: signed ingress to canisters with /request_status, calls to
 * the management canister through a proxy canister with callbacks, queue back-pressure, traps
 * without state change, malformed items, and the checkpoint form of the state.
 */
class BlockExecutorTest {
  /** The load client of worlds built without a run seed. */
  private static final LoadClient LOAD = LoadClient.fromSeed(0);
  private static final long S = 1_000_000_000L;
  private static final SeededRandom RNG = SeededRandom.fromSeed(11);
  private static final ChainKeyGenesis KEYS = ChainKeyGenesis.generate("test", 4, RNG.fork("keys"));

  private static SubnetExecution subnet(int queueLimit) {
    return new SubnetExecution("test", RoutingTable.single("test", true),
        Map.of(KeyValueCanister.NAME, new KeyValueCanister(),
        ChainKeyProxyCanister.NAME, new ChainKeyProxyCanister()),
        Map.of(SubnetExecution.COUNTER, KeyValueCanister.NAME, SubnetExecution.CHAIN_KEY_PROXY,
            ChainKeyProxyCanister.NAME), Optional.of(KEYS), queueLimit, RNG.fork("workers"),
        slice -> false);
  }

  private static byte[] vetKdCall(long seq, int i) {
    byte[] tpk = TransportSecretKey.random(RNG.fork("t" + i)).publicKey().toBytes();
    var r = new ManagementRequest.VetKdDeriveKey(new byte[] {(byte) i}, new byte[0], tpk,
        SubnetChainKeys.VETKD_KEY_NAME);
    return LOAD.sign(new PayloadItem.Workload(seq, 0, SubnetExecution.CHAIN_KEY_PROXY, "call",
        ChainKeyProxyCanister.callArg(r.method(), r.encode()))).encode();
  }

  @Test
  void signedIngressRunsOnItsCanisterAndItsReplyIsInTheRequestStatus() {
    SubnetExecution subnet = subnet(8);
    ReplicatedState state = subnet.genesisState();
    UserKeyPair user = UserKeyPair.generate(SignatureScheme.ED25519, RNG.fork("user"));
    var signed = user.sign(new IngressMessage(user.principal(), new CanisterId(SubnetExecution.COUNTER).toBytes(),
        "put", "k=v".getBytes(StandardCharsets.UTF_8), 60 * S, null));
    byte[] item = new PayloadItem.Ingress(signed).encode();
    subnet.executor().execute(state, 1, S, new byte[32], List.of(item, item));
    assertThat(state.requestStatus(signed.message().requestId()).status()).isEqualTo("replied");
    // The duplicate was executed once: the status stays. An expired copy is dropped without
    // blaming the block maker (it was valid when admitted); a forged one is blamed.
    ReplicatedState later = subnet.genesisState();
    var outcome = subnet.executor().execute(later, 1, 61 * S, new byte[32], List.of(item));
    assertThat(later.requestStatus(signed.message().requestId())).isNull();
    assertThat(outcome.rejectedItems()).isEmpty();
    byte[] sig = signed.signature();
    sig[3] ^= 1;
    byte[] forged = new PayloadItem.Ingress(new dev.subnetsim.replica.ingress.SignedIngress(
        signed.message(), signed.senderPublicKeyDer(), sig)).encode();
    assertThat(subnet.executor().execute(subnet.genesisState(), 1, S, new byte[32],
        List.of(forged)).rejectedItems()).singleElement().asString().contains("invalid signature");
  }

  @Test
  void aManagementCallIsQueuedAndItsCallerAnswersOnlyWhenSharesArrive() {
    SubnetExecution subnet = subnet(8);
    ReplicatedState state = subnet.genesisState();
    var outcome = subnet.executor().execute(state, 1, S, new byte[32], List.of(vetKdCall(1, 1)));
    assertThat(outcome.load()).isEmpty();
    assertThat(state.chainKeyRequests()).hasSize(1);
    assertThat(state.callContexts()).hasSize(1);
    var request = state.chainKeyRequests().firstEntry().getValue();
    var scheme = subnet.management().schemes().get("vetkd_derive_key");
    TreeMap<Integer, byte[]> shares = new TreeMap<>();
    for (int i = 0; i < scheme.threshold(); i++) {
      shares.put(i, scheme.createShare(request, KEYS.shares().get(i), RNG.fork("s" + i)));
    }
    outcome = subnet.executor().execute(state, 2, 2 * S, new byte[32],
        List.of(new PayloadItem.ChainKeyResponse(request.id(), shares).encode()));
    assertThat(outcome.chainKey()).hasSize(1);
    assertThat(outcome.load()).singleElement().satisfies(l -> assertThat(l.replied()).isTrue());
    assertThat(state.chainKeyRequests()).isEmpty();
    assertThat(state.callContexts()).isEmpty();
    assertThat(state.callbacks()).isEmpty();
  }

  @Test
  void aResponseWithAnInvalidShareIsRefusedAndAttributedAndTheRequestStaysPending() {
    SubnetExecution subnet = subnet(8);
    ReplicatedState state = subnet.genesisState();
    subnet.executor().execute(state, 1, S, new byte[32], List.of(vetKdCall(1, 1)));
    var request = state.chainKeyRequests().firstEntry().getValue();
    var scheme = subnet.management().schemes().get("vetkd_derive_key");
    TreeMap<Integer, byte[]> shares = new TreeMap<>();
    for (int i = 0; i < scheme.threshold(); i++) {
      shares.put(i, scheme.createShare(request, KEYS.shares().get((i + 1) % 4),
          RNG.fork("s" + i))); // node i's slot, another's share
    }
    var outcome = subnet.executor().execute(state, 2, 2 * S, new byte[32],
        List.of(new PayloadItem.ChainKeyResponse(request.id(), shares).encode()));
    assertThat(outcome.chainKey()).isEmpty();
    assertThat(outcome.rejectedItems()).anyMatch(r -> r.contains("invalid vetkd_derive_key share of node 0"));
    assertThat(state.chainKeyRequests()).containsKey(request.id());
  }

  @Test
  void requestsBeyondTheQueueLimitAreRejectedAtOnce() {
    SubnetExecution subnet = subnet(2);
    ReplicatedState state = subnet.genesisState();
    List<byte[]> items = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      items.add(vetKdCall(i, i));
    }
    var outcome = subnet.executor().execute(state, 1, S, new byte[32], items);
    assertThat(state.chainKeyRequests()).hasSize(2);
    assertThat(outcome.load()).hasSize(3).allSatisfy(l -> assertThat(l.replied()).isFalse());
  }

  @Test
  void aTrappingMessageLeavesNoStateChange() {
    SubnetExecution subnet = subnet(8);
    ReplicatedState state = subnet.genesisState();
    byte[] before = state.manifestHash();
    subnet.executor().execute(state, 1, S, new byte[32], List.of(LOAD.sign(
        new PayloadItem.Workload(1, 0, SubnetExecution.COUNTER, "put_then_trap",
            "k=v".getBytes(StandardCharsets.UTF_8))).encode()));
    ReplicatedState untouched = subnet.genesisState();
    untouched.advance(1, S);
    assertThat(state.canisters().get(new CanisterId(SubnetExecution.COUNTER)).stableMemoryHash())
        .isEqualTo(untouched.canisters().get(new CanisterId(SubnetExecution.COUNTER)).stableMemoryHash());
    assertThat(state.manifestHash()).isNotEqualTo(before); // only the height moved
  }

  @Test
  void malformedPayloadItemsAreReportedAndSkipped() {
    SubnetExecution subnet = subnet(8);
    ReplicatedState state = subnet.genesisState();
    var outcome = subnet.executor().execute(state, 1, S, new byte[32],
        List.of(new byte[] {'Z', 1}, new byte[] {'W', 0},
            LOAD.sign(PayloadItem.Workload.counter(1, 0)).encode(),
            PayloadItem.Workload.counter(2, 0).encode()));
    assertThat(outcome.rejectedItems()).hasSize(3);
    assertThat(outcome.rejectedItems().get(2)).contains("load not signed by the load client");
    assertThat(outcome.rejectedItems().get(0)).contains("not a PayloadItem protobuf");
    assertThat(outcome.load()).hasSize(1);
  }

  @Test
  void aFinalizedIngressItemWithA30ByteSenderIsReportedAndTheBlockStillExecutes() {
    // Issue 18, defect 1: this item used to throw out of execute() on every honest replica.
    SubnetExecution subnet = subnet(8);
    ReplicatedState state = subnet.genesisState();
    UserKeyPair user = UserKeyPair.generate(SignatureScheme.ED25519, RNG.fork("oversized"));
    byte[] sender30 = new byte[30];
    CborValue.Tagged root = (CborValue.Tagged) CborReader.decode(IngressEnvelope.encode(
        user.sign(new IngressMessage(user.principal(), new CanisterId(0).toBytes(), "put",
            new byte[] {1}, 60 * S, null))));
    Map<String, CborValue> envelope = new TreeMap<>(((CborValue.MapValue) root.content()).entries());
    Map<String, CborValue> content = new TreeMap<>(
        ((CborValue.MapValue) envelope.get("content")).entries());
    content.put("sender", new CborValue.Bytes(sender30));
    envelope.put("content", new CborValue.MapValue(content));
    byte[] body = CborWriter.encode(new CborValue.MapValue(envelope));
    byte[] item = PayloadItem.ingressOf(body);
    var outcome = subnet.executor().execute(state, 1, S, new byte[32],
        List.of(item, LOAD.sign(PayloadItem.Workload.counter(1, 0)).encode()));
    assertThat(outcome.rejectedItems()).singleElement().asString()
        .contains("malformed payload item").contains("sender has 30 bytes");
    assertThat(outcome.load()).hasSize(1);
  }

  @Test
  void aStateSurvivesItsCheckpointFormWithTheSameCertifiedRoot() {
    SubnetExecution subnet = subnet(8);
    ReplicatedState state = subnet.genesisState();
    subnet.executor().execute(state, 1, S, new byte[32], List.of(vetKdCall(1, 1),
        LOAD.sign(PayloadItem.Workload.counter(2, 0)).encode()));
    ReplicatedState copy = ReplicatedState.decode(state.encode());
    assertThat(copy.certifiedTree(List.of()).digest()).isEqualTo(state.certifiedTree(List.of()).digest());
    assertThat(copy.chainKeyRequests()).hasSize(1);
    byte[] corrupt = state.encode();
    corrupt[corrupt.length - 3] ^= 0x40;
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
      ReplicatedState d = ReplicatedState.decode(java.util.Arrays.copyOf(corrupt, corrupt.length - 1));
      d.manifestHash();
    }).isInstanceOf(IllegalArgumentException.class);
  }
}
