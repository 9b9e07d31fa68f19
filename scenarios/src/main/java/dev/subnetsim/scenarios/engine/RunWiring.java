package dev.subnetsim.scenarios.engine;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.ReplicaLogicFactory;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.chainkey.reshare.ReshareSchedule;
import dev.subnetsim.replica.node.ConsensusReplicaFactory;
import dev.subnetsim.scenarios.driver.SimulationConfig;
import dev.subnetsim.scenarios.faults.HealthTimeline;
import dev.subnetsim.scenarios.invariants.NoMasterSecretChecker;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.result.InvariantResult.Status;
import dev.subnetsim.scenarios.spec.ConsensusSpec;
import dev.subnetsim.scenarios.spec.InvariantKind;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.world.CanisterStories;
import dev.subnetsim.scenarios.world.CanisterStoryChecker;
import dev.subnetsim.scenarios.world.ChainKeyReplyChecker;
import dev.subnetsim.scenarios.world.ChainKeyWorkload;
import dev.subnetsim.scenarios.world.SpecWorld;
import dev.subnetsim.scenarios.world.WasmCanisters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * Wires the run-time checkers of an assembled world (chain-key replies, canister stories, master
 * secrets, the recorder) and the chain-key load into the driver's configuration.
 */
final class RunWiring {
  /**
   * Liveness bounds a chain-key request kind gets to see a valid reply in: its reply travels three
   * block-and-stream hops, and the keys may still be on their way to the signing subnet.
   */
  static final int CHAIN_KEY_REPLY_BOUNDS = 3;

  private RunWiring() {}

  /**
   * A wired run; {@code workload}, {@code replies}, {@code stories} and {@code secrets} are null
   * when the scenario does not use them.
   *
   * @param notChecked invariants reported not checked before the run
   * @param notMapped what is not simulated, as still to be reported
   */
  record Wired(SimulationConfig.Builder config, RunRecorder recorder, ChainKeyWorkload workload,
      ChainKeyReplyChecker replies, CanisterStoryChecker stories, NoMasterSecretChecker secrets,
      List<InvariantResult> notChecked, List<String> notMapped) {
    Wired {
      notChecked = List.copyOf(notChecked);
      notMapped = List.copyOf(notMapped);
    }
  }

  /** @param logic the replicas' logic: the world's factory, or a test's planted bug around it */
  static Wired wire(WorldAssembly.Assembled a, ScenarioRunner.Options options,
      ReplicaLogicFactory logic) {
    return wire(a, options, logic, ReplicaKeys.of(a.factory()));
  }

  /**
   * As above; {@code keys}: where the checkers read the key material the replicas hold (off the
   * replicas in this JVM, or a {@link KeyMirror} of those on cluster members).
   */
  static Wired wire(WorldAssembly.Assembled a, ScenarioRunner.Options options,
      ReplicaLogicFactory logic, ReplicaKeys keys) {
    ScenarioSpec spec = a.spec();
    ChainKeyWorkload workload = null;
    ChainKeyReplyChecker replies = null;
    if (a.chainKeyLoad()) {
      var holder = a.factory().execution(a.keySubnet());
      workload = ChainKeyWorkload.generateAwaitingKeys(spec.seed(), spec.workload().requests(),
          holder::holderKeys, a.world().topology()::members, a.keySubnet(),
          spec.durationNanos());
      replies = replyChecker(a, workload, () -> holder.holderKeys().orElseThrow(() ->
          new IllegalStateException("a reply under keys that do not exist yet")));
    }
    CanisterStoryChecker stories = a.storyKeys() ? storyChecker(a) : null;
    List<String> notMapped = new ArrayList<>(a.notMapped());
    List<InvariantResult> notChecked = new ArrayList<>();
    NoMasterSecretChecker secrets = null;
    boolean realConsensusKeys = spec.consensus().crypto() == ConsensusSpec.Crypto.REAL;
    if ((a.keysExist() || realConsensusKeys)
        && spec.invariants().contains(InvariantKind.NO_MASTER_SECRET)) {
      secrets = secretChecker(a, realConsensusKeys, keys);
      notMapped.removeIf(m -> m.startsWith("invariant NO_MASTER_SECRET"));
    } else if (notMapped.removeIf(m -> m.startsWith("invariant NO_MASTER_SECRET"))) {
      notChecked.add(new InvariantResult(NoMasterSecretChecker.NAME, Status.NOT_CHECKED,
          "no subnet holds chain keys in this scenario (no chain-key requests) and consensus "
              + "signatures are cheap stand-ins"));
    }
    ChainKeyWorkload load = workload;
    RunRecorder recorder = new RunRecorder(a.world().faults(), seq -> load == null ? null
        : load.bySequence(seq).map(cl -> ChainKeyWorkload.latencyName(cl.kind())).orElse(null));
    SimulationConfig.Builder config = SpecWorld.config(spec, a.world(), logic,
        options.dispatcherThreads()).checker(recorder);
    if (workload != null) {
      config.ingress(workload.injections()).checker(replies);
    }
    if (secrets != null) {
      config.checker(secrets);
    }
    if (stories != null) {
      config.ingress(stories.stories().injections()).checker(stories);
    }
    if (spec.workload().wasmCanisters().stream().anyMatch(w -> w.callsPerSecond() > 0)) {
      config.ingress(WasmCanisters.load(spec, a.world().topology()));
    }
    if (options.trace() != null) {
      config.traceSink(options.trace());
    }
    return new Wired(config, recorder, workload, replies, stories, secrets, notChecked,
        notMapped);
  }

