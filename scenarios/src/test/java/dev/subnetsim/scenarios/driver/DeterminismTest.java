package dev.subnetsim.scenarios.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.scenarios.toy.LeakyToyLogic;
import dev.subnetsim.scenarios.toy.ToyWorld;
import dev.subnetsim.scenarios.RunRandom;
import dev.subnetsim.scenarios.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** Same seed => same trace hash, whatever the thread count or JVM; and the check has teeth. */
class DeterminismTest {

  @Test
  void sameSeedGivesTheSameTraceHashWithOneTwoAndFourDispatcherThreads() {
    ReplayCheck.Report report =
        ReplayCheck.run(threads -> DeterminismWorld.config(42, threads).build(), 1, 2, 4);

    assertThat(report.traceHashes()).hasSize(3);
    assertThat(report.deterministic()).as("hashes %s", report.traceHashes()).isTrue();
  }

  @Test
  void theDeterminismWorldIsNonTrivialAndPassesItsInvariants() {
    DriverOutcome r = SimulationDriver.run(DeterminismWorld.config(42, 2).build());

    assertThat(r.stopReason()).isEqualTo(StopReason.END_TIME);
    assertThat(r.violations()).isEmpty();
    assertThat(r.traceEvents()).isGreaterThan(1_000);
    assertThat(r.deliveredByKind()).containsKeys("beacon-share", "certification-share", "ingress");
    assertThat(r.maxFinalizedHeight().values()).allSatisfy(h -> assertThat(h).isGreaterThan(10));
  }

  /**
   * Pins the trace across JVMs, machines and commits. Update it only for an intended change of the
   * toy logic, the link model's sampling, the trace encoding or the driver's canonical order.
   */
  static final String GOLDEN_SEED_42 =
      "e33fb6b4b893c36b25752e7a3e0531a3c4756d0363f4fc4f6fc3c5bf514d0137";

  @Test
  void theTraceHashOfTheDeterminismWorldMatchesTheCommittedGolden() {
    assertThat(SimulationDriver.run(DeterminismWorld.config(42, 1).build()).traceHash())
        .isEqualTo(GOLDEN_SEED_42);
  }

  @Test
  void differentSeedsGiveDifferentTraceHashes() {
    String a = SimulationDriver.run(DeterminismWorld.config(1, 2).build()).traceHash();
    String b = SimulationDriver.run(DeterminismWorld.config(2, 2).build()).traceHash();

    assertThat(a).isNotEqualTo(b);
  }

  private static ReplayCheck.Report leakyRuns(LongSupplier leak, int... threads) {
    Topology topology = DeterminismWorld.topology();
    return ReplayCheck.run(t -> DeterminismWorld.config(42, t).build()
        .withLogic((node, inc) -> new LeakyToyLogic(node, topology.subnetOf(node),
            topology.members(topology.subnetOf(node)),
            RunRandom.forPurpose(42, "toy/" + node.value() + "/" + inc), ToyWorld.K,
            ToyWorld.PERIOD, leak)), threads);
  }

  @Test
  void aReplicaLogicReadingASharedCounterIsDetectedAsNondeterministic() {
    ReplayCheck.Report report = leakyRuns(LeakyToyLogic.sharedCounter(new AtomicLong()), 2, 2);

    assertThat(report.deterministic()).as("hashes %s", report.traceHashes()).isFalse();
  }

  @Test
  void aReplicaLogicDependingOnItsDispatcherThreadIsDetectedAcrossThreadCounts() {
    ReplayCheck.Report report = leakyRuns(LeakyToyLogic.currentThreadName(), 1, 4);

    assertThat(report.deterministic()).as("hashes %s", report.traceHashes()).isFalse();
  }

  @Test
  void aSecondJvmComputesTheSameTraceHash() throws IOException, InterruptedException {
    String here = SimulationDriver.run(DeterminismWorld.config(7, 1).build()).traceHash();

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        TraceHashMain.class.getName(), "7", "4").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("second JVM output: %s", out).isZero();

    List<String> lines = out.lines().filter(l -> l.startsWith("trace_hash=")).toList();
    assertThat(lines).as("second JVM output: %s", out).singleElement()
        .isEqualTo("trace_hash=" + here);
  }
}
