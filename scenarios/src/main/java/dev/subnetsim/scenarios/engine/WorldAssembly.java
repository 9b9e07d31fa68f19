package dev.subnetsim.scenarios.engine;

import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.VerificationCache;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.byzantine.ArbitrarySettings;
import dev.subnetsim.replica.chainkey.presig.RefillPolicy;
import dev.subnetsim.replica.chainkey.reshare.ReshareKey;
import dev.subnetsim.replica.chainkey.reshare.ReshareSchedule;
import dev.subnetsim.replica.consensus.ChainKeyOptions;
import dev.subnetsim.replica.node.ConsensusReplicaFactory;
import dev.subnetsim.replica.cpu.CpuCosts;
import dev.subnetsim.replica.cpu.CpuModel;
import dev.subnetsim.scenarios.spec.ConsensusSpec;
import dev.subnetsim.scenarios.spec.CpuSpec;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.spec.SubnetRole;
import dev.subnetsim.scenarios.spec.WorkloadSpec.RequestKind;
import dev.subnetsim.scenarios.world.CanisterStories;
import dev.subnetsim.scenarios.world.ChainKeyWorkload;
import dev.subnetsim.scenarios.world.SpecWorld;
import dev.subnetsim.scenarios.world.WasmCanisters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds what a scenario runs on: the {@link SpecWorld}, the Byzantine behaviours mapped onto
 * replicas, the chain-key options (stash sizing, reshares, refill) and the replica factory.
 */
final class WorldAssembly {
  /** Heights between catch-up packages. */
  static final int CUP_INTERVAL = 10;

  /** Bound on the stash: each ECDSA presignature is five IDKG instances (prefilled at setup). */
  static final int MAX_STASH = 48;

  private WorldAssembly() {}

  /**
   * An assembled world.
   *
   * @param keySubnet the subnet holding the chain keys from genesis
   * @param chainKeyLoad whether the workload sends chain-key requests the world serves
   * @param storyKeys whether a canister story needs chain keys
   * @param keysExist whether any subnet holds chain keys in this run
   * @param storyRates stories per second by canister
   * @param notMapped what the scenario asks for that this build does not simulate, in spec order
   */
  record Assembled(ScenarioSpec spec, SpecWorld.World world, ConsensusReplicaFactory factory,
      SubnetId keySubnet, ReshareSchedule reshares, boolean chainKeyLoad, boolean storyKeys,
      boolean keysExist, Map<String, Double> storyRates, List<String> notMapped) {
    Assembled {
      storyRates = java.util.Collections.unmodifiableMap(new TreeMap<>(storyRates));
      notMapped = List.copyOf(notMapped);
    }
  }

  static Assembled assemble(ScenarioSpec spec) {
    SpecWorld.World world = SpecWorld.build(spec, SpecWorld.defaultLivenessBoundNanos(spec));
    List<String> notMapped = new ArrayList<>(world.notMapped());
    Map<NodeId, Set<ByzantineBehaviour>> byzantine = byzantine(spec, world);
    ReshareSchedule reshares = reshares(spec);
    SubnetId keySubnet = reshares.reshares().isEmpty() ? keySubnet(spec)
        : new SubnetId(reshares.reshares().get(0).source());
    boolean chainKeyLoad = spec.workload().requests().stream()
        .anyMatch(r -> ChainKeyWorkload.served(r.kind()));
    Map<String, Double> storyRates = storyRates(spec);
    notMapped.addAll(unbuiltLoad(spec));
    boolean storyKeys = storyRates.values().stream().anyMatch(r -> r > 0);
    ChainKeyOptions chainKeys = chainKeyOptions(spec, world, keySubnet, chainKeyLoad || storyKeys)
        .withReshares(reshares).withRefill(new RefillPolicy(
            spec.workload().presignaturePrefill(), spec.workload().presignaturesInFlight()))
        // The key holder's replicas generate the keys through its consensus (clients read them
        // once they exist: the Secret Store owner seals when it sends its store call).
        .withKeyGeneration(true);
    boolean keysExist = chainKeyLoad || storyKeys || !reshares.reshares().isEmpty();
    ConsensusReplicaFactory factory = factory(spec, world, byzantine, keySubnet, keysExist,
        chainKeys);
    return new Assembled(spec, world, factory, keySubnet, reshares, chainKeyLoad, storyKeys,
        keysExist, storyRates, notMapped);
  }

