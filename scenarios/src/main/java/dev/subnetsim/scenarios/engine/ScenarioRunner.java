package dev.subnetsim.scenarios.engine;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.artifacts.ArtifactJson;
import dev.subnetsim.chainkey.artifacts.ArtifactOrigin;
import dev.subnetsim.chainkey.artifacts.BlsArtifact;
import dev.subnetsim.chainkey.bls.JblstBlsSignatures;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.crypto.VerificationCache;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.node.ConsensusReplicaFactory;
import dev.subnetsim.scenarios.driver.SimulationConfig;
import dev.subnetsim.scenarios.driver.SimulationDriver;
import dev.subnetsim.scenarios.invariants.InvariantChecker;
import dev.subnetsim.replica.byzantine.ArbitrarySettings;
import dev.subnetsim.scenarios.invariants.ReplicaRobustness;
import dev.subnetsim.scenarios.invariants.Violation;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.result.InvariantResult.Status;
import dev.subnetsim.scenarios.result.RunResult;
import dev.subnetsim.scenarios.result.TimeSeries;
import dev.subnetsim.scenarios.spec.ConsensusSpec;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.trace.TraceSink;
import dev.subnetsim.scenarios.world.SpecWorld;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import dev.subnetsim.scenarios.invariants.ChainKeyReplyChecker;
import dev.subnetsim.scenarios.invariants.NoMasterSecretChecker;
import dev.subnetsim.scenarios.invariants.CanisterStoryChecker;
import dev.subnetsim.scenarios.world.CanisterStories;
import dev.subnetsim.scenarios.spec.InvariantKind;
import dev.subnetsim.scenarios.spec.SubnetRole;
import dev.subnetsim.scenarios.world.ChainKeyWorkload;
import dev.subnetsim.replica.chainkey.presig.RefillPolicy;
import dev.subnetsim.replica.consensus.ChainKeyOptions;
import dev.subnetsim.replica.chainkey.reshare.ReshareKey;
import dev.subnetsim.replica.chainkey.reshare.ReshareSchedule;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.scenarios.spec.WorkloadSpec.RequestKind;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a parsed scenario end to end: the world of {@link SpecWorld} with consensus replicas (real
 * BLS, genesis keys by DKG), Byzantine behaviours mapped onto the replicas, the scenario's checkers
 * and pass criteria, and the report model. Everything the scenario asks for that this build cannot
 * simulate yet (chain-key services, some behaviours) is listed as not checked, never silently
 * dropped.
 */
public final class ScenarioRunner {
  /** Heights between catch-up packages. */
  static final int CUP_INTERVAL = 10;

  private ScenarioRunner() {}

  /** Options of one run besides the scenario. */
  public record Options(long seed, int dispatcherThreads, TraceSink trace, String reproduce) {}

