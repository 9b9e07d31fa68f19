package dev.subnetsim.app.run;

import dev.subnetsim.scenarios.engine.ScenarioRun;
import dev.subnetsim.scenarios.engine.ScenarioRunner;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.trace.JsonLinesSink;
import dev.subnetsim.scenarios.trace.TraceEvent;
import dev.subnetsim.scenarios.trace.TraceSink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;

/**
 * One timed run of {@code subnet-sim bench}: the scenario cut to a duration, with the trace
 * written as {@code subnet-sim run} writes it (JSON lines through gzip, here into a discarding
 * stream), so the figures include the trace's cost. Wall time is only measured, never fed back.
 */
public final class BenchRunner {
  private BenchRunner() {}

  /**
   * What one run measured. {@code heapBytesPerReplica} is -1 when not probed: otherwise the heap
   * in use just after a full {@code System.gc()} made when the run reaches its last simulated
   * second (the world still alive), divided by the replicas; the pause is left out of the wall.
   * {@code cpuSeconds} is the CPU time of the whole JVM over the run (all threads, GC and JIT
   * included), which other jobs on a shared machine disturb far less than wall time.
   */
  public record Measured(double simSeconds, double wallSeconds, double cpuSeconds,
      String traceHash, long heapBytesPerReplica) {}

  /** Runs {@code spec} for {@code durationNanos} with {@code threads} dispatcher threads. */
  public static Measured run(ScenarioSpec spec, long durationNanos, int threads,
      boolean probeHeap) {
    ScenarioSpec cut = withDuration(spec, durationNanos);
    long probeAt = durationNanos - Math.min(1_000_000_000L, durationNanos / 10);
    WallTimer timer = WallTimer.start();
    long cpuStart = cpuNanos();
    HeapProbe probe;
    ScenarioRun run;
    try (Writer trace = TraceFiles.gzipWriter(OutputStream.nullOutputStream())) {
      probe = new HeapProbe(new JsonLinesSink(trace), probeHeap ? probeAt : Long.MAX_VALUE);
      run = ScenarioRunner.run(cut, new ScenarioRunner.Options(spec.seed(), threads, probe, ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double wall = timer.seconds() - probe.pauseSeconds;
    double cpu = (cpuNanos() - cpuStart) / 1e9 - probe.pauseSeconds;
    long perReplica = probe.heapBytes < 0 ? -1 : probe.heapBytes / Math.max(1, spec.totalNodes());
    return new Measured(run.result().simSeconds(), wall, cpu, run.result().traceHash(),
        perReplica);
  }

  /** CPU time of this JVM so far, or 0 where the platform does not report it. */
  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  /** The scenario with another duration (faults after it never happen). */
  public static ScenarioSpec withDuration(ScenarioSpec s, long durationNanos) {
    return new ScenarioSpec(s.name(), s.description(), s.seed(), durationNanos, s.faultBudget(),
        s.subnets(), s.consensus(), s.cpu(), s.network(), s.workload(), s.faults(), s.invariants(),
        s.pass());
  }

  /**
   * Passes trace events on; at the first one at or after {@code at} it collects garbage and reads
   * the heap in use, timing that pause so it can be left out of the run's wall time.
   */
  private static final class HeapProbe implements TraceSink {
    private final TraceSink next;
    private final long at;
    private long heapBytes = -1;
    private double pauseSeconds;

    HeapProbe(TraceSink next, long at) {
      this.next = next;
      this.at = at;
    }

    @Override
    public void accept(TraceEvent event) {
      next.accept(event);
      if (heapBytes < 0 && event.timeNanos() >= at) {
        WallTimer pause = WallTimer.start();
        System.gc();
        heapBytes = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        pauseSeconds = pause.seconds();
      }
    }
  }
}