  private static ConsensusReplicaFactory factory(ScenarioSpec spec, SpecWorld.World world,
      Map<NodeId, Set<ByzantineBehaviour>> byzantine, SubnetId keySubnet, boolean keysExist,
      ChainKeyOptions chainKeys) {
    Map<SubnetId, List<NodeId>> subnets = new TreeMap<>();
    world.topology().subnets().forEach(s -> subnets.put(s.id(), world.topology().members(s.id())));
    ConsensusSpec c = spec.consensus();
    ConsensusReplicaFactory factory = new ConsensusReplicaFactory(spec.seed(), subnets,
        s -> new ConsensusConfig(s, subnets.get(s), c.unitDelayNanos(),
            c.initialNotaryDelayNanos(), c.maxIngressPerBlock(), CUP_INTERVAL, c.dkgInterval(),
            c.consensusProtocol()),
        byzantine, VerificationCache.shared(), s -> keysExist && s.equals(keySubnet), chainKeys,
        c.crypto() == ConsensusSpec.Crypto.CHEAP ? ConsensusCrypto.Mode.CHEAP
            : ConsensusCrypto.Mode.REAL);
    spec.subnets().stream().filter(s -> s.role() == SubnetRole.ROOT).findFirst()
        .ifPresent(root -> factory.withRootSubnet(root.name()));
    factory.withAdversaries(adversaries(spec, world));
    factory.withCpu(cpuModel(spec.cpu()));
    WasmCanisters.install(spec, factory);
    return factory;
  }

  /** The nodes' virtual CPU: the scenario's cores, priced by its table. */
  static CpuModel cpuModel(CpuSpec cpu) {
    CpuCosts costs = switch (cpu.costs()) {
      case CpuSpec.REFERENCE -> CpuCosts.reference();
      case CpuSpec.NONE -> CpuCosts.none();
      default -> CpuCosts.load(java.nio.file.Path.of(cpu.costs()));
    };
    return new CpuModel(cpu.cores(), costs);
  }

  /** Stories per second by drivable canister, a canister-signature stream counting as identity. */
  private static Map<String, Double> storyRates(ScenarioSpec spec) {
    Map<String, Double> storyRates = new TreeMap<>();
    spec.workload().canisters().stream().filter(CanisterStories::drivable)
        .forEach(k -> storyRates.put(k, spec.workload().canisterStoriesPerSecond()));
    // A canister-signature request stream is the identity canister's delegation story.
    spec.workload().requests().stream()
        .filter(r -> r.kind() == RequestKind.CANISTER_SIGNATURE)
        .forEach(r -> storyRates.merge("identity", r.perSecond(), Double::sum));
    return storyRates;
  }

  /** The canisters and request streams of the workload this build cannot drive. */
  private static List<String> unbuiltLoad(ScenarioSpec spec) {
    List<String> out = new ArrayList<>();
    for (String canister : spec.workload().canisters()) {
      if (!canister.equals("counter") && !CanisterStories.drivable(canister)) {
        out.add("canister " + canister + " (unknown)");
      }
    }
    for (var r : spec.workload().requests()) {
      if (!ChainKeyWorkload.served(r.kind()) && r.kind() != RequestKind.CANISTER_SIGNATURE) {
        out.add("request stream " + r.kind().name().toLowerCase().replace('_', '-')
            + " (canister-signature load is not built yet)");
      }
    }
    return out;
  }

  /** Stashes sized to about five seconds of the load (the refill keeps them), capped. */
  private static ChainKeyOptions chainKeyOptions(ScenarioSpec spec, SpecWorld.World world,
      SubnetId keySubnet, boolean keysUsed) {
    if (!keysUsed) {
      return ChainKeyOptions.DEFAULT;
    }
    ChainKeyWorkload sizing = ChainKeyWorkload.generate(spec.seed(), spec.workload().requests(),
        null, world.topology()::members, keySubnet,
        spec.durationNanos());
    int fixed = spec.workload().presignatureStash();
    return new ChainKeyOptions(fixed >= 0 ? fixed
        : stash(sizing.count(RequestKind.SIGN_WITH_ECDSA) + 2 * walletStories(spec),
            spec.durationNanos()),
        fixed >= 0 ? fixed : stash(sizing.count(RequestKind.SIGN_WITH_SCHNORR),
            spec.durationNanos()),
        spec.workload().requestQueueLimit());
  }

