package dev.subnetsim.scenarios.bench;

import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.crypto.CryptoOpCounter;
import dev.subnetsim.consensus.crypto.VerificationCache;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.node.ConsensusReplicaFactory;
import dev.subnetsim.scenarios.driver.DriverOutcome;
import dev.subnetsim.scenarios.driver.SimulationConfig;
import dev.subnetsim.scenarios.driver.SimulationDriver;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.invariants.HeightAgreementChecker;
import dev.subnetsim.scenarios.net.ConstantLatency;
import dev.subnetsim.scenarios.net.LinkModel;
import dev.subnetsim.scenarios.topology.Topology;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Simulated seconds per wall second and peak heap of one subnet running the real consensus logic
 * (real BLS, default delays: unit delay 1 s, initial notary delay 300 ms; 20 ms links), with and
 * without the shared verification cache, on 1 or 2 dispatcher threads, and the crypto floor: the
 * operations the run performed (counted) priced with unit costs measured in the same JVM
 * ({@link CryptoUnitCosts}); wall/floor says how much the simulator adds on top of the crypto it
 * cannot avoid. Genesis key generation (DKG) happens before the clock starts; after it the beacon
 * and certification keys are reshared every {@link #DKG_INTERVAL} heights, and that DKG work
 * (dealing, transcripts, decrypting shares) is not in the floor, so it counts against wall/floor.
 *
 * <p>Run: {@code ./mvnw -q -pl scenarios -am -DskipNode=true -Psim-bench test-compile exec:exec
 * -Dbench.main=dev.subnetsim.scenarios.bench.ConsensusThroughputBench -Djmh.args='10 4 13 34 40'}
 */
public final class ConsensusThroughputBench {
  /** Short enough that a 10 s run (about 29 heights) reshares the keys twice. */
  static final int DKG_INTERVAL = 10;

  private ConsensusThroughputBench() {}

  public static String measure(int n, int threads, double simSeconds, boolean sharedCache,
      Map<CryptoOpCounter.Op, Double> unit) {
    Topology topology = Topology.singleSubnet("app", n);
    SubnetId app = new SubnetId("app");
    List<NodeId> members = topology.members(app);
    ConsensusReplicaFactory factory = new ConsensusReplicaFactory(1, Map.of(app, members),
        s -> {
          ConsensusConfig d = ConsensusConfig.defaults(s, members);
          return new ConsensusConfig(s, members, d.unitDelayNanos(), d.initialNotaryDelayNanos(),
              d.maxIngressPerBlock(), d.cupInterval(), DKG_INTERVAL);
        }, Map.of(),
        sharedCache ? VerificationCache.shared() : VerificationCache.disabled());
    long end = (long) (simSeconds * 1e9);
    SimulationConfig config = SimulationConfig.builder(topology, factory,
            LinkModel.builder(new ConstantLatency(20_000_000L)))
        .seed(1).endNanos(end).dispatcherThreads(threads)
        .checker(HeightAgreementChecker.finalization(FaultSchedule.none()))
        .build();
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    DriverOutcome r = SimulationDriver.run(config);
    double wall = (System.nanoTime() - start) / 1e9;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    Map<CryptoOpCounter.Op, Long> ops = factory.crypto(app).ops().snapshot();
    double floor = 0;
    for (var e : ops.entrySet()) {
      floor += e.getValue() * unit.get(e.getKey()) / 1e9;
    }
    return String.format(Locale.ROOT,
        "consensus n=%3d threads=%d cache=%-5s sim=%5.1fs wall=%7.2fs sim/wall=%6.2f height=%4d"
            + " steps=%7d peakHeap=%6.1fMB cryptoFloor=%6.2fs wall/floor=%5.2f passed=%s%n    ops %s",
        n, threads, sharedCache, r.virtualNanos() / 1e9, wall, r.virtualNanos() / 1e9 / wall,
        r.maxFinalizedHeight().getOrDefault(app, 0L), r.logicSteps(), peak / (1024.0 * 1024.0),
        floor, wall / floor, r.passed(), ops);
  }

  /** Args: [simSeconds] [n...]; runs threads 1 and 2 with the cache, and n=13 without it. */
  public static void main(String[] args) {
    double sim = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    int[] sizes = args.length > 1
        ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
        : new int[] {4, 13, 34, 40};
    for (int n : sizes) {
      // Unit costs first, so the runs are priced with this machine's figures under no other load.
      Map<CryptoOpCounter.Op, Double> unit = CryptoUnitCosts.measureNanos(n);
      System.out.printf(Locale.ROOT, "unit costs n=%d (us): %s%n", n, unit.entrySet().stream()
          .map(e -> e.getKey() + "=" + String.format(Locale.ROOT, "%.0f", e.getValue() / 1e3)).toList());
      for (int threads : new int[] {1, 2}) {
        System.out.println(measure(n, threads, sim, true, unit));
      }
    }
    System.out.println(measure(13, 1, sim, false, CryptoUnitCosts.measureNanos(13)));
  }
}