  public static ScenarioRun run(ScenarioSpec scenario, Options options) {
    ScenarioSpec spec = withSeed(scenario, options.seed());
    SpecWorld.World world = SpecWorld.build(spec, SpecWorld.defaultLivenessBoundNanos(spec));
    List<String> notMapped = new ArrayList<>(world.notMapped());
    List<InvariantResult> invariants0 = new ArrayList<>();
    Map<NodeId, Set<ByzantineBehaviour>> byzantine = byzantine(spec, world, notMapped);
    Map<SubnetId, List<NodeId>> subnets = new TreeMap<>();
    world.topology().subnets().forEach(s -> subnets.put(s.id(), world.topology().members(s.id())));
    ConsensusSpec c = spec.consensus();
    ReshareSchedule reshares = reshares(spec);
    SubnetId keySubnet = reshares.reshares().isEmpty() ? keySubnet(spec)
        : new SubnetId(reshares.reshares().get(0).source());
    boolean chainKeyLoad = spec.workload().requests().stream()
        .anyMatch(r -> ChainKeyWorkload.served(r.kind()));
    Map<String, Double> storyRates = new TreeMap<>();
    spec.workload().canisters().stream().filter(CanisterStories::drivable)
        .forEach(k -> storyRates.put(k, spec.workload().canisterStoriesPerSecond()));
    // A canister-signature request stream is the identity canister's delegation story.
    spec.workload().requests().stream()
        .filter(r -> r.kind() == RequestKind.CANISTER_SIGNATURE)
        .forEach(r -> storyRates.merge("identity", r.perSecond(), Double::sum));
    for (String canister : spec.workload().canisters()) {
      if (!canister.equals("counter") && !CanisterStories.drivable(canister)) {
        notMapped.add("canister " + canister + " (unknown)");
      }
    }
    for (var r : spec.workload().requests()) {
      if (!ChainKeyWorkload.served(r.kind()) && r.kind() != RequestKind.CANISTER_SIGNATURE) {
        notMapped.add("request stream " + r.kind().name().toLowerCase().replace('_', '-')
            + " (canister-signature load is not built yet)");
      }
    }
    ChainKeyWorkload workload = null;
    ChainKeyReplyChecker replies = null;
    ChainKeyOptions options1 = ChainKeyOptions.DEFAULT;
    boolean storyKeys = storyRates.values().stream().anyMatch(r -> r > 0);
    if (chainKeyLoad || storyKeys) {
      // Stashes sized to about five seconds of the load (the refill keeps them), capped.
      ChainKeyWorkload sizing = ChainKeyWorkload.generate(spec.seed(), spec.workload().requests(),
          null, name -> world.topology().members(new SubnetId(name)), keySubnet.name(),
          spec.durationNanos());
      int fixed = spec.workload().presignatureStash();
      options1 = new ChainKeyOptions(fixed >= 0 ? fixed
          : stash(sizing.count(RequestKind.SIGN_WITH_ECDSA) + 2 * walletStories(spec),
              spec.durationNanos()),
          fixed >= 0 ? fixed : stash(sizing.count(RequestKind.SIGN_WITH_SCHNORR),
              spec.durationNanos()),
          spec.workload().requestQueueLimit());
    }
    options1 = options1.withReshares(reshares).withRefill(new RefillPolicy(
        spec.workload().presignaturePrefill(), spec.workload().presignaturesInFlight()));
    boolean keysExist = chainKeyLoad || storyKeys || !reshares.reshares().isEmpty();
    ConsensusReplicaFactory factory = new ConsensusReplicaFactory(spec.seed(), subnets,
        s -> new ConsensusConfig(s, subnets.get(s), c.unitDelayNanos(),
            c.initialNotaryDelayNanos(), c.maxIngressPerBlock(), CUP_INTERVAL, c.dkgInterval()),
        byzantine, VerificationCache.shared(), s -> keysExist && s.equals(keySubnet), options1,
        c.crypto() == ConsensusSpec.Crypto.CHEAP ? ConsensusCrypto.Mode.CHEAP
            : ConsensusCrypto.Mode.REAL);
    spec.subnets().stream().filter(s -> s.role() == SubnetRole.ROOT).findFirst()
        .ifPresent(root -> factory.withRootSubnet(new SubnetId(root.name())));
    factory.withAdversaries(adversaries(spec, world));
    if (chainKeyLoad) {
      var keys = factory.execution(keySubnet).chainKeys().orElseThrow().publicKeys();
      workload = ChainKeyWorkload.generate(spec.seed(), spec.workload().requests(), keys,
          name -> world.topology().members(new SubnetId(name)), keySubnet.name(),
          spec.durationNanos());
      var genesisKeys = keys;
      replies = new ChainKeyReplyChecker(subnet -> factory.execution(new SubnetId(subnet))
          .installedKeys().map(h -> h.publicKeys()).orElse(genesisKeys), workload, world.faults())
          .expectingReplies(new ChainKeyReplyChecker.Liveness(spec.durationNanos(),
              CHAIN_KEY_REPLY_BOUNDS * SpecWorld.defaultLivenessBoundNanos(spec),
              allHealthy(world)));
    }
    CanisterStoryChecker stories = storyKeys
        ? storyChecker(spec, world, factory, keySubnet, reshares, storyRates) : null;
    NoMasterSecretChecker secrets = null;
    if (keysExist && spec.invariants().contains(InvariantKind.NO_MASTER_SECRET)) {
      var genesis = factory.execution(keySubnet).chainKeys().orElseThrow();
      List<NoMasterSecretChecker.Holder> holders = new ArrayList<>();
      holders.add(holder(world, keySubnet.name(), () -> Optional.of(
          new NoMasterSecretChecker.Material(genesis.publicKeys(), genesis.shares()))));
      for (String target : reshares.targets()) {
        var execution = factory.execution(new SubnetId(target));
        holders.add(holder(world, target, () -> execution.installedKeys().map(h ->
            new NoMasterSecretChecker.Material(h.publicKeys(), h.shares()))));
      }
      secrets = new NoMasterSecretChecker(holders);
      notMapped.removeIf(m -> m.startsWith("invariant NO_MASTER_SECRET"));
    } else if (notMapped.removeIf(m -> m.startsWith("invariant NO_MASTER_SECRET"))) {
      invariants0.add(new InvariantResult(NoMasterSecretChecker.NAME, Status.NOT_CHECKED,
          "no subnet holds chain keys in this scenario (no chain-key requests)"));
    }
    ChainKeyWorkload load = workload;
    RunRecorder recorder = new RunRecorder(world.faults(), seq -> load == null ? null
        : load.bySequence(seq).map(cl -> ChainKeyWorkload.latencyName(cl.kind())).orElse(null));
    SimulationConfig.Builder config = SpecWorld.config(spec, world, factory,
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
    if (options.trace() != null) {
      config.traceSink(options.trace());
    }
    dev.subnetsim.scenarios.driver.RunResult run = SimulationDriver.run(config.build());

    List<InvariantResult> invariants = new ArrayList<>(invariants0);
    for (InvariantChecker checker : world.checkers()) {
      List<Violation> v = run.violations().stream()
          .filter(x -> x.invariant().equals(checker.name())).toList();
      invariants.add(new InvariantResult(checker.name(), v.isEmpty() ? Status.HELD
          : Status.VIOLATED, v.isEmpty() ? "held for " + run.virtualNanos() / 1e9 + " s"
          : v.get(0).detail() + " (at " + v.get(0).timeNanos() / 1e9 + " s)"));
    }
    if (secrets != null) {
      List<Violation> v = run.violations().stream()
          .filter(x -> x.invariant().equals(NoMasterSecretChecker.NAME)).toList();
      invariants.add(new InvariantResult(NoMasterSecretChecker.NAME, v.isEmpty() ? Status.HELD
          : Status.VIOLATED, v.isEmpty() ? "no replica of " + String.join(", ",
          secrets.checkedSubnets()) + " (the subnets that held key shares), no coalition of f of "
          + "their replicas and no Byzantine coalition holds a chain key's secret"
          : v.get(0).detail()));
    }
    if (replies != null) {
      List<Violation> v = run.violations().stream()
          .filter(x -> x.invariant().equals(ChainKeyReplyChecker.NAME)).toList();
      invariants.add(new InvariantResult(ChainKeyReplyChecker.NAME, v.isEmpty() ? Status.HELD
          : Status.VIOLATED, v.isEmpty() ? replies.checked() + " of " + workload.size()
 + " requests answered by "
          + (reshares.reshares().isEmpty() ? "subnet " + keySubnet.name()
              : "the subnets the keys were reshared to ("
                  + String.join(", ", reshares.targets())
                  + ") under " + keySubnet.name() + "'s public keys")
          + " and verified by their clients" : v.get(0).detail()));
    }
    if (stories != null) {
      List<Violation> v = run.violations().stream()
          .filter(x -> x.invariant().equals(CanisterStoryChecker.NAME)).toList();
      StringBuilder tally = new StringBuilder();
      stories.tally().forEach((story, n) -> tally.append(tally.length() == 0 ? "" : "; ")
          .append(story).append(": ").append(n[1]).append(" of ").append(n[0])
          .append(" judged calls as expected").append(n[2] > 0 ? ", " + n[2]
              + " not judged (prerequisite not yet complete, or a transient reject)" : ""));
      invariants.add(new InvariantResult(CanisterStoryChecker.NAME, v.isEmpty() ? Status.HELD
          : Status.VIOLATED, v.isEmpty() ? (tally.length() == 0 ? "no story call completed"
              : tally.toString()) : v.get(0).detail()));
    }
    invariants.add(robustness(run, options.reproduce()));
    invariants.addAll(PassCriteria.evaluate(spec, world.faults(), recorder));
    for (String missing : notMapped) {
      invariants.add(new InvariantResult(missing, Status.NOT_CHECKED, missing.contains(":")
          ? "see the line's own reason" : "not simulated by this build (twins, divergent "
          + "execution, canister-signature load and scenario-driven example canisters are not "
          + "built yet; see README)"));
    }
    Map<String, Long> gaps = new TreeMap<>();
    for (var sub : spec.subnets()) {
      long last = 0;
      long worst = 0;
      for (long t : recorder.finalizationTimes.getOrDefault(sub.name(), List.of())) {
        worst = Math.max(worst, t - last);
        last = t;
      }
      gaps.put(sub.name(), Math.max(worst, run.virtualNanos() - last));
    }
    // Stand-in signatures of cheap crypto are not BLS: they never go to the artifacts log.
    List<String> artifacts = new ArrayList<>(c.crypto() == ConsensusSpec.Crypto.CHEAP ? List.of()
        : artifacts(recorder));
    if (replies != null) {
      artifacts.addAll(replies.artifactLines());
    }
    if (stories != null) {
      artifacts.addAll(stories.stories().artifactLines());
    }
    return new ScenarioRun(result(spec, options, run, recorder, invariants), artifacts, gaps);
  }

  /**
   * Liveness bounds a chain-key request kind gets to see a valid reply in: its reply travels three
   * block-and-stream hops, and the keys may still be on their way to the signing subnet.
   */
  static final int CHAIN_KEY_REPLY_BOUNDS = 3;

  /** Whether every subnet of the world was healthy over the whole of [from, to]. */
  private static java.util.function.BiPredicate<Long, Long> allHealthy(SpecWorld.World world) {
    List<dev.subnetsim.scenarios.faults.HealthTimeline> timelines = world.topology().subnets()
        .stream().map(sub -> world.faults().healthTimeline(world.topology(), sub.id())).toList();
    return (from, to) -> timelines.stream().allMatch(h -> {
      java.util.OptionalLong since = h.healthySince(to);
      return since.isPresent() && since.getAsLong() <= from;
    });
  }

  /** Held unless a replica's step threw; the finding names the replica, the sender, the kind. */
  private static InvariantResult robustness(dev.subnetsim.scenarios.driver.RunResult run,
      String reproduce) {
    List<Violation> v = run.violations().stream()
        .filter(x -> x.invariant().equals(ReplicaRobustness.NAME)).toList();
    return v.isEmpty()
        ? new InvariantResult(ReplicaRobustness.NAME, Status.HELD, "no replica step threw in "
            + run.logicSteps() + " steps")
        : new InvariantResult(ReplicaRobustness.NAME, Status.VIOLATED, v.get(0).detail()
            + " (at " + v.get(0).timeNanos() / 1e9 + " s)"
            + (reproduce == null ? "" : "; reproduce: " + reproduce));
  }

  static ScenarioSpec withSeed(ScenarioSpec s, long seed) {
    return new ScenarioSpec(s.name(), s.description(), seed, s.durationNanos(), s.faultBudget(),
        s.subnets(), s.consensus(), s.network(), s.workload(), s.faults(), s.invariants(),
        s.pass());
  }

  private static Map<NodeId, Set<ByzantineBehaviour>> byzantine(ScenarioSpec spec,
      SpecWorld.World world, List<String> notMapped) {
    Map<NodeId, Set<ByzantineBehaviour>> out = new TreeMap<>();
    for (FaultSpec f : spec.faults()) {
      if (!(f instanceof FaultSpec.Byzantine b)) {
        continue;
      }
      ByzantineBehaviour behaviour;
      switch (b.behaviour()) {
        case EQUIVOCATING_BLOCK_MAKER -> behaviour = ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER;
        case DOUBLE_SIGNING_NOTARY -> behaviour = ByzantineBehaviour.DOUBLE_SIGNING_NOTARY;
        case INVALID_BEACON_SHARES -> behaviour = ByzantineBehaviour.INVALID_BEACON_SHARES;
        case INVALID_SIGNATURE_SHARES -> {
          // Signature shares of consensus and of the chain-key services alike.
          behaviour = ByzantineBehaviour.INVALID_SIGNATURE_SHARES;
          add(out, world, b, ByzantineBehaviour.INVALID_CHAIN_KEY_SHARES);
        }
        case INVALID_DECRYPTION_SHARES -> behaviour = ByzantineBehaviour.INVALID_CHAIN_KEY_SHARES;
        case WITHHOLDING -> behaviour = ByzantineBehaviour.WITHHOLDING;
        case BAD_DEALINGS -> behaviour = ByzantineBehaviour.BAD_DEALINGS;
        case TWINS -> behaviour = ByzantineBehaviour.TWINS;
        case DIVERGENT_EXECUTION -> behaviour = ByzantineBehaviour.DIVERGENT_EXECUTION;
        case ARBITRARY -> behaviour = ByzantineBehaviour.ARBITRARY;
        default -> {
          notMapped.add("behaviour " + b.behaviour().name().toLowerCase().replace('_', '-')
              + " (line " + b.line() + ")");
          continue;
        }
      }
      add(out, world, b, behaviour);
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
        List<NodeId> members = world.topology().members(new SubnetId(b.nodes().subnet()));
        for (int i : b.nodes().indices()) {
          out.put(members.get(i), new ArbitrarySettings(b.probability(), Set.copyOf(b.kinds())));
        }
      }
    }
    return out;
  }

