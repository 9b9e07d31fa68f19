package dev.subnetsim.replica.testing;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.vetkd.TransportSecretKey;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.canisters.ChainKeyProxyCanister;
import dev.subnetsim.replica.canisters.KeyValueCanister;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.state.ChainKeyRequest;
import dev.subnetsim.replica.chainkey.ChainKeyWorker;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.chainkey.presig.RefillPolicy;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.xnet.RoutingTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A seeded test-data builder for the replica's chain-key parts: a subnet of n nodes holding chain
 * keys from a seeded genesis ceremony (no presignature stashes, so it is quick), its execution
 * with the counter and the chain-key proxy canister, and a replicated state into which blocks
 * that call the management canister through the proxy are executed, leaving chain-key requests
 * pending, as on a signing subnet. Each node's {@link ChainKeyWorker} uses only its own shares.
 */
public final class ReplicaStateFixture {
  /** The request queue limit per management method of the fixture's subnet. */
  public static final int QUEUE_LIMIT = 8;
  private static final long S = 1_000_000_000L;

  private final String name;
  private final SeededRandom rng;
  private final ChainKeyGenesis keys;
  private final List<NodeId> committee;
  private final SubnetExecution subnet;
  private final ReplicatedState state;
  private long height;
  private long sequence;

  private ReplicaStateFixture(Builder b) {
    this.name = b.name;
    this.rng = SeededRandom.fromSeed(b.seed);
    this.keys = ChainKeyGenesis.generate(name, b.n, b.ecdsaStash, b.schnorrStash, b.refill,
        rng.fork("keys"));
    this.committee = IntStream.range(0, b.n).mapToObj(NodeId::new).toList();
    this.subnet = new SubnetExecution(name, RoutingTable.single(name, true),
        Map.of(KeyValueCanister.NAME, new KeyValueCanister(),
            ChainKeyProxyCanister.NAME, new ChainKeyProxyCanister()),
        Map.of(SubnetExecution.COUNTER, KeyValueCanister.NAME, SubnetExecution.CHAIN_KEY_PROXY,
            ChainKeyProxyCanister.NAME), Optional.of(keys), QUEUE_LIMIT, rng.fork("workers"),
        slice -> false);
    this.state = subnet.genesisState();
  }

  /** A signing subnet of {@code n} nodes named "keys", keys from {@code seed}. */
  public static ReplicaStateFixture signingSubnet(int n, long seed) {
    return builder().nodes(n).seed(seed).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options of a fixture; every one has a default (4 nodes, seed 1, no presignature stashes). */
  public static final class Builder {
    private String name = "keys";
    private int n = 4;
    private long seed = 1;
    private int ecdsaStash;
    private int schnorrStash;
    private RefillPolicy refill = RefillPolicy.DEFAULT;

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder nodes(int n) {
      this.n = n;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Presignature stash sizes per ECDSA curve and Schnorr algorithm, kept by {@code refill}. */
    public Builder presignatures(int ecdsaStash, int schnorrStash, RefillPolicy refill) {
      this.ecdsaStash = ecdsaStash;
      this.schnorrStash = schnorrStash;
      this.refill = refill;
      return this;
    }

    public ReplicaStateFixture build() {
      return new ReplicaStateFixture(this);
    }
  }

  public String name() {
    return name;
  }

  public ChainKeyGenesis keys() {
    return keys;
  }

  public List<NodeId> committee() {
    return committee;
  }

  public SubnetExecution subnet() {
    return subnet;
  }

  /** The replicated state the fixture's blocks were executed on. */
  public ReplicatedState state() {
    return state;
  }

  /** A fresh genesis state of the same subnet, untouched by the fixture's blocks. */
  public ReplicatedState genesisState() {
    return subnet.genesisState();
  }

  /** The seeded randomness of {@code purpose}, a fork of the fixture's seed. */
  public SeededRandom rng(String purpose) {
    return rng.fork(purpose);
  }

  /** The proxy canister's id: the caller the management canister sees. */
  public CanisterId proxy() {
    return subnet.canister(SubnetExecution.CHAIN_KEY_PROXY);
  }

  /** A vetkd_derive_key request for {@code input}, with a seeded transport key. */
  public ManagementRequest.VetKdDeriveKey vetKdRequest(byte[] input) {
    byte[] tpk = TransportSecretKey.random(rng.fork("transport")).publicKey().toBytes();
    return new ManagementRequest.VetKdDeriveKey(input, new byte[0], tpk,
        SubnetChainKeys.VETKD_KEY_NAME);
  }

  /** Executes one block without payload (time passes, the subnet refills its stashes). */
  public void executeEmptyBlock() {
    height++;
    subnet.executor().execute(state, height, height * S, new byte[32], List.of());
  }

  /**
   * Executes one block in which the proxy canister calls the management canister with each of
   * {@code requests}; returns the chain-key requests that became pending.
   */
  public List<ChainKeyRequest> executeCalls(ManagementRequest... requests) {
    List<Long> before = List.copyOf(state.chainKeyRequests().keySet());
    List<byte[]> items = new ArrayList<>();
    for (ManagementRequest r : requests) {
      items.add(LoadClient.fromSeed(0).sign(new PayloadItem.Workload(sequence++, 0,
          SubnetExecution.CHAIN_KEY_PROXY, "call",
          ChainKeyProxyCanister.callArg(r.method(), r.encode()))).encode());
    }
    height++;
    subnet.executor().execute(state, height, height * S, new byte[32], items);
    return state.chainKeyRequests().values().stream()
        .filter(r -> !before.contains(r.id())).toList();
  }

  /** Node {@code i}'s chain-key worker, with its own key shares only. */
  public ChainKeyWorker worker(int i) {
    return new ChainKeyWorker(i, committee.size(), keys.shares().get(i),
        subnet.management().schemes(), subnet.verifier(), rng.fork("worker/" + i),
        new dev.subnetsim.replica.cpu.CpuWork());
  }

  /** The threshold of the management method {@code method}'s scheme. */
  public int threshold(String method) {
    return subnet.management().schemes().get(method).threshold();
  }
}
