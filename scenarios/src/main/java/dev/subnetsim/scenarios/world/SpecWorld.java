package dev.subnetsim.scenarios.world;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.spec.ConsensusSpec;
import dev.subnetsim.replica.ReplicaLogicFactory;
import dev.subnetsim.scenarios.driver.SimulationConfig;
import dev.subnetsim.scenarios.faults.Fault;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.invariants.HeightAgreementChecker;
import dev.subnetsim.scenarios.invariants.InvariantChecker;
import dev.subnetsim.scenarios.invariants.ProgressChecker;
import dev.subnetsim.scenarios.invariants.SignatureValidityChecker;
import dev.subnetsim.scenarios.net.ClampedLogNormalLatency;
import dev.subnetsim.scenarios.net.ConstantLatency;
import dev.subnetsim.scenarios.net.LatencyModel;
import dev.subnetsim.scenarios.net.LinkModel;
import dev.subnetsim.scenarios.net.Partition;
import dev.subnetsim.scenarios.net.RegionLatencyMatrix;
import dev.subnetsim.scenarios.net.UniformLatency;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.InvariantKind;
import dev.subnetsim.scenarios.spec.LatencySpec;
import dev.subnetsim.scenarios.spec.NetworkSpec;
import dev.subnetsim.scenarios.spec.NodeSelector;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.spec.SubnetSpec;
import dev.subnetsim.scenarios.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the simulated world of a parsed scenario ({@code scenarios/README.md}): topology, link
 * model, fault schedule and the agreement / certified-state / liveness checkers. The replica logic
 * (consensus) and the workload are the caller's.
 *
 * <p>Mapping notes: a {@code byzantine} entry marks its nodes Byzantine for the whole run (the
 * checkers ignore their claims and count them faulty); the behaviour itself is the logic
 * factory's business. {@code subnet-loss} crashes every node of the subnet. {@code reshare} is
 * the replica factory's business (a reshare schedule), not a fault the driver injects. {@code signatures-valid}
 * checks the IC consensus BLS artifacts (beacon, notarization, finalization, certification) with
 * real BLS; chain-key signature kinds get verifiers when the signing protocols land (until then an
 * observed chain-key signature is reported as having no verifier). {@code no-master-secret} has no
 * checker yet and is listed in {@link World#uncheckedInvariants}.
 */
public final class SpecWorld {
  private SpecWorld() {}

  /** The world of a scenario, plus what could not be mapped (for the run's summary). */
  public record World(Topology topology, LinkModel.Builder network, FaultSchedule faults,
      List<InvariantChecker> checkers, List<InvariantKind> uncheckedInvariants,
      List<String> unsupportedFaults) {
    public World {
      checkers = List.copyOf(checkers);
      uncheckedInvariants = List.copyOf(uncheckedInvariants);
      unsupportedFaults = List.copyOf(unsupportedFaults);
    }

    /** Everything of the scenario this world does not enforce, as readable lines. */
    public List<String> notMapped() {
      List<String> out = new ArrayList<>();
      uncheckedInvariants.forEach(k -> out.add("invariant " + k + ": no checker yet"));
      out.addAll(unsupportedFaults);
      return out;
    }
  }

  /** Liveness bound when the caller has none: 10 unit delays, at least 5 s. */
  public static long defaultLivenessBoundNanos(ScenarioSpec spec) {
    return Math.max(5_000_000_000L, 10 * spec.consensus().unitDelayNanos());
  }

  public static World build(ScenarioSpec spec, long livenessBoundNanos) {
    Topology topology = topology(spec);
    List<String> unsupportedFaults = new ArrayList<>();
    List<InvariantKind> unchecked = new ArrayList<>();
    FaultSchedule faults = faults(spec, topology, unsupportedFaults);
    List<InvariantChecker> checkers = new ArrayList<>();
    for (InvariantKind kind : spec.invariants()) {
      switch (kind) {
        case AGREEMENT -> checkers.add(HeightAgreementChecker.finalization(faults));
        case CERTIFIED_STATE_AGREEMENT -> checkers.add(HeightAgreementChecker.certifiedState(faults));
        case LIVENESS -> checkers.add(new ProgressChecker(topology, faults, livenessBoundNanos));
        case SIGNATURES_VALID -> {
          if (spec.consensus().crypto() == ConsensusSpec.Crypto.CHEAP) {
            unsupportedFaults.add("invariant SIGNATURES_VALID: consensus runs with cheap stand-in "
                + "signatures (crypto: cheap), which are not cryptographic");
          } else {
            checkers.add(SignatureValidityChecker.icConsensus(faults,
                SignatureValidityChecker.ExpectedKeys.unknown()));
          }
        }
        default -> unchecked.add(kind);
      }
    }
    return new World(topology, network(spec.network(), topology), faults, checkers, unchecked,
        unsupportedFaults);
  }

  /**
   * A driver config for the scenario with the given logic, including the plain ingress workload
   * (Poisson, {@link PoissonIngress}); chain-key request streams are the caller's.
   */
  public static SimulationConfig.Builder config(
      ScenarioSpec spec, World world, ReplicaLogicFactory logic, int dispatcherThreads) {
    SimulationConfig.Builder b = SimulationConfig.builder(world.topology(), logic, world.network())
        .seed(spec.seed())
        .faults(world.faults())
        .endNanos(spec.durationNanos())
        .dispatcherThreads(dispatcherThreads);
    world.checkers().forEach(b::checker);
    if (spec.workload().ingressPerSecond() > 0) {
      b.ingress(PoissonIngress.stream(spec.seed(), spec.workload().ingressPerSecond(),
          world.topology().members(ingressSubnet(spec)), spec.durationNanos()));
    }
    return b;
  }

  /** The workload's ingress subnet, or the first app subnet, or the first subnet. */
  public static SubnetId ingressSubnet(ScenarioSpec spec) {
    if (spec.workload().ingressSubnet() != null) {
      return spec.workload().ingressSubnet();
    }
    return spec.subnets().stream().filter(s -> s.role().name().equals("APP")).findFirst()
        .orElse(spec.subnets().get(0)).name();
  }

  public static Topology topology(ScenarioSpec spec) {
    Topology.Builder b = Topology.builder();
    for (SubnetSpec s : spec.subnets()) {
      List<String> regions = s.regions().isEmpty() ? List.of("default") : s.regions();
      b.subnet(new dev.subnetsim.scenarios.topology.SubnetSpec(s.name(),
          s.role(), s.nodes(), regions));
    }
    return b.build();
  }

  public static LinkModel.Builder network(NetworkSpec spec, Topology topology) {
    LatencyModel base = latency(spec.latency());
    LatencyModel model = base;
    if (!spec.regionLatencyNanos().isEmpty()) {
      Map<String, Map<String, LatencyModel>> pairs = new TreeMap<>();
      spec.regionLatencyNanos().forEach((from, row) -> row.forEach((to, median) ->
          pairs.computeIfAbsent(from, k -> new TreeMap<>())
              .put(to, withMedian(spec.latency(), median))));
      model = new RegionLatencyMatrix(topology::regionOf, base, pairs);
    }
    return LinkModel.builder(model).loss(spec.loss()).bandwidth((long) spec.bytesPerSecond());
  }

  static LatencyModel latency(LatencySpec spec) {
    if (spec instanceof LatencySpec.Constant c) {
      return new ConstantLatency(c.nanos());
    } else if (spec instanceof LatencySpec.Uniform u) {
      return new UniformLatency(u.minNanos(), u.maxNanos());
    } else if (spec instanceof LatencySpec.LogNormal l) {
      return new ClampedLogNormalLatency(l.medianNanos(), l.sigma(), l.floorNanos());
    }
    throw new IllegalArgumentException("unknown latency model " + spec);
  }

  /** The default's shape with its median (constant: value; uniform: centre) moved to {@code m}. */
  static LatencyModel withMedian(LatencySpec spec, long m) {
    if (spec instanceof LatencySpec.Uniform u) {
      long half = (u.maxNanos() - u.minNanos()) / 2;
      return new UniformLatency(Math.max(1, m - half), Math.max(1, m - half) + 2 * half);
    } else if (spec instanceof LatencySpec.LogNormal l) {
      return new ClampedLogNormalLatency(m, l.sigma(), Math.min(l.floorNanos(), m));
    }
    return new ConstantLatency(m);
  }

  static FaultSchedule faults(ScenarioSpec spec, Topology topology, List<String> notMapped) {
    List<Fault> out = new ArrayList<>();
    TreeSet<NodeId> byzantine = new TreeSet<>();
    for (FaultSpec f : spec.faults()) {
      long at = f.atNanos();
      if (f instanceof FaultSpec.Crash c) {
        nodes(topology, c.nodes()).forEach(n -> out.add(new Fault.Crash(at, n)));
      } else if (f instanceof FaultSpec.Restart r) {
        nodes(topology, r.nodes()).forEach(n -> out.add(new Fault.Restart(at, n)));
      } else if (f instanceof FaultSpec.Pause p) {
        nodes(topology, p.nodes()).forEach(n -> out.add(new Fault.Pause(at, n, at + p.forNanos())));
      } else if (f instanceof FaultSpec.ClockSkew s) {
        nodes(topology, s.nodes()).forEach(n -> out.add(new Fault.SkewClock(at, n, s.skewNanos())));
      } else if (f instanceof FaultSpec.Partition p) {
        List<Set<NodeId>> groups = new ArrayList<>();
        p.groups().forEach(g -> groups.add(new TreeSet<>(nodes(topology, g))));
        out.add(new Fault.PartitionNetwork(at, Partition.isolatingUnlisted(groups)));
      } else if (f instanceof FaultSpec.Heal) {
        out.add(new Fault.Heal(at));
      } else if (f instanceof FaultSpec.LinkFault l) {
        out.add(new Fault.DegradeLinks(at, new TreeSet<>(nodes(topology, l.from())),
            new TreeSet<>(nodes(topology, l.to())), l.loss(), l.extraDelayNanos(), l.untilNanos()));
      } else if (f instanceof FaultSpec.Byzantine b) {
        byzantine.addAll(nodes(topology, b.nodes()));
      } else if (f instanceof FaultSpec.SubnetLoss s) {
        topology.members(s.subnet()).forEach(n -> out.add(new Fault.Crash(at, n)));
      } else if (f instanceof FaultSpec.Reshare) {
        // Not a fault of the network or the nodes: the registry's decision, which the replica
        // factory carries out through consensus (WorldAssembly builds the reshare schedule).
      } else {
        notMapped.add("fault at line " + f.line() + " (" + f.getClass().getSimpleName()
            + "): needs the signing protocols");
      }
    }
    return new FaultSchedule(out, byzantine);
  }

  static List<NodeId> nodes(Topology topology, NodeSelector selector) {
    List<NodeId> members = topology.members(selector.subnet());
    List<NodeId> out = new ArrayList<>();
    for (int i : selector.indices()) {
      if (i < 0 || i >= members.size()) {
        throw new IllegalArgumentException("node " + i + " does not exist: subnet '"
            + selector.subnet() + "' has " + members.size() + " nodes");
      }
      out.add(members.get(i));
    }
    return out;
  }
}
