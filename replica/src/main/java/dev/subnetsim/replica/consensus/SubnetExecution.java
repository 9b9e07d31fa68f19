package dev.subnetsim.replica.consensus;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.block.BlockExecutor;
import dev.subnetsim.replica.canisters.ChainKeyProxyCanister;
import dev.subnetsim.replica.canisters.EncryptedNotesCanister;
import dev.subnetsim.replica.canisters.IdentityCanister;
import dev.subnetsim.replica.canisters.KeyValueCanister;
import dev.subnetsim.replica.canisters.MdlEcdhCanister;
import dev.subnetsim.replica.canisters.SecretStoreCanister;
import dev.subnetsim.replica.canisters.WalletCanister;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.ManagementCanister;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.ShareVerifier;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.chainkey.reshare.InstalledChainKeys;
import dev.subnetsim.replica.chainkey.reshare.InstalledComplaints;
import dev.subnetsim.replica.chainkey.reshare.NodeEncryptionKey;
import dev.subnetsim.replica.chainkey.reshare.ReshareContext;
import dev.subnetsim.replica.chainkey.reshare.ReshareLedger;
import dev.subnetsim.replica.chainkey.reshare.ReshareReceiver;
import dev.subnetsim.replica.chainkey.schemes.ChainKeyScheme;
import dev.subnetsim.replica.chainkey.schemes.ChainKeySchemes;
import dev.subnetsim.replica.execution.CanisterCall;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterProgram;
import dev.subnetsim.replica.execution.CanisterState;
import dev.subnetsim.replica.execution.CostModel;
import dev.subnetsim.replica.execution.ExecutionEnvironment;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.state.CertificationCheck;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.state.SubnetRegistry;
import dev.subnetsim.replica.wire.SharedDecodes;
import dev.subnetsim.replica.xnet.RoutingTable;
import dev.subnetsim.replica.xnet.XNetSlice;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What every replica of one subnet shares for execution: the canister programs, the canisters
 * installed at genesis, the subnet's chain keys (public side; each replica gets only its own
 * shares, and on a reshare target decrypts them itself), the management canister with its
 * chain-key schemes and queue limit, and the share verification cache.
 */
public final class SubnetExecution {
  /**
   * Numbers (within the subnet's canister range) of the load canister (counter) and the chain-key
   * proxy canister installed at genesis; load messages address canisters by these numbers.
   */
  public static final long COUNTER = 0;
  public static final long CHAIN_KEY_PROXY = 1;
  /** Numbers of the example canisters (the seed stories), installed at genesis on every subnet. */
  public static final long ENCRYPTED_NOTES = 2;
  public static final long SECRET_STORE = 3;
  public static final long WALLET = 4;
  public static final long MDL_ECDH = 5;
  public static final long IDENTITY = 6;
  private static final long GENESIS_CYCLES = 1_000_000_000_000_000L;

