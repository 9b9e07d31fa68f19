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

/**
 * What every replica of one subnet shares for execution: the canister programs, the canisters
 * installed at genesis, the subnet's chain keys (public side; each replica gets only its own
 * shares), the management canister with its chain-key schemes and queue limit, and the share
 * verification cache.
 */
public final class SubnetExecution {
  /** The load canister (counter) and the chain-key proxy canister installed at genesis. */
  public static final CanisterId COUNTER = BlockExecutor.LOAD_CANISTER;
  public static final CanisterId CHAIN_KEY_PROXY = new CanisterId(1);
  public static final int DEFAULT_QUEUE_LIMIT = 64;
  private static final long GENESIS_CYCLES = 1_000_000_000_000_000L;

  private final ExecutionEnvironment environment;
  private final Map<CanisterId, String> genesisCanisters;
  private final Optional<ChainKeyGenesis> chainKeys;
  private final ManagementCanister management;
  private final ShareVerifier verifier = ShareVerifier.create();
  private final SeededRandom workerRoot;

  public SubnetExecution(Map<String, CanisterProgram> programs, Map<CanisterId, String> genesisCanisters,
      Optional<ChainKeyGenesis> chainKeys, int queueLimit, SeededRandom workerRoot) {
    this.workerRoot = workerRoot;
    this.environment = new ExecutionEnvironment(programs, CostModel.icApplicationSubnet());
    this.genesisCanisters = new TreeMap<>(genesisCanisters);
    this.chainKeys = chainKeys;
    Map<String, ChainKeyScheme> schemes = new LinkedHashMap<>();
    chainKeys.ifPresent(k -> {
      schemes.put("vetkd_derive_key", new VetKdScheme(k.publicKeys().vetKdKey()));
      schemes.put("ecdh_derive", new EcdhScheme(k.publicKeys().ecdhKeys()));
      schemes.put("document_key_shadows", new DocumentKeyScheme(k.publicKeys().documentServerKey()));
    });
    this.management = new ManagementCanister(chainKeys.map(ChainKeyGenesis::publicKeys).orElse(null),
        schemes, queueLimit);
  }

  /**
   * The default subnet: the counter and the chain-key proxy canister; chain keys from a genesis
   * ceremony among its {@code n} nodes when {@code withChainKeys}.
   */
  public static SubnetExecution defaults(String subnet, int n, boolean withChainKeys, SeededRandom rng) {
    Map<String, CanisterProgram> programs = Map.of(KeyValueCanister.NAME, new KeyValueCanister(),
        ChainKeyProxyCanister.NAME, new ChainKeyProxyCanister());
    Map<CanisterId, String> canisters = Map.of(COUNTER, KeyValueCanister.NAME, CHAIN_KEY_PROXY,
        ChainKeyProxyCanister.NAME);
    return new SubnetExecution(programs, canisters,
        withChainKeys ? Optional.of(ChainKeyGenesis.generate(subnet, n, rng.fork("genesis")))
            : Optional.empty(),
        DEFAULT_QUEUE_LIMIT, rng.fork("workers"));
  }

  /** The state before the first block: genesis canisters installed and initialized. */
  public ReplicatedState genesisState() {
    ReplicatedState state = new ReplicatedState();
    genesisCanisters.forEach((id, program) -> {
      CanisterState c = new CanisterState(id, program, GENESIS_CYCLES);
      environment.execute(c, new CanisterCall(CanisterCall.Kind.INIT, id, new byte[0], "",
          new byte[0], new byte[0]), 0, new byte[32]);
      state.install(c);
    });
    return state;
  }

  public BlockExecutor executor() {
    return new BlockExecutor(environment, management, verifier);
  }

  /** A replica's own randomness for its chain-key shares (label: node and incarnation). */
  public SeededRandom workerRandom(String label) {
    return workerRoot.fork(label);
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
    return List.copyOf(genesisCanisters.keySet());
  }
}
