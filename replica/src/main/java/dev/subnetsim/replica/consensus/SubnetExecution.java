package dev.subnetsim.replica.consensus;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.canisters.ChainKeyProxyCanister;
import dev.subnetsim.replica.canisters.KeyValueCanister;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.ShareVerifier;
import dev.subnetsim.replica.chainkey.schemes.ChainKeyScheme;
import dev.subnetsim.replica.chainkey.schemes.DocumentKeyScheme;
import dev.subnetsim.replica.chainkey.schemes.EcdhScheme;
import dev.subnetsim.replica.chainkey.schemes.EcdsaScheme;
import dev.subnetsim.replica.chainkey.schemes.SchnorrScheme;
import dev.subnetsim.replica.chainkey.schemes.VetKdScheme;
import dev.subnetsim.replica.execution.BlockExecutor;
import dev.subnetsim.replica.execution.CanisterCall;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterProgram;
import dev.subnetsim.replica.execution.CanisterState;
import dev.subnetsim.replica.execution.CostModel;
import dev.subnetsim.replica.execution.ExecutionEnvironment;
import dev.subnetsim.replica.management.ManagementCanister;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import dev.subnetsim.replica.xnet.RoutingTable;
import dev.subnetsim.replica.xnet.XNetSlice;

/**
 * What every replica of one subnet shares for execution: the canister programs, the canisters
 * installed at genesis, the subnet's chain keys (public side; each replica gets only its own
 * shares), the management canister with its chain-key schemes and queue limit, and the share
 * verification cache.
 */
public final class SubnetExecution {
  /**
   * Numbers (within the subnet's canister range) of the load canister (counter) and the chain-key
   * proxy canister installed at genesis; load messages address canisters by these numbers.
   */
  public static final long COUNTER = 0;
  public static final long CHAIN_KEY_PROXY = 1;
  private static final long GENESIS_CYCLES = 1_000_000_000_000_000L;

  private final String subnet;
  private final RoutingTable routing;
  private final Predicate<XNetSlice> sliceVerifier;
  private Map<String, List<dev.subnetsim.consensus.types.NodeId>> members = Map.of();
  private final ExecutionEnvironment environment;
  private final Map<Long, String> genesisCanisters;
  private final Optional<ChainKeyGenesis> chainKeys;
  private final ManagementCanister management;
  private final ShareVerifier verifier = ShareVerifier.create();
  private final SeededRandom workerRoot;

  /**
   * @param genesisCanisters programs of the canisters installed at genesis, by number in the
   *     subnet's canister range
   * @param sliceVerifier checks other subnets' certified stream slices
   */
  public SubnetExecution(String subnet, RoutingTable routing, Map<String, CanisterProgram> programs,
      Map<Long, String> genesisCanisters, Optional<ChainKeyGenesis> chainKeys, int queueLimit,
      SeededRandom workerRoot, Predicate<XNetSlice> sliceVerifier) {
    this.subnet = subnet;
    this.routing = routing;
    this.sliceVerifier = sliceVerifier;
    this.workerRoot = workerRoot;
    this.environment = new ExecutionEnvironment(programs, CostModel.icApplicationSubnet());
    this.genesisCanisters = new TreeMap<>(genesisCanisters);
    this.chainKeys = chainKeys;
    Map<String, ChainKeyScheme> schemes = new LinkedHashMap<>();
    chainKeys.ifPresent(k -> {
      schemes.put("vetkd_derive_key", new VetKdScheme(k.publicKeys().vetKdKey()));
      schemes.put("ecdh_derive", new EcdhScheme(k.publicKeys().ecdhKeys()));
      schemes.put("document_key_shadows", new DocumentKeyScheme(k.publicKeys().documentServerKey()));
      schemes.put("sign_with_ecdsa", new EcdsaScheme(k.publicKeys().signing()));
      schemes.put("sign_with_schnorr", new SchnorrScheme(k.publicKeys().signing()));
    });
    this.management = new ManagementCanister(chainKeys.map(ChainKeyGenesis::publicKeys).orElse(null),
        schemes, queueLimit);
  }

  /**
   * The default subnet: the counter and the chain-key proxy canister; chain keys from a genesis
   * ceremony among its {@code n} nodes when {@code withChainKeys}.
   */
  public static SubnetExecution defaults(String subnet, int n, boolean withChainKeys, SeededRandom rng) {
    return defaults(subnet, n, RoutingTable.single(subnet, withChainKeys), rng, slice -> false);
  }

