package dev.subnetsim.scenarios.bench;

import static dev.subnetsim.scenarios.toy.ToyWorld.MS;

import dev.subnetsim.scenarios.driver.DriverOutcome;
import dev.subnetsim.scenarios.driver.SimulationDriver;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.topology.Topology;
import dev.subnetsim.scenarios.toy.ToyWorld;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Driver throughput: simulated seconds per wall second and peak heap for one toy subnet of N
 * nodes (gossip logic, log-normal WAN links with bandwidth, agreement and progress checkers), per
 * dispatcher thread count. Measures the world's overhead (actors, queue, link model, trace hash);
 * the coordinator reruns it with the consensus logic. Wall-clock reads are fine here: this is a
 * measurement, not a simulation input.
 *
 * <p>Run: {@code mvn -o -q -pl scenarios -am test -Dtest=DriverThroughputBenchTest
 * -Dtest.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}, or this main on the test
 * classpath with args {@code [simSeconds] [threads...]}.
 */
public final class DriverThroughputBench {
  private DriverThroughputBench() {}

  /** One measured configuration. */
  public record Row(int nodes, int threads, double simSeconds, double wallSeconds, long steps,
      long messages, double peakHeapMb, String traceHash) {
    double simPerWall() {
      return simSeconds / wallSeconds;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "n=%3d threads=%d sim=%5.1fs wall=%6.2fs sim/wall=%7.2f steps=%8d msgs=%8d"
              + " peakHeap=%6.1fMB hash=%s",
          nodes, threads, simSeconds, wallSeconds, simPerWall(), steps, messages, peakHeapMb,
          traceHash.substring(0, 12));
    }
  }

  public static Row measure(int nodes, int threads, double simSeconds) {
    Topology topology = Topology.singleSubnet("app", nodes);
    long end = (long) (simSeconds * 1000) * MS;
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    DriverOutcome r = SimulationDriver.run(
        ToyWorld.config(topology, 1, FaultSchedule.none(), end, threads).build());
    double wall = (System.nanoTime() - start) / 1e9;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    long messages = r.deliveredByKind().values().stream().mapToLong(v -> v[0]).sum();
    return new Row(nodes, threads, r.virtualNanos() / 1e9, wall, r.logicSteps(), messages,
        peak / (1024.0 * 1024.0), r.traceHash());
  }

  public static List<Row> run(double simSeconds, int... threadCounts) {
    measure(4, 1, 2); // warm-up: JIT and actor system classes
    List<Row> rows = new ArrayList<>();
    for (int n : new int[] {4, 13, 34, 40}) {
      for (int threads : threadCounts) {
        Row row = measure(n, threads, simSeconds);
        System.out.println(row);
        rows.add(row);
      }
    }
    return rows;
  }

  public static void main(String[] args) {
    double sim = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    int[] threads = args.length > 1
        ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
        : new int[] {1, 2};
    run(sim, threads);
  }
}