  /**
   * Clients verify under the keys installed where they are answered (reshared, or generated
   * there), else the genesis ceremony's keys.
   */
  private static ChainKeyReplyChecker replyChecker(WorldAssembly.Assembled a,
      ChainKeyWorkload workload, Supplier<SubnetChainKeys> genesisKeys) {
    ScenarioSpec spec = a.spec();
    return new ChainKeyReplyChecker(subnet -> a.factory().execution(subnet)
        .installedKeys().map(h -> h.publicKeys()).orElseGet(genesisKeys), workload,
        a.world().faults())
        .expectingReplies(new ChainKeyReplyChecker.Liveness(spec.durationNanos(),
            CHAIN_KEY_REPLY_BOUNDS * SpecWorld.defaultLivenessBoundNanos(spec),
            allHealthy(a.world())));
  }

  /**
   * Watches the genesis key holder and every reshare target once its keys are installed, and with
   * real consensus crypto every subnet's beacon and certification keys, epoch by epoch, as each
   * replica holds them.
   */
  private static NoMasterSecretChecker secretChecker(WorldAssembly.Assembled a,
      boolean consensusKeys, ReplicaKeys keys) {
    List<NoMasterSecretChecker.Holder> holders = new ArrayList<>();
    if (a.keysExist()) {
      var keyHolder = a.factory().execution(a.keySubnet());
      var genesis = keyHolder.chainKeys();
      List<NodeId> holderMembers = a.world().topology().members(a.keySubnet());
      // The ceremony's shares, or those each replica decrypted itself from the generated keys.
      holders.add(holder(a.world(), a.keySubnet(), genesis.isPresent()
          ? () -> Optional.of(new NoMasterSecretChecker.Material(genesis.get().publicKeys(),
              genesis.get().shares()))
          : () -> keyHolder.installedKeys().map(h -> new NoMasterSecretChecker.Material(
              h.publicKeys(), holderMembers.stream()
                  .flatMap(n -> keys.resharedShares(n).stream()).toList()))));
      for (String name : a.reshares().targets()) {
        SubnetId target = new SubnetId(name);
        var execution = a.factory().execution(target);
        List<NodeId> members = a.world().topology().members(target);
        // The shares each target replica decrypted itself (none of a node that has not yet).
        holders.add(holder(a.world(), target, () -> execution.installedKeys().map(h ->
            new NoMasterSecretChecker.Material(h.publicKeys(), members.stream()
                .flatMap(n -> keys.resharedShares(n).stream()).toList()))));
      }
    }
    List<NoMasterSecretChecker.ConsensusHolder> consensus = new ArrayList<>();
    if (consensusKeys) {
      for (var subnet : a.world().topology().subnets()) {
        var h = holder(a.world(), subnet.id(), Optional::empty);
        consensus.add(new NoMasterSecretChecker.ConsensusHolder(h.subnet(), h.members(),
            h.coalition(), keys::consensusKeys));
      }
    }
    return new NoMasterSecretChecker(holders, consensus);
  }

  /** Whether every subnet of the world was healthy over the whole of [from, to]. */
  private static BiPredicate<Long, Long> allHealthy(SpecWorld.World world) {
    List<HealthTimeline> timelines = world.topology().subnets()
        .stream().map(sub -> world.faults().healthTimeline(world.topology(), sub.id())).toList();
    return (from, to) -> timelines.stream().allMatch(h -> {
      OptionalLong since = h.healthySince(to);
      return since.isPresent() && since.getAsLong() <= from;
    });
  }

  private static NoMasterSecretChecker.Holder holder(SpecWorld.World world, SubnetId subnet,
      Supplier<Optional<NoMasterSecretChecker.Material>> material) {
    List<NodeId> members = world.topology().members(subnet);
    List<Integer> coalition = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      if (world.faults().isByzantine(members.get(i))) {
        coalition.add(i);
      }
    }
    return new NoMasterSecretChecker.Holder(subnet, material, members, coalition);
  }

  /**
   * Drives the example canisters on the ingress subnet; clients know the genesis master keys and,
   * for requester-side combination, every holder's public shares (reshare targets once installed).
   */
  private static CanisterStoryChecker storyChecker(WorldAssembly.Assembled a) {
    ScenarioSpec spec = a.spec();
    ConsensusReplicaFactory factory = a.factory();
    SubnetId keySubnet = a.keySubnet();
    ReshareSchedule reshares = a.reshares();
    var holder = factory.execution(keySubnet);
    CanisterStories.ClientKeys clientKeys = new CanisterStories.ClientKeys() {
      public SubnetChainKeys genesis() {
        return holder.holderKeys().orElseThrow(() -> new IllegalStateException(
            "the chain keys do not exist yet"));
      }

      public Optional<byte[]> rootKeyDer() {
        return spec.consensus().crypto() == ConsensusSpec.Crypto.CHEAP ? Optional.empty()
            : factory.execution(keySubnet).registry().rootKeyDer();
      }

      public List<SubnetChainKeys> holders() {
        List<SubnetChainKeys> all = new ArrayList<>();
        holder.holderKeys().ifPresent(all::add);
        reshares.targets().forEach(t -> factory.execution(new SubnetId(t)).installedKeys()
            .ifPresent(h -> all.add(h.publicKeys())));
        return all;
      }
    };
    SubnetId storySubnet = SpecWorld.ingressSubnet(spec);
    Map<String, Double> rates = a.storyRates();
    return new CanisterStoryChecker(CanisterStories.generate(spec.seed(), rates,
        factory.execution(storySubnet), a.world().topology().members(storySubnet), clientKeys,
        spec.durationNanos()), a.world().faults());
  }
}
