package dev.subnetsim.replica.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.vetkd.TransportSecretKey;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.canisters.ChainKeyProxyCanister;
import dev.subnetsim.replica.canisters.KeyValueCanister;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.ChainKeyShareMessage;
import dev.subnetsim.replica.chainkey.ChainKeyWorker;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.xnet.RoutingTable;
import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Four replicas' signing components on one executed state holding a pending vetKD request: shares
 * are gossiped, verified and combined into a payload item; refused shares are attributed to the
 * node that sent them; cheating and withholding are decorators over the honest change sets.
 */
class ChainKeySigningComponentTest {
  private static final int N = 4;
  private static final SeededRandom RNG = SeededRandom.fromSeed(23);
  private static final ChainKeyGenesis KEYS = ChainKeyGenesis.generate("keys", N, 0, 0,
      RNG.fork("keys"));
  private static final List<NodeId> COMMITTEE = IntStream.range(0, N).mapToObj(NodeId::new)
      .toList();

  private final SubnetExecution subnet = new SubnetExecution("keys",
      RoutingTable.single("keys", true), Map.of(KeyValueCanister.NAME, new KeyValueCanister(),
          ChainKeyProxyCanister.NAME, new ChainKeyProxyCanister()),
      Map.of(SubnetExecution.COUNTER, KeyValueCanister.NAME, SubnetExecution.CHAIN_KEY_PROXY,
          ChainKeyProxyCanister.NAME), Optional.of(KEYS), 8, RNG.fork("workers"), slice -> false);
  private final ReplicatedState state = withPendingVetKdRequest();
  private final int threshold = subnet.management().schemes().get("vetkd_derive_key").threshold();

  private ReplicatedState withPendingVetKdRequest() {
    ReplicatedState s = subnet.genesisState();
    byte[] tpk = TransportSecretKey.random(RNG.fork("transport")).publicKey().toBytes();
    var r = new ManagementRequest.VetKdDeriveKey(new byte[] {1}, new byte[0], tpk,
        SubnetChainKeys.VETKD_KEY_NAME);
    subnet.executor().execute(s, 1, 1, new byte[32], List.of(LoadClient.fromSeed(0).sign(
        new PayloadItem.Workload(1, 0, SubnetExecution.CHAIN_KEY_PROXY, "call",
            ChainKeyProxyCanister.callArg(r.method(), r.encode()))).encode()));
    assertThat(s.chainKeyRequests()).hasSize(1);
    return s;
  }

  private ChainKeySigningComponent node(int i, Set<ByzantineBehaviour> behaviours) {
    ChainKeyWorker worker = new ChainKeyWorker(i, N, KEYS.shares().get(i),
        subnet.management().schemes(), subnet.verifier(), RNG.fork("worker/" + i));
    return new ChainKeySigningComponent(COMMITTEE, "keys", worker,
        ChangeSetDecorator.chainKeyShares(behaviours), ChangeSetDecorator.sending(behaviours));
  }

  private ReplicaView view() {
    return new ReplicaView(2, state);
  }

  @Test
  void sharesAreGossipedVerifiedAndCombinedIntoAPayloadItemAtTheThreshold() {
    ChainKeySigningComponent mine = node(0, Set.of());
    ChangeSet own = mine.afterExecution(state);
    assertThat(own.messages()).singleElement().satisfies(m -> {
      assertThat(m).isInstanceOf(ChangeSet.Broadcast.class);
      assertThat(ChainKeyShareMessage.decode(m.bytes()).signer()).isZero();
    });
    assertThat(own.rejections()).isEmpty();

    ChangeSet last = ChangeSet.EMPTY;
    for (int i = 1; i < threshold; i++) {
      byte[] share = node(i, Set.of()).afterExecution(state).messages().get(0).bytes();
      last = mine.onShare(COMMITTEE.get(i), share, view());
    }
    assertThat(last.rejections()).isEmpty();
    assertThat(last.toConsensus()).singleElement()
        .isInstanceOfSatisfying(ConsensusNode.IngressReceived.class, p -> assertThat(
            PayloadItem.decode(p.message())).isInstanceOf(PayloadItem.ChainKeyResponse.class));
  }

  @Test
  void anInvalidShareIsRejectedWithItsSignerAndTheCheatRejectsItsOwnToo() {
    ChangeSet cheat = node(1, Set.of(ByzantineBehaviour.INVALID_CHAIN_KEY_SHARES))
        .afterExecution(state);
    assertThat(cheat.rejections()).singleElement().satisfies(r -> assertThat(r.sender())
        .isEqualTo(COMMITTEE.get(1)));

    ChangeSet received = node(0, Set.of()).onShare(COMMITTEE.get(1),
        cheat.messages().get(0).bytes(), view());

    assertThat(received.rejections()).singleElement().satisfies(r -> {
      assertThat(r.sender()).isEqualTo(COMMITTEE.get(1));
      assertThat(r.reason()).startsWith("invalid vetkd_derive_key share of node 1");
    });
    assertThat(received.toConsensus()).isEmpty();
  }

  @Test
  void aShareClaimingAnotherSignerOrMalformedIsAttributedToItsSender() {
    ChainKeySigningComponent mine = node(0, Set.of());
    byte[] twos = node(2, Set.of()).afterExecution(state).messages().get(0).bytes();

    assertThat(mine.onShare(COMMITTEE.get(3), twos, view()).rejections()).containsExactly(
        new Rejection(COMMITTEE.get(3), "chain-key share claims signer index 2 of another node"));
    assertThat(mine.onShare(COMMITTEE.get(3), new byte[5], view()).rejections())
        .singleElement().satisfies(r -> assertThat(r.sender()).isEqualTo(COMMITTEE.get(3)));
  }

  @Test
  void aWithholdingNodeSendsNothingButStillCountsItsOwnShare() {
    ChainKeySigningComponent withholding = node(0, Set.of(ByzantineBehaviour.WITHHOLDING));
    assertThat(withholding.afterExecution(state).messages()).isEmpty();

    ChangeSet last = ChangeSet.EMPTY;
    for (int i = 1; i < threshold; i++) {
      last = withholding.onShare(COMMITTEE.get(i),
          node(i, Set.of()).afterExecution(state).messages().get(0).bytes(), view());
    }
    assertThat(last.toConsensus()).hasSize(1);
  }

  @Test
  void aReplicaWithoutKeysIgnoresShares() {
    ChainKeySigningComponent keyless = new ChainKeySigningComponent(COMMITTEE, "keys", null,
        ChangeSetDecorator.HONEST, ChangeSetDecorator.HONEST);
    assertThat(keyless.onShare(COMMITTEE.get(1), new byte[3], view()).isEmpty()).isTrue();
    assertThat(keyless.afterExecution(state).isEmpty()).isTrue();
  }
}