  private static void add(Map<NodeId, Set<ByzantineBehaviour>> out, SpecWorld.World world,
      FaultSpec.Byzantine b, ByzantineBehaviour behaviour) {
    List<NodeId> members = world.topology().members(new SubnetId(b.nodes().subnet()));
    for (int i : b.nodes().indices()) {
      out.computeIfAbsent(members.get(i), k -> EnumSet.noneOf(ByzantineBehaviour.class))
          .add(behaviour);
    }
  }

  /**
   * Presignatures per curve/algorithm for {@code requests} over the run (split over two of them):
   * about five seconds' worth plus 4, capped; the background refill replaces what requests use.
   */
  static int stash(long requests, long durationNanos) {
    double perSecond = requests / Math.max(1.0, durationNanos / 1e9);
    return (int) Math.min(MAX_STASH, Math.ceil(perSecond * 5 / 2) + 4);
  }

  /** Bound on the stash: each ECDSA presignature is five IDKG instances (prefilled at setup). */
  static final int MAX_STASH = 48;

  private static NoMasterSecretChecker.Holder holder(SpecWorld.World world, String subnet,
      java.util.function.Supplier<Optional<NoMasterSecretChecker.Material>> material) {
    List<NodeId> members = world.topology().members(new SubnetId(subnet));
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
  private static CanisterStoryChecker storyChecker(ScenarioSpec spec, SpecWorld.World world,
      ConsensusReplicaFactory factory, SubnetId keySubnet, ReshareSchedule reshares,
      Map<String, Double> rates) {
    var genesis = factory.execution(keySubnet).chainKeys().orElseThrow().publicKeys();
    CanisterStories.ClientKeys clientKeys = new CanisterStories.ClientKeys() {
      public dev.subnetsim.replica.chainkey.SubnetChainKeys genesis() {
        return genesis;
      }

      public Optional<byte[]> rootKeyDer() {
        return spec.consensus().crypto() == ConsensusSpec.Crypto.CHEAP ? Optional.empty()
            : factory.execution(keySubnet).registry().rootKeyDer();
      }

      public List<dev.subnetsim.replica.chainkey.SubnetChainKeys> holders() {
        List<dev.subnetsim.replica.chainkey.SubnetChainKeys> all = new ArrayList<>();
        all.add(genesis);
        reshares.targets().forEach(t -> factory.execution(new SubnetId(t)).installedKeys()
            .ifPresent(h -> all.add(h.publicKeys())));
        return all;
      }
    };
    SubnetId storySubnet = new SubnetId(SpecWorld.ingressSubnet(spec));
    return new CanisterStoryChecker(CanisterStories.generate(spec.seed(), rates,
        factory.execution(storySubnet), world.topology().members(storySubnet), clientKeys,
        spec.durationNanos()), world.faults());
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
        .sorted(java.util.Comparator.comparingLong(FaultSpec.Reshare::atNanos)).toList();
    List<ReshareSchedule.Reshare> out = new ArrayList<>();
    for (FaultSpec.Reshare f : faults) {
      out.add(new ReshareSchedule.Reshare(out.size(), f.atNanos(), f.fromSubnet(), f.toSubnet(),
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
        .map(s -> new SubnetId(s.name())).orElse(new SubnetId(spec.subnets().get(0).name()));
  }

  private static RunResult result(ScenarioSpec spec, Options options,
      dev.subnetsim.scenarios.driver.RunResult run, RunRecorder recorder,
      List<InvariantResult> invariants) {
    Map<String, TimeSeries> series = new TreeMap<>();
    recorder.heightSeries.forEach((s, b) -> series.put("finalized_height/" + s,
        b.add(run.virtualNanos() / 1e9, recorder.finalizedHeight.getOrDefault(s, 0L)).build()));
    double end = run.virtualNanos() / 1e9;
    recorder.stashSeries.forEach((k, b) -> {
      TimeSeries partial = b.build();
      double last = partial.points().get(partial.points().size() - 1)[1];
      series.put("stash/" + k, b.add(end, last).build());
    });
    recorder.answeredAt.forEach((kind, times) -> {
      // Answered requests per simulated second, in one-second bins.
      long[] bins = new long[Math.max(1, (int) Math.ceil(end))];
      times.forEach(t -> bins[Math.min(bins.length - 1, (int) (t / 1_000_000_000L))]++);
      TimeSeries.Builder b = new TimeSeries.Builder();
      for (int i = 0; i < bins.length; i++) {
        b.add(i + 1, bins[i]);
      }
      series.put("throughput/" + kind, b.build());
    });
    Map<String, RunResult.MessageVolume> messages = new TreeMap<>();
    run.deliveredByKind().forEach((k, v) -> messages.put(k, new RunResult.MessageVolume(v[0], v[1])));
    Map<String, List<Long>> latencies = new TreeMap<>();
    if (!recorder.ingressLatency.isEmpty()) {
      latencies.put("ingress", new ArrayList<>(recorder.ingressLatency.values()));
    }
    recorder.requestLatency.forEach((k, v) -> latencies.put(k, new ArrayList<>(v.values())));
    List<RunResult.TimelineEvent> timeline = new ArrayList<>();
    for (FaultSpec f : spec.faults()) {
      timeline.add(new RunResult.TimelineEvent(f.atNanos() / 1e9,
          f.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(),
          describe(f)));
    }
    Map<String, String> config = new TreeMap<>();
    config.put("scenario", spec.name());
    config.put("description", spec.description());
    config.put("seed", String.valueOf(spec.seed()));
    config.put("duration_s", String.valueOf(spec.durationNanos() / 1e9));
    spec.subnets().forEach(s -> config.put("subnet " + s.name(), s.role().name().toLowerCase()
        + ", " + s.nodes() + " nodes (f = " + s.f() + "), regions " + s.regions()));
    config.put("unit_delay_ms", String.valueOf(spec.consensus().unitDelayNanos() / 1e6));
    config.put("initial_notary_delay_ms",
        String.valueOf(spec.consensus().initialNotaryDelayNanos() / 1e6));
    config.put("network", spec.network().toString());
    config.put("ingress_per_second", String.valueOf(spec.workload().ingressPerSecond()));
    config.put("dispatcher_threads", String.valueOf(options.dispatcherThreads()));
    config.put("stop_reason", run.stopReason().name());
    config.put("artifacts_rejected_from", recorder.rejectedSenders.toString());
    Map<String, Integer> rejectedLoad = new TreeMap<>();
    recorder.rejected.forEach((k, v) -> rejectedLoad.put(k, v.size()));
    config.put("requests_rejected", rejectedLoad.toString());
    Map<String, Long> heights = new TreeMap<>();
    run.maxFinalizedHeight().forEach((s, h) -> heights.put(s.name(), h));
    return new RunResult(spec.name(), spec.seed(), run.traceHash(), run.virtualNanos() / 1e9, 0,
        spec.totalNodes(), spec.subnets().size(), invariants, heights, series, latencies,
        messages, timeline, config, options.reproduce());
  }

  private static String describe(FaultSpec f) {
    String s = f.toString();
    int paren = s.indexOf('[');
    return paren < 0 ? s : s.substring(paren + 1, s.length() - 1)
        .replaceAll("atNanos=\\d+, line=\\d+,? ?", "");
  }

  private static List<String> artifacts(RunRecorder recorder) {
    String multiDst = JblstBlsSignatures.icMultiSignature().messageDst();
    List<String> lines = new ArrayList<>();
    for (RunRecorder.Combined c : recorder.combined) {
      boolean multi = c.kind().equals("notarization") || c.kind().equals("finalization");
      lines.add(ArtifactJson.toJsonLine(new BlsArtifact(
          new ArtifactOrigin(c.subnet(), c.height(), c.kind()), c.publicKey(), c.message(),
          c.signature(), multi ? multiDst : DomainSeparators.BLS_SIG_DST)));
    }
    return lines;
  }
}