  /** The replica behaviours of every Byzantine node, as {@link BehaviourMapping} translates them. */
  private static Map<NodeId, Set<ByzantineBehaviour>> byzantine(ScenarioSpec spec,
      SpecWorld.World world) {
    Map<NodeId, Set<ByzantineBehaviour>> out = new TreeMap<>();
    for (FaultSpec f : spec.faults()) {
      if (f instanceof FaultSpec.Byzantine b) {
        List<NodeId> members = world.topology().members(b.nodes().subnet());
        for (int i : b.nodes().indices()) {
          out.computeIfAbsent(members.get(i), k -> EnumSet.noneOf(ByzantineBehaviour.class))
              .addAll(BehaviourMapping.toConsensus(b.behaviour()));
        }
      }
    }
    return out;
  }

  /** The settings of every {@code arbitrary} node. */
  private static Map<NodeId, ArbitrarySettings> adversaries(ScenarioSpec spec,
      SpecWorld.World world) {
    Map<NodeId, ArbitrarySettings> out = new TreeMap<>();
    for (FaultSpec f : spec.faults()) {
      if (f instanceof FaultSpec.Byzantine b
          && b.behaviour() == dev.subnetsim.scenarios.spec.ByzantineBehaviour.ARBITRARY) {
        List<NodeId> members = world.topology().members(b.nodes().subnet());
        for (int i : b.nodes().indices()) {
          out.put(members.get(i), new ArbitrarySettings(b.probability(), Set.copyOf(b.kinds())));
        }
      }
    }
    return out;
  }

  /**
   * Presignatures per curve/algorithm for {@code requests} over the run (split over two of them):
   * about five seconds' worth plus 4, capped; the background refill replaces what requests use.
   */
  static int stash(long requests, long durationNanos) {
    double perSecond = requests / Math.max(1.0, durationNanos / 1e9);
    return (int) Math.min(MAX_STASH, Math.ceil(perSecond * 5 / 2) + 4);
  }

  /** Wallet stories expected over the run (each takes one secp256k1 presignature). */
  private static long walletStories(ScenarioSpec spec) {
    return spec.workload().canisters().contains("wallet")
        ? (long) Math.ceil(spec.workload().canisterStoriesPerSecond() * spec.durationNanos() / 1e9
            * 1.5) : 0;
  }

  /** The scenario's reshare faults in time order, numbered. */
  static ReshareSchedule reshares(ScenarioSpec spec) {
    List<FaultSpec.Reshare> faults = spec.faults().stream()
        .filter(f -> f instanceof FaultSpec.Reshare).map(f -> (FaultSpec.Reshare) f)
        .sorted(Comparator.comparingLong(FaultSpec.Reshare::atNanos)).toList();
    List<ReshareSchedule.Reshare> out = new ArrayList<>();
    for (FaultSpec.Reshare f : faults) {
      out.add(new ReshareSchedule.Reshare(out.size(), f.atNanos(), f.fromSubnet().name(),
          f.toSubnet().name(),
          f.keys().stream().map(ReshareKey::named).distinct().toList()));
    }
    return new ReshareSchedule(out);
  }

  /**
   * The subnet holding chain keys without reshares: the first signing subnet, else the root, else
   * the first. With reshares, the first reshare's source holds them from genesis.
   */
  static SubnetId keySubnet(ScenarioSpec spec) {
    return spec.subnets().stream().filter(s -> s.role() == SubnetRole.SIGNING).findFirst()
        .or(() -> spec.subnets().stream().filter(s -> s.role() == SubnetRole.ROOT).findFirst())
        .map(s -> s.name()).orElse(spec.subnets().get(0).name());
  }
}
