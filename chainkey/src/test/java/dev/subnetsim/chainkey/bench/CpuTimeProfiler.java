package dev.subnetsim.chainkey.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof dev.subnetsim.chainkey.bench.CpuTimeProfiler}) reporting the CPU
 * time the benchmark threads spent per operation, as the secondary metric {@value #LABEL}. On a
 * shared machine JMH's average time is wall time and grows with the load (several JVMs on two
 * cores); the CPU time of the thread doing the work does not, so the reference cost table uses it.
 * It counts only the JMH worker threads: none of the measured operations runs work on other
 * threads, and JIT and GC threads are left out on purpose.
 */
public final class CpuTimeProfiler implements InternalProfiler {

  /** The secondary metric's name (its key under "secondaryMetrics" in JMH's JSON results). */
  public static final String LABEL = "cpu.time";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Long> before = new HashMap<>();

  @Override
  public String getDescription() {
    return "CPU time of the benchmark threads per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    before.clear();
    workers().forEach(id -> before.put(id, threads.getThreadCpuTime(id)));
  }

  @Override
  public List<Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
      IterationResult result) {
    long cpu = 0;
    for (long id : workers()) {
      long now = threads.getThreadCpuTime(id);
      if (now >= 0) {
        cpu += now - before.getOrDefault(id, 0L);
      }
    }
    long ops = result.getMetadata().getAllOps();
    if (ops <= 0) {
      return List.of();
    }
    return List.of(new ScalarResult(LABEL, (double) cpu / ops, "ns/op", AggregationPolicy.AVG));
  }

  /** The live JMH worker threads (JMH names them "...-jmh-worker-N"). */
  private List<Long> workers() {
    return java.util.Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
        .filter(t -> t != null && t.getThreadName().contains("-jmh-worker-"))
        .map(ThreadInfo::getThreadId).toList();
  }
}