  private final String subnet;
  private final RoutingTable routing;
  private final Predicate<XNetSlice> sliceVerifier;
  private Map<String, List<dev.subnetsim.consensus.types.NodeId>> members = Map.of();
  private SubnetRegistry registry;
  private CertificationCheck certificationCheck =
      CertificationCheck.none();
  /** Rebuilt when {@link #installAtGenesis} adds a program (only before replicas exist). */
  private ExecutionEnvironment environment;
  private final Map<String, CanisterProgram> programs;
  private final Map<Long, String> genesisCanisters;
  private final Map<Long, byte[]> genesisArgs = new TreeMap<>();
  private final Optional<ChainKeyGenesis> chainKeys;
  private ManagementCanister management;
  private final int queueLimit;
  private ReshareLedger reshares;
  private InstalledChainKeys installed;
  /** Schemes of the installed keys, made once per installation. */
  private InstalledChainKeys.Held installedFor;
  private ManagementCanister.Held installedHeld;
  private final ShareVerifier verifier = ShareVerifier.create();
  private final SharedDecodes decodes =
      new SharedDecodes();
  private final SeededRandom workerRoot;
  /** Whose signature load must carry (worlds built without a run seed: the client of seed 0). */
  private LoadClient.Verifier load = LoadClient.fromSeed(0).verifier();

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
    this.programs = new TreeMap<>(programs);
    this.environment = new ExecutionEnvironment(programs, CostModel.icApplicationSubnet());
    this.genesisCanisters = new TreeMap<>(genesisCanisters);
    this.chainKeys = chainKeys;
    this.queueLimit = queueLimit;
    Map<String, ChainKeyScheme> schemes = chainKeys
        .map(k -> ChainKeySchemes.forKeys(k.publicKeys())).orElse(Map.of());
    this.management = new ManagementCanister(chainKeys.map(ChainKeyGenesis::publicKeys).orElse(null),
        schemes, queueLimit);
    this.reshares = new ReshareLedger(subnet, ReshareContext.none());
    this.registry = SubnetRegistry.none(subnet);
  }

  /**
   * Takes part in the world's scheduled key reshares: as a source, its execution collects the
   * dealings; as a target, its keys are those installed by a reshare (none until then; presignature
   * stashes of the given sizes, kept by {@code refill}). Call before creating replicas.
   */
  public SubnetExecution withReshares(ReshareContext context, int ecdsaStash, int schnorrStash,
      dev.subnetsim.replica.chainkey.presig.RefillPolicy refill) {
    this.reshares = new ReshareLedger(subnet, context);
    boolean generates = context.keyGeneration(subnet).isPresent();
    if (generates && context.schedule().targets(subnet)) {
      throw new IllegalArgumentException(subnet + " generates chain keys and cannot be a "
          + "reshare target");
    }
    if (context.schedule().targets(subnet) || generates) {
      if (chainKeys.isPresent()) {
        throw new IllegalArgumentException(subnet + " holds genesis chain keys and cannot "
            + (generates ? "generate others" : "be a reshare target"));
      }
      this.installed = new InstalledChainKeys(subnet, context, ecdsaStash, schnorrStash, refill);
      this.reshares = new ReshareLedger(subnet, context, new InstalledComplaints(installed));
      this.management = new ManagementCanister(new ManagementCanister.KeySource() {
        public Optional<ManagementCanister.Held> held(ReplicatedState state) {
          return installedHeld(state);
        }

        public boolean awaitsKeys() {
          return true;
        }
      }, queueLimit);
    }
    return this;
  }

  private synchronized Optional<ManagementCanister.Held> installedHeld(ReplicatedState state) {
    Optional<InstalledChainKeys.Held> h = installed.held(state);
    if (h.isEmpty()) {
      return Optional.empty();
    }
    if (installedFor != h.get()) {
      installedFor = h.get();
      installedHeld = new ManagementCanister.Held(h.get().publicKeys(),
          ChainKeySchemes.forKeys(h.get().publicKeys()));
    }
    return Optional.of(installedHeld);
  }

  /**
   * Node {@code key.index()}'s receiver of reshared keys, holding that node's secret encryption
   * key alone (empty off a reshare target).
   */
  public Optional<ReshareReceiver> reshareReceiver(NodeEncryptionKey key, String label) {
    return installed == null ? Optional.empty()
        : Optional.of(new ReshareReceiver(key, installed, workerRoot.fork(label)));
  }

  /**
   * The public side of the keys installed by a reshare, or generated through this subnet's
   * consensus, once any replica has executed them (for checkers).
   */
  public Optional<InstalledChainKeys.Held> installedKeys() {
    return installed == null ? Optional.empty() : installed.latest();
  }

  /** The installation {@link #installedKeys()} was derived from, if any. */
  public Optional<InstalledChainKeys.Install> installedDealings() {
    return installed == null ? Optional.empty() : installed.latestInstall();
  }

  /**
   * Derives the keys of {@code install} as if a replica of this JVM had executed it (see
   * {@link InstalledChainKeys#adopt}).
   *
   * @throws IllegalArgumentException if this subnet neither receives nor generates keys
   */
  public void adoptInstalled(InstalledChainKeys.Install install) {
    if (installed == null) {
      throw new IllegalArgumentException(subnet + " installs no chain keys");
    }
    installed.adopt(install);
  }

  /**
   * The public keys of this key-holding subnet, as the registry publishes them: the genesis
   * ceremony's, or those its replicas generated, once they exist (empty before, and on a subnet
   * that holds no keys or only reshared ones).
   */
  public Optional<SubnetChainKeys> holderKeys() {
    if (chainKeys.isPresent()) {
      return chainKeys.map(ChainKeyGenesis::publicKeys);
    }
    return reshares.context().keyGeneration(subnet).flatMap(g -> g.generated())
        .map(InstalledChainKeys.Held::publicKeys);
  }

  public ReshareContext reshares() {
    return reshares.context();
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

  /**
   * As above, with the given presignature stash sizes and request queue limit; with {@code
   * options.generateKeys()} the key holder starts without keys and its replicas generate them
   * (call {@link #withReshares} with a context naming its {@code KeyGeneration}).
   */
  public static SubnetExecution defaults(String subnet, int n, RoutingTable routing,
      SeededRandom rng, Predicate<XNetSlice> sliceVerifier, ChainKeyOptions options) {
    Map<String, CanisterProgram> programs = Map.of(KeyValueCanister.NAME, new KeyValueCanister(),
        ChainKeyProxyCanister.NAME, new ChainKeyProxyCanister(),
        EncryptedNotesCanister.NAME, new EncryptedNotesCanister(),
        SecretStoreCanister.NAME, new SecretStoreCanister(), WalletCanister.NAME,
        new WalletCanister(), MdlEcdhCanister.NAME, new MdlEcdhCanister(),
        IdentityCanister.NAME, new IdentityCanister());
    Map<Long, String> canisters = Map.of(COUNTER, KeyValueCanister.NAME, CHAIN_KEY_PROXY,
        ChainKeyProxyCanister.NAME, ENCRYPTED_NOTES, EncryptedNotesCanister.NAME,
        SECRET_STORE, SecretStoreCanister.NAME, WALLET, WalletCanister.NAME,
        MDL_ECDH, MdlEcdhCanister.NAME, IDENTITY, IdentityCanister.NAME);
    boolean withChainKeys = routing.chainKeySubnet().map(subnet::equals).orElse(false)
        && !options.generateKeys();
    return new SubnetExecution(subnet, routing, programs, canisters,
        withChainKeys ? Optional.of(ChainKeyGenesis.generate(subnet, n, options.ecdsaStash(),
            options.schnorrStash(), options.refill(), rng.fork("genesis"))) : Optional.empty(),
        options.queueLimit(), rng.fork("workers"), sliceVerifier);
  }

  public String subnet() {
    return subnet;
  }

  /** Large peer bodies decoded once for every replica of the subnet. */
  public SharedDecodes decodes() {
    return decodes;
  }

  /** The nodes of every subnet of the world (the registry), for sending stream slices. */
  public Map<String, List<dev.subnetsim.consensus.types.NodeId>> members() {
    return members;
  }

  public SubnetExecution withMembers(Map<String, List<dev.subnetsim.consensus.types.NodeId>> m) {
    this.members = Map.copyOf(m);
    return this;
  }

  /** The subnets' ids, keys and ranges, and the root subnet (for certificates). */
  public SubnetRegistry registry() {
    return registry;
  }

  /** Checks any registered subnet's state certification (e.g. the root's delegations). */
  public CertificationCheck certificationCheck() {
    return certificationCheck;
  }

  public SubnetExecution withRegistry(SubnetRegistry registry,
      CertificationCheck check) {
    this.registry = java.util.Objects.requireNonNull(registry, "registry");
    this.certificationCheck = java.util.Objects.requireNonNull(check, "check");
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

  /**
   * Adds canister number {@code local} running {@code program} (known as {@code name}) to the
   * genesis canisters, initialised with {@code initArg}: how a scenario installs Wasm canisters
   * beside the Java ones. Call before creating replicas.
   */
  public SubnetExecution installAtGenesis(long local, String name, CanisterProgram program,
      byte[] initArg) {
    if (local < 0 || local >= RoutingTable.RANGE || genesisCanisters.containsKey(local)) {
      throw new IllegalArgumentException("canister number " + local + " is taken or out of range");
    }
    programs.putIfAbsent(name, program);
    genesisCanisters.put(local, name);
    genesisArgs.put(local, initArg.clone());
    environment = new ExecutionEnvironment(programs, CostModel.icApplicationSubnet());
    return this;
  }

  /** The state before the first block: genesis canisters installed and initialized. */
  public ReplicatedState genesisState() {
    ReplicatedState state = new ReplicatedState();
    genesisCanisters.forEach((local, program) -> {
      CanisterId id = canister(local);
      CanisterState c = new CanisterState(id, program, GENESIS_CYCLES);
      environment.execute(c, new CanisterCall(CanisterCall.Kind.INIT, id, new byte[0], "",
          genesisArgs.getOrDefault(local, new byte[0]), new byte[0]), 0, new byte[32]);
      state.install(c);
    });
    return state;
  }

  public BlockExecutor executor() {
    return new BlockExecutor(environment, management, verifier, subnet, routing, sliceVerifier,
        reshares, load, () -> registry.rootKeyDer(),
        members.getOrDefault(subnet, List.of()).size());
  }

  /** Load is admitted and executed only with a valid signature of {@code client}. */
  public SubnetExecution withLoad(LoadClient.Verifier client) {
    this.load = client;
    return this;
  }

  public LoadClient.Verifier load() {
    return load;
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

  /** Node {@code index}'s own shares of the genesis chain keys, if the subnet holds them. */
  public Optional<NodeChainKeyShares> sharesOf(int index) {
    return chainKeys.map(k -> k.shares().get(index));
  }

  public List<CanisterId> genesisCanisterIds() {
    return genesisCanisters.keySet().stream().map(this::canister).toList();
  }
}
