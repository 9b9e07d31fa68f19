package dev.subnetsim.replica;

import dev.subnetsim.consensus.types.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.net.Envelope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaShellTest {
  private static final NodeId SELF = new NodeId(1);
  private final List<RecordingLogic> created = new ArrayList<>();
  private final ReplicaShell shell =
      new ReplicaShell(SELF, (node, inc) -> {
        RecordingLogic l = new RecordingLogic(node, inc);
        created.add(l);
        return l;
      });

  private static TimedEvent msg(long t, int from) {
    return new TimedEvent(t, new InboundEvent.MessageDelivered(
        new Envelope(new NodeId(from), SELF, MessageKind.BEACON_SHARE, new byte[] {1})));
  }

  @Test
  void timersBeforeTheHorizonFireInsideTheWindowInterleavedWithMessages() {
    List<LocalStep> steps = shell.runWindow(
        List.of(new TimedEvent(0, new InboundEvent.Start(0)), msg(15, 2)), 100);

    assertThat(created.get(0).log)
        .containsExactly("0:Start", "10:timer1", "15:msg-from-2", "20:timer2", "30:timer3");
    assertThat(steps).extracting(LocalStep::localNanos).containsExactly(0L, 10L, 15L, 20L, 30L);
    assertThat(steps).allSatisfy(s -> assertThat(s.output().timers()).isEmpty());
  }

  @Test
  void timersAtOrAfterTheHorizonAreReturnedToTheDriver() {
    List<LocalStep> steps = shell.runWindow(List.of(new TimedEvent(0, new InboundEvent.Start(0))), 10);

    assertThat(steps).hasSize(1);
    assertThat(steps.get(0).output().timers()).containsExactly(new TimerRequest(10, 1));
    assertThat(created.get(0).log).containsExactly("0:Start");
  }

  @Test
  void crashDropsLaterEventsAndPendingTimersAndRestartCreatesAFreshIncarnation() {
    shell.runWindow(List.of(new TimedEvent(0, new InboundEvent.Start(0))), 5);
    List<LocalStep> steps = shell.runWindow(
        List.of(msg(6, 2), new TimedEvent(7, new InboundEvent.Crash()), msg(8, 2)), 100);

    assertThat(shell.isUp()).isFalse();
    assertThat(created.get(0).log).containsExactly("0:Start", "6:msg-from-2");
    assertThat(steps).hasSize(1);

    List<LocalStep> after = shell.runWindow(
        List.of(new TimedEvent(200, new InboundEvent.Start(1)), msg(201, 0)), 205);
    assertThat(created).hasSize(2);
    assertThat(created.get(1).incarnation).isEqualTo(1);
    assertThat(created.get(1).log).containsExactly("200:Start", "201:msg-from-0");
    assertThat(after).extracting(LocalStep::incarnation).containsOnly(1);
  }

  @Test
  void eventsBeyondTheHorizonAreRejected() {
    assertThatThrownBy(() -> shell.runWindow(List.of(msg(10, 2)), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizon");
  }

  @Test
  void outOfOrderEventsAreRejected() {
    assertThatThrownBy(() -> shell.runWindow(List.of(msg(5, 2), msg(4, 2)), 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLogicThatKeepsSettingTimersAtItsOwnNowIsStopped() {
    ReplicaShell looping = new ReplicaShell(SELF, (n, i) -> (now, events) ->
        StepOutput.builder(n, List.of()).timer(now, 7).build());
    assertThatThrownBy(() -> looping.runWindow(
        List.of(new TimedEvent(0, new InboundEvent.Start(0))), 10))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("timer loop");
  }
}
