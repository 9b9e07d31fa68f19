package dev.subnetsim.scenarios.driver;

import static dev.subnetsim.scenarios.toy.ToyWorld.MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.net.Envelope;
import dev.subnetsim.scenarios.faults.Fault;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.net.ConstantLatency;
import dev.subnetsim.scenarios.net.LinkModel;
import dev.subnetsim.scenarios.net.SendInterceptor;
import dev.subnetsim.scenarios.topology.Topology;
import dev.subnetsim.scenarios.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What happens between a replica's send and the receiver: CPU time, interceptors, latency. */
class SendPathTest {
  private static final Topology TWO = Topology.singleSubnet("app", 2);

  private static List<TraceEvent> run(long cpuNanos, SendInterceptor... interceptors) {
    List<TraceEvent> trace = new ArrayList<>();
    SimulationConfig.Builder b = SimulationConfig.builder(TWO,
            (n, i) -> new PingOnceLogic(n, cpuNanos), LinkModel.builder(new ConstantLatency(10 * MS)))
        .traceSink(trace::add);
    for (SendInterceptor i : interceptors) {
      b.interceptor(i);
    }
    SimulationDriver.run(b.build());
    return trace;
  }

  private static List<String> received(List<TraceEvent> trace) {
    return trace.stream().filter(e -> e instanceof TraceEvent.Observed)
        .map(e -> (Observation.Metric) ((TraceEvent.Observed) e).observation())
        .map(m -> m.name() + "@" + (long) m.value()).toList();
  }

  @Test
  void aMessageArrivesAfterTheLinkLatency() {
    assertThat(received(run(0))).containsExactly("got-1@" + 10 * MS);
  }

  @Test
  void virtualCpuTimeChargedByAStepDelaysItsSends() {
    assertThat(received(run(5 * MS))).containsExactly("got-1@" + 15 * MS);
  }

  @Test
  void anInterceptorCanWithholdAMessageAndTheTraceSaysSo() {
    List<TraceEvent> trace = run(0, (t, e, rng) -> List.of());

    assertThat(received(trace)).isEmpty();
    assertThat(trace).filteredOn(e -> e instanceof TraceEvent.Dropped d
        && d.reason().equals("intercepted") && d.kind().equals("beacon-share")).hasSize(1);
  }

  @Test
  void interceptorsCanTamperWithAndDuplicateMessagesInOrder() {
    SendInterceptor tamper = (t, e, rng) ->
        List.of(new Envelope(e.from(), e.to(), e.kind(), new byte[] {9, 2, 3}));
    SendInterceptor duplicate = (t, e, rng) -> List.of(e, e);

    List<TraceEvent> trace = run(0, tamper, duplicate);

    assertThat(received(trace)).containsExactly("got-9@" + 10 * MS, "got-9@" + 10 * MS);
    assertThat(trace).filteredOn(e -> e instanceof TraceEvent.Delivered).hasSize(2);
  }

  @Test
  void aPausedReceiverGetsItsMessagesWhenThePauseEnds() {
    List<TraceEvent> trace = new ArrayList<>();
    FaultSchedule pause = new FaultSchedule(
        List.of(new Fault.Pause(5 * MS, new NodeId(1), 50 * MS)), Set.of());
    SimulationDriver.run(SimulationConfig.builder(TWO, (n, i) -> new PingOnceLogic(n, 0),
            LinkModel.builder(new ConstantLatency(10 * MS)))
        .faults(pause).traceSink(trace::add).build());

    assertThat(received(trace)).containsExactly("got-1@" + 50 * MS);
    assertThat(trace).filteredOn(e -> e instanceof TraceEvent.Delivered)
        .extracting(TraceEvent::timeNanos).containsExactly(50 * MS);
  }

  private static List<TraceEvent> runWith(long cpuNanos, Fault... faults) {
    List<TraceEvent> trace = new ArrayList<>();
    SimulationDriver.run(SimulationConfig.builder(TWO, (n, i) -> new PingOnceLogic(n, cpuNanos),
            LinkModel.builder(new ConstantLatency(10 * MS)))
        .faults(new FaultSchedule(List.of(faults), Set.of())).traceSink(trace::add).build());
    return trace;
  }

  @Test
  void degradedLinksAddDelayOrLossOnlyForSendsInsideTheirInterval() {
    Set<NodeId> zero = Set.of(new NodeId(0));
    Set<NodeId> one = Set.of(new NodeId(1));

    assertThat(received(runWith(0, new Fault.DegradeLinks(0, zero, one, 0, 7 * MS, MS))))
        .containsExactly("got-1@" + 17 * MS);
    assertThat(received(runWith(5 * MS, new Fault.DegradeLinks(0, zero, one, 0, 7 * MS, MS))))
        .as("sent at 5 ms, after the degradation ended").containsExactly("got-1@" + 15 * MS);
    assertThat(received(runWith(0, new Fault.DegradeLinks(0, one, zero, 0, 7 * MS, MS))))
        .as("other direction").containsExactly("got-1@" + 10 * MS);
    List<TraceEvent> lossy = runWith(0, new Fault.DegradeLinks(0, zero, one, 1.0, 0, MS));
    assertThat(received(lossy)).isEmpty();
    assertThat(lossy).filteredOn(e -> e instanceof TraceEvent.Dropped d
        && d.reason().equals("link-fault")).hasSize(1);
  }

  @Test
  void aClockStepChangesWhatTheReplicaReadsFromThenOn() {
    assertThat(received(runWith(0, new Fault.SkewClock(5 * MS, new NodeId(1), 3 * MS))))
        .containsExactly("got-1@" + 13 * MS);
    assertThat(received(runWith(0, new Fault.SkewClock(15 * MS, new NodeId(1), 3 * MS))))
        .as("the step comes after the delivery").containsExactly("got-1@" + 10 * MS);
  }
}
