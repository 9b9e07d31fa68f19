package dev.subnetsim.replica.node;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.byzantine.AdversaryPlan;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.crypto.GenesisKeys;
import dev.subnetsim.consensus.crypto.VerificationCache;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.ReplicaLogicFactory;
import dev.subnetsim.replica.byzantine.ArbitraryReplicaLogic;
import dev.subnetsim.replica.byzantine.ArbitrarySettings;
import dev.subnetsim.replica.byzantine.BadPayloadItems;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.reshare.KeyGeneration;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.reshare.NodeEncryptionKey;
import dev.subnetsim.replica.chainkey.reshare.NodeEncryptionKeys;
import dev.subnetsim.replica.chainkey.reshare.ReshareContext;
import dev.subnetsim.replica.chainkey.reshare.ReshareSchedule;
import dev.subnetsim.replica.consensus.ChainKeyOptions;
import dev.subnetsim.replica.consensus.DurableStore;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.cpu.CpuModel;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.state.CertificationCheck;
import dev.subnetsim.replica.state.CertifiedStateTree;
import dev.subnetsim.replica.state.SubnetRegistry;
import dev.subnetsim.replica.xnet.RoutingTable;
import dev.subnetsim.replica.xnet.XNetSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Creates consensus replicas for every subnet of a world: genesis keys per subnet (by DKG, from the
 * run seed), one shared {@link ConsensusCrypto} per subnet (with the run's verification cache),
 * each node's Byzantine behaviours, and each node's {@link DurableStore}, which survives crashes.
 */
public final class ConsensusReplicaFactory implements ReplicaLogicFactory {
  private final Map<NodeId, ConsensusConfig> configOf = new TreeMap<>();
  private final Map<SubnetId, GenesisKeys> keys = new TreeMap<>();
  private final Map<SubnetId, ConsensusCrypto> crypto = new TreeMap<>();
  private final Map<NodeId, DurableStore> stores = new TreeMap<>();
  /** Each reshare target node's own secret encryption keys, handed to its replicas only. */
  private final Map<NodeId, NodeEncryptionKey> encryptionKeys = new TreeMap<>();
  private final Map<NodeId, DurableStore> twinStores = new TreeMap<>();
  private final Map<SubnetId, SubnetExecution> execution = new TreeMap<>();
  private final Map<NodeId, Set<ByzantineBehaviour>> byzantine;
  private final Map<NodeId, ArbitrarySettings> adversaries = new TreeMap<>();
  private CpuModel cpu = CpuModel.NONE;
  private final long seed;
  private final Map<SubnetId, List<NodeId>> nodesOf = new TreeMap<>();
  /** Each node's signing key; only in worlds served to clients ({@link #servedToClients}). */
  private final Map<NodeId, NodeSigningKey> signingKeys = new TreeMap<>();
  private SubnetId root;
  /**
   * Each node's latest replica (its first twin for twins), for observers; written on the
   * replicas' threads as they are created, read by checkers between driver steps.
   */
  private final Map<NodeId, ConsensusReplicaLogic> latest = new TreeMap<>();

  public ConsensusReplicaFactory(long seed, Map<SubnetId, List<NodeId>> subnets,
      Function<SubnetId, ConsensusConfig> configs, Map<NodeId, Set<ByzantineBehaviour>> byzantine,
      VerificationCache cache) {
    this(seed, subnets, configs, byzantine, cache, s -> false);
  }

  /**
   * As above; subnets for which {@code holdsChainKeys} is true get chain keys (vetKD, ECDH,
   * document keys) from a genesis ceremony and serve the management canister's chain-key methods.
   */
  public ConsensusReplicaFactory(long seed, Map<SubnetId, List<NodeId>> subnets,
      Function<SubnetId, ConsensusConfig> configs, Map<NodeId, Set<ByzantineBehaviour>> byzantine,
      VerificationCache cache, java.util.function.Predicate<SubnetId> holdsChainKeys) {
    this(seed, subnets, configs, byzantine, cache, holdsChainKeys, ChainKeyOptions.DEFAULT);
  }

  /** As above, with the key-holding subnet's presignature stashes and queue limit. */
  public ConsensusReplicaFactory(long seed, Map<SubnetId, List<NodeId>> subnets,
      Function<SubnetId, ConsensusConfig> configs, Map<NodeId, Set<ByzantineBehaviour>> byzantine,
      VerificationCache cache, java.util.function.Predicate<SubnetId> holdsChainKeys,
      ChainKeyOptions chainKeyOptions) {
    this(seed, subnets, configs, byzantine, cache, holdsChainKeys, chainKeyOptions,
        ConsensusCrypto.Mode.REAL);
  }

  /**
   * As above, with consensus signatures in {@code cryptoMode} ({@link ConsensusCrypto.Mode#CHEAP}
   * is an insecure stand-in for experiments beyond what real BLS allows; chain keys stay real).
   */
  public ConsensusReplicaFactory(long seed, Map<SubnetId, List<NodeId>> subnets,
      Function<SubnetId, ConsensusConfig> configs, Map<NodeId, Set<ByzantineBehaviour>> byzantine,
      VerificationCache cache, java.util.function.Predicate<SubnetId> holdsChainKeys,
      ChainKeyOptions chainKeyOptions, ConsensusCrypto.Mode cryptoMode) {
    this.byzantine = new TreeMap<>(byzantine);
    this.seed = seed;
    subnets.forEach((s, m) -> nodesOf.put(s, List.copyOf(m)));
    SeededRandom root = SeededRandom.fromSeed(seed).fork("genesis-keys");
    SeededRandom chainKeyRoot = SeededRandom.fromSeed(seed).fork("chain-keys");
    // The world's load generator signs with the same key (LoadClient.fromSeed of the run seed).
    LoadClient.Verifier load = LoadClient.fromSeed(seed).verifier();
    List<String> names = new TreeMap<>(subnets).keySet().stream().map(SubnetId::name).toList();
    Optional<String> keyHolder = new TreeMap<>(subnets).keySet().stream()
        .filter(holdsChainKeys).map(SubnetId::name).findFirst();
    ReshareSchedule schedule = chainKeyOptions.reshares();
    List<RoutingTable.Handover> handovers = new ArrayList<>();
    for (ReshareSchedule.Reshare r : schedule.reshares()) {
      handovers.add(new RoutingTable.Handover(r.index() == 0 ? 0 : r.atNanos(), r.target()));
    }
    RoutingTable routing = new RoutingTable(names, keyHolder, handovers);
    Map<String, List<NodeId>> members = new TreeMap<>();
    subnets.forEach((s, m) -> members.put(s.name(), List.copyOf(m)));
    Predicate<XNetSlice> sliceVerifier = slice -> {
      ConsensusCrypto source = crypto.get(new SubnetId(slice.source()));
      return source != null && source.verifyCertification(
          SignedMessages.certificationMessage(slice.tree().digest()), slice.signature());
    };
    for (var e : new TreeMap<>(subnets).entrySet()) {
      ConsensusConfig config = configs.apply(e.getKey());
      // A reshare source is a backup that never signs: no presignatures at genesis.
      ChainKeyOptions genesisOptions = (schedule.reshares().isEmpty() ? chainKeyOptions
          : new ChainKeyOptions(0, 0, chainKeyOptions.queueLimit()))
          .withKeyGeneration(chainKeyOptions.generateKeys());
      execution.put(e.getKey(), SubnetExecution.defaults(e.getKey().name(), e.getValue().size(),
          routing, chainKeyRoot.fork(e.getKey().name()), sliceVerifier, genesisOptions)
          .withMembers(members).withLoad(load));
      GenesisKeys k = GenesisKeys.generate(e.getKey().name(), e.getValue().size(),
          root.fork(e.getKey().name()));
      keys.put(e.getKey(), k);
      crypto.put(e.getKey(), new ConsensusCrypto(k.publicKeys(), cache, cryptoMode));
      for (NodeId n : e.getValue()) {
        configOf.put(n, config);
        stores.put(n, new DurableStore());
        if (this.byzantine.getOrDefault(n, Set.of()).contains(ByzantineBehaviour.TWINS)) {
          // Made here, not in create(): replicas are created concurrently on the driver's threads.
          twinStores.put(n, new DurableStore());
        }
      }
    }
    withRootSubnet(new TreeMap<>(subnets).firstKey());
    boolean generates = chainKeyOptions.generateKeys() && keyHolder.isPresent();
    if (!schedule.reshares().isEmpty() || generates) {
      Map<String, ChainKeyGenesis> sources = new TreeMap<>();
      Map<String, KeyGeneration> generations = new TreeMap<>();
      Map<String, NodeEncryptionKeys> targets = new TreeMap<>();
      SeededRandom encryption = SeededRandom.fromSeed(seed).fork("node-encryption-keys");
      if (generates) {
        String holder = keyHolder.get();
        List<NodeEncryptionKey> generated =
            encryptionKeys(subnets.get(new SubnetId(holder)), encryption.fork(holder));
        generations.put(holder, new KeyGeneration(holder, new NodeEncryptionKeys(generated)));
      }
      Map<String, List<NodeEncryptionKey>> own = new TreeMap<>();
      for (ReshareSchedule.Reshare r : schedule.reshares()) {
        SubnetExecution source = execution.get(new SubnetId(r.source()));
        if (source == null
            || (source.chainKeys().isEmpty() && !generations.containsKey(r.source()))) {
          throw new IllegalArgumentException("reshare " + r.index() + ": subnet " + r.source()
              + " holds no chain keys to reshare");
        }
        source.chainKeys().ifPresent(k -> sources.put(r.source(), k));
        List<NodeId> targetNodes = subnets.get(new SubnetId(r.target()));
        if (targetNodes == null) {
          throw new IllegalArgumentException("reshare " + r.index() + ": no subnet " + r.target());
        }
        List<NodeEncryptionKey> generated = own.computeIfAbsent(r.target(),
            t -> encryptionKeys(targetNodes, encryption.fork(t)));
        targets.computeIfAbsent(r.target(), t -> new NodeEncryptionKeys(generated));
      }
      ReshareContext context = new ReshareContext(schedule, sources, generations, targets);
      // A generating holder that reshares is a backup that never signs: no stash to refill.
      execution.forEach((s, x) -> {
        boolean backup = generations.containsKey(s.name()) && !schedule.reshares().isEmpty();
        x.withReshares(context, backup ? 0 : chainKeyOptions.ecdsaStash(),
            backup ? 0 : chainKeyOptions.schnorrStash(), chainKeyOptions.refill());
      });
    }
  }

  /**
   * Each of {@code nodes} generates its encryption keys; each node's secret keys go to its own
   * replicas only (the registry gets the public halves).
   */
  private List<NodeEncryptionKey> encryptionKeys(List<NodeId> nodes, SeededRandom rng) {
    List<NodeEncryptionKey> generated = NodeEncryptionKeys.generate(nodes.size(), rng);
    for (int i = 0; i < nodes.size(); i++) {
      encryptionKeys.put(nodes.get(i), generated.get(i));
    }
    return generated;
  }

  /**
   * Makes {@code root} the world's root subnet: its key is the one clients trust, and it signs the
   * other subnets' certificate delegations (default: the first subnet by name). Call before
   * creating replicas.
   */
  public ConsensusReplicaFactory withRootSubnet(SubnetId root) {
    if (!keys.containsKey(root)) {
      throw new IllegalArgumentException("no subnet " + root);
    }
    this.root = root;
    Map<String, CertifiedStateTree.SubnetEntry> entries =
        new TreeMap<>();
    keys.forEach((s, k) -> {
      CertifiedStateTree.SubnetEntry e = SubnetRegistry.entry(
          k.publicKeys().certificationKey().publicKey().toBytes(),
          execution.get(s).routing().base(s.name()), RoutingTable.RANGE);
      List<CertifiedStateTree.NodeKey> nodes = nodesOf.get(s).stream()
          .filter(signingKeys::containsKey).map(n -> signingKeys.get(n).registryEntry()).toList();
      entries.put(s.name(), new CertifiedStateTree.SubnetEntry(e.id(), e.publicKey96(),
          e.ranges(), nodes));
    });
    var registry = new SubnetRegistry(root.name(), entries, !signingKeys.isEmpty());
    CertificationCheck check = (subnet, stateRoot, signature) -> {
      ConsensusCrypto c = crypto.get(new SubnetId(subnet));
      return c != null && c.verifyCertification(SignedMessages.certificationMessage(stateRoot),
          signature);
    };
    execution.values().forEach(x -> x.withRegistry(registry, check));
    return this;
  }

  /**
   * Makes the world one served to IC clients: every node gets an Ed25519 signing key (from the
   * run seed, on a stream of its own, so nothing else drawn from the seed moves), published in the
   * registry, and the certified trees publish the canisters' module_hash and controllers (see
   * {@link SubnetRegistry}). Call before creating replicas.
   */
  public ConsensusReplicaFactory servedToClients() {
    SeededRandom random = SeededRandom.fromSeed(seed).fork("node-signing-keys");
    nodesOf.values().forEach(nodes -> nodes.forEach(n -> signingKeys.put(n,
        NodeSigningKey.generate(random.fork(n.toString())))));
    return withRootSubnet(root);
  }

  /** {@code node}'s signing key, in a world served to clients. */
  public Optional<NodeSigningKey> signingKey(NodeId node) {
    return Optional.ofNullable(signingKeys.get(node));
  }

  /** Default IC-like configs for every subnet, honest nodes, a shared verification cache. */
  public static ConsensusReplicaFactory honest(long seed, Map<SubnetId, List<NodeId>> subnets) {
    return new ConsensusReplicaFactory(seed, subnets,
        s -> ConsensusConfig.defaults(s, subnets.get(s)), Map.of(), VerificationCache.shared());
  }

  /**
   * Settings of the {@code arbitrary} nodes (those with {@link ByzantineBehaviour#ARBITRARY});
   * one missing here lies by {@link ArbitrarySettings#DEFAULT}. Call before creating replicas.
   */
  public ConsensusReplicaFactory withAdversaries(Map<NodeId, ArbitrarySettings> settings) {
    adversaries.putAll(settings);
    return this;
  }

  /**
   * Every node's virtual CPU (default {@link CpuModel#NONE}: crypto and execution take no virtual
   * time). Call before creating replicas.
   */
  public ConsensusReplicaFactory withCpu(CpuModel model) {
    this.cpu = java.util.Objects.requireNonNull(model, "model");
    return this;
  }

  /**
   * An {@code arbitrary} node: typed lies in its consensus node and byte-level tampering of
   * everything it sends, each with its own randomness forked from the run's seed.
   */
  private ReplicaLogic arbitrary(NodeId node, int incarnation, ConsensusReplicaLogic logic,
      SubnetExecution subnet) {
    ArbitrarySettings s = adversaries.getOrDefault(node, ArbitrarySettings.DEFAULT);
    String label = node + "/" + incarnation + "/arbitrary";
    logic.withAdversary(new AdversaryPlan(s.probability(), s.kinds(),
        subnet.workerRandom(label + "/consensus"), BadPayloadItems::draw));
    return new ArbitraryReplicaLogic(logic, new AdversaryPlan(s.probability(), s.kinds(),
        subnet.workerRandom(label + "/bytes"), BadPayloadItems::draw));
  }

  @Override
  public ReplicaLogic create(NodeId node, int incarnation) {
    ConsensusConfig config = configOf.get(node);
    if (config == null) {
      throw new IllegalArgumentException(node + " is in no subnet");
    }
    int index = config.indexOf(node);
    Set<ByzantineBehaviour> behaviours = byzantine.getOrDefault(node, Set.of());
    ConsensusReplicaLogic logic = new ConsensusReplicaLogic(node, config,
        keys.get(config.subnet()).secrets().get(index), crypto.get(config.subnet()),
        behaviours, stores.get(node), execution.get(config.subnet()), incarnation,
        encryptionKeys.get(node)).withCpu(cpu);
    synchronized (latest) {
      latest.put(node, logic);
    }
    if (behaviours.contains(ByzantineBehaviour.ARBITRARY)) {
      return arbitrary(node, incarnation, logic, execution.get(config.subnet()));
    }
    if (!behaviours.contains(ByzantineBehaviour.TWINS)) {
      return logic;
    }
    // The twin: same identity and keys, its own disk, its own randomness; talks to the upper
    // half of the subnet (by committee index), its sibling to the rest. Other twins talk only to
    // the sibling: a peer cannot tell which copy sent a message, so twin-to-twin traffic stays in
    // the sibling's world instead of crossing between the halves' views.
    List<NodeId> committee = config.committee();
    Set<NodeId> upperHalf = new java.util.TreeSet<>(committee.subList(committee.size() / 2,
        committee.size()));
    upperHalf.remove(node);
    upperHalf.removeAll(twinStores.keySet());
    ConsensusReplicaLogic twin = new ConsensusReplicaLogic(node, config,
        keys.get(config.subnet()).secrets().get(index), crypto.get(config.subnet()),
        behaviours, twinStores.get(node),
        execution.get(config.subnet()), incarnation + TWIN_INCARNATION_OFFSET,
        encryptionKeys.get(node)).withCpu(cpu);
    return new TwinsReplicaLogic(logic, twin, upperHalf);
  }

  /** Labels the second twin's randomness apart from every incarnation of the first. */
  private static final int TWIN_INCARNATION_OFFSET = 1 << 20;

  /** A subnet's shared execution setup (canisters, chain keys, management canister). */
  public SubnetExecution execution(SubnetId subnet) {
    return execution.get(subnet);
  }

  /** A subnet's crypto facade (shared by its replicas; counts the operations they perform). */
  public ConsensusCrypto crypto(SubnetId subnet) {
    return crypto.get(subnet);
  }

  /**
   * The consensus node of {@code node}'s latest replica (a crashed one's until it restarts), empty
   * before its first boot; for checkers, which must only read it between driver steps.
   */
  public Optional<ConsensusNode> consensusNode(NodeId node) {
    synchronized (latest) {
      return Optional.ofNullable(latest.get(node)).map(ConsensusReplicaLogic::consensus);
    }
  }

  /**
   * The shares of reshared chain keys that {@code node}'s latest replica holds (a crashed one's
   * until it restarts), empty if it holds none; for checkers, between driver steps.
   */
  public Optional<NodeChainKeyShares> resharedShares(NodeId node) {
    synchronized (latest) {
      return Optional.ofNullable(latest.get(node))
          .flatMap(ConsensusReplicaLogic::resharedShares);
    }
  }

  /**
   * {@code node}'s latest replica (a crashed one's until it restarts), empty before its first
   * boot; for readers outside the replicas (the HTTP gateway), only between driver steps.
   */
  public Optional<ConsensusReplicaLogic> replica(NodeId node) {
    synchronized (latest) {
      return Optional.ofNullable(latest.get(node));
    }
  }

  public GenesisKeys keys(SubnetId subnet) {
    return keys.get(subnet);
  }
}