  /** As above, in a world of several subnets; chain keys if {@code routing} says this subnet. */
  public static SubnetExecution defaults(String subnet, int n, RoutingTable routing,
      SeededRandom rng, Predicate<XNetSlice> sliceVerifier) {
    return defaults(subnet, n, routing, rng, sliceVerifier, ChainKeyOptions.DEFAULT);
  }

  /** As above, with the given presignature stash sizes and request queue limit. */
  public static SubnetExecution defaults(String subnet, int n, RoutingTable routing,
      SeededRandom rng, Predicate<XNetSlice> sliceVerifier, ChainKeyOptions options) {
    Map<String, CanisterProgram> programs = Map.of(KeyValueCanister.NAME, new KeyValueCanister(),
        ChainKeyProxyCanister.NAME, new ChainKeyProxyCanister());
    Map<Long, String> canisters = Map.of(COUNTER, KeyValueCanister.NAME, CHAIN_KEY_PROXY,
        ChainKeyProxyCanister.NAME);
    boolean withChainKeys = routing.chainKeySubnet().map(subnet::equals).orElse(false);
    return new SubnetExecution(subnet, routing, programs, canisters,
        withChainKeys ? Optional.of(ChainKeyGenesis.generate(subnet, n, options.ecdsaStash(),
            options.schnorrStash(), rng.fork("genesis"))) : Optional.empty(),
        options.queueLimit(), rng.fork("workers"), sliceVerifier);
  }

  public String subnet() {
    return subnet;
  }

  /** The nodes of every subnet of the world (the registry), for sending stream slices. */
  public Map<String, List<dev.subnetsim.consensus.types.NodeId>> members() {
    return members;
  }

  public SubnetExecution withMembers(Map<String, List<dev.subnetsim.consensus.types.NodeId>> m) {
    this.members = Map.copyOf(m);
    return this;
  }

  public RoutingTable routing() {
    return routing;
  }

  public Predicate<XNetSlice> sliceVerifier() {
    return sliceVerifier;
  }

  /** The global id of this subnet's canister number {@code local}. */
  public CanisterId canister(long local) {
    return new CanisterId(routing.base(subnet) + local);
  }

  public CanisterId proxy() {
    return canister(CHAIN_KEY_PROXY);
  }

  /** The state before the first block: genesis canisters installed and initialized. */
  public ReplicatedState genesisState() {
    ReplicatedState state = new ReplicatedState();
    genesisCanisters.forEach((local, program) -> {
      CanisterId id = canister(local);
      CanisterState c = new CanisterState(id, program, GENESIS_CYCLES);
      environment.execute(c, new CanisterCall(CanisterCall.Kind.INIT, id, new byte[0], "",
          new byte[0], new byte[0]), 0, new byte[32]);
      state.install(c);
    });
    return state;
  }

  public BlockExecutor executor() {
    return new BlockExecutor(environment, management, verifier, subnet, routing, sliceVerifier);
  }

  /** A replica's own randomness for its chain-key shares (label: node and incarnation). */
  public SeededRandom workerRandom(String label) {
    return workerRoot.fork(label);
  }

  /** Runs a query on a canister of {@code state} (its changes are discarded). */
  public dev.subnetsim.replica.execution.ExecutionResult query(ReplicatedState state,
      CanisterId canister, byte[] caller, String method, byte[] arg) {
    return environment.execute(state.canisters().get(canister),
        dev.subnetsim.replica.execution.CanisterCall.query(canister, caller, method, arg),
        state.timeNanos(), new byte[32]);
  }

  public ManagementCanister management() {
    return management;
  }

  public ShareVerifier verifier() {
    return verifier;
  }

  public Optional<ChainKeyGenesis> chainKeys() {
    return chainKeys;
  }

  /** Node {@code index}'s own shares, if the subnet holds chain keys. */
  public Optional<NodeChainKeyShares> sharesOf(int index) {
    return chainKeys.map(k -> k.shares().get(index));
  }

  public List<CanisterId> genesisCanisterIds() {
    return genesisCanisters.keySet().stream().map(this::canister).toList();
  }
}
