package dev.subnetsim.scenarios.driver;

import static dev.subnetsim.scenarios.toy.ToyWorld.MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.StepOutput;
import dev.subnetsim.scenarios.driver.SimulationConfig.IngressInjection;
import dev.subnetsim.scenarios.faults.Fault;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.invariants.InvariantChecker;
import dev.subnetsim.scenarios.invariants.Violation;
import dev.subnetsim.scenarios.net.ConstantLatency;
import dev.subnetsim.scenarios.net.LinkModel;
import dev.subnetsim.scenarios.topology.Topology;
import dev.subnetsim.scenarios.toy.ToyWorld;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The driver's hook for live runs: silent, it changes nothing; it injects clients' messages and
 * faults asked for from outside.
 */
class LiveHookTest {
  private static final Topology FOUR = Topology.singleSubnet("app", 4);
  private static final NodeId N2 = new NodeId(2);

  @Test
  void aHookThatInjectsNothingLeavesTheRunAndItsTraceHashUnchanged() {
    DriverOutcome plain = SimulationDriver.run(
        ToyWorld.config(FOUR, 5, FaultSchedule.none(), 1_000 * MS, 2).build());
    List<long[]> calls = new ArrayList<>();
    DriverOutcome hooked;
    try (SimulationDriver d = new SimulationDriver(
        ToyWorld.config(FOUR, 5, FaultSchedule.none(), 1_000 * MS, 2).build(), (done, next) -> {
          calls.add(new long[] {done, next});
          return List.of();
        })) {
      hooked = d.run();
    }
    assertThat(hooked.traceHash()).isEqualTo(plain.traceHash());
    assertThat(calls).hasSizeGreaterThan(10);
    for (int i = 0; i < calls.size(); i++) {
      assertThat(calls.get(i)[1]).as("next event").isGreaterThanOrEqualTo(calls.get(i)[0]);
      if (i > 0) {
        assertThat(calls.get(i)[0]).as("done until").isGreaterThanOrEqualTo(calls.get(i - 1)[0]);
      }
    }
  }

  @Test
  void anInjectedMessageReachesItsReplicaWhenEverythingBeforeHasHappened() {
    List<long[]> seen = new ArrayList<>();
    InvariantChecker recorder = new InvariantChecker() {
      public String name() {
        return "recorder";
      }

      public List<Violation> onObservation(long t, NodeId node, Observation o) {
        if (o instanceof Observation.Metric m && m.name().equals("ingress")) {
          seen.add(new long[] {t, node.value(), (long) m.value()});
        }
        return List.of();
      }
    };
    SimulationConfig cfg = SimulationConfig.builder(FOUR, (n, i) -> (now, events) -> {
      StepOutput.Builder out = StepOutput.builder(n, List.of());
      events.stream().filter(e -> e instanceof InboundEvent.IngressSubmitted)
          .forEach(e -> out.observe(new Observation.Metric("ingress", now)));
      return out.build();
    }, LinkModel.builder(new ConstantLatency(10 * MS)))
        .checker(recorder)
        .ingress(2_000 * MS, new NodeId(0), new byte[] {9}) // keeps time moving past 500 ms
        .endNanos(3_000 * MS)
        .build();
    long[] injectedAt = {-1};
    try (SimulationDriver d = new SimulationDriver(cfg, (done, next) -> {
      if (injectedAt[0] < 0 && next >= 500 * MS) {
        injectedAt[0] = done;
        return List.of(new IngressInjection(0, N2, new byte[] {7})); // "0": in the past
      }
      return List.of();
    })) {
      d.run();
    }
    assertThat(injectedAt[0]).isGreaterThan(0);
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)[1]).isEqualTo(2);
    assertThat(seen.get(0)[2]).as("delivered when everything before had happened")
        .isEqualTo(injectedAt[0]);
    assertThat(seen.get(1)[2]).isEqualTo(2_000 * MS);
  }
  @Test
  void aFaultAskedForFromOutsideChangesTheRunTheSameWayEachTime() {
    DriverOutcome plain = SimulationDriver.run(
        ToyWorld.config(FOUR, 5, FaultSchedule.none(), 1_000 * MS, 2).build());
    long[] askedAt = new long[2];
    DriverOutcome first = crashNodeTwoAfter(500 * MS, askedAt, 0);
    DriverOutcome second = crashNodeTwoAfter(500 * MS, askedAt, 1);
    assertThat(askedAt[0]).isGreaterThanOrEqualTo(500 * MS).isEqualTo(askedAt[1]);
    assertThat(first.traceHash()).isNotEqualTo(plain.traceHash())
        .isEqualTo(second.traceHash());
    assertThat(first.traceEvents()).as("the fault is in the trace")
        .isNotEqualTo(plain.traceEvents());
  }

  /** A run whose hook asks for node 2's crash once virtual time reaches {@code after}. */
  private static DriverOutcome crashNodeTwoAfter(long after, long[] askedAt, int slot) {
    askedAt[slot] = -1;
    LiveHook hook = new LiveHook() {
      @Override
      public List<IngressInjection> between(long done, long next) {
        return List.of();
      }

      @Override
      public List<Fault> faultsNow(long done) {
        if (askedAt[slot] < 0 && done >= after) {
          askedAt[slot] = done;
          return List.of(new Fault.Crash(0, N2)); // "0": its time is ignored
        }
        return List.of();
      }
    };
    try (SimulationDriver d = new SimulationDriver(
        ToyWorld.config(FOUR, 5, FaultSchedule.none(), 1_000 * MS, 2).build(), hook)) {
      return d.run();
    }
  }
}
