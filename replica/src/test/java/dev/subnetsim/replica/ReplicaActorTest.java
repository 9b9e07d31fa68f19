package dev.subnetsim.replica;

import dev.subnetsim.consensus.types.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.net.Envelope;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.BehaviorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestInbox;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ReplicaActorTest {
  private static final ActorTestKit KIT =
      ActorTestKit.create(ConfigFactory.parseString("pekko.loglevel = WARNING"));
  private static final NodeId SELF = new NodeId(1);

  @AfterAll
  static void shutdown() {
    KIT.shutdownTestKit();
  }

  @Test
  void aStepIsAnsweredWithTheLogicsOutputsAndItsSendsAreEnvelopesNotActorMessages() {
    BehaviorTestKit<ReplicaActor.Command> kit =
        BehaviorTestKit.create(ReplicaActor.create(SELF, RecordingLogic::new));
    TestInbox<ReplicaActor.Stepped> inbox = TestInbox.create();

    kit.run(new ReplicaActor.Step(7, List.of(new TimedEvent(0, new InboundEvent.Start(0))), 25,
        inbox.getRef()));

    ReplicaActor.Stepped reply = inbox.receiveMessage();
    assertThat(reply.node()).isEqualTo(SELF);
    assertThat(reply.stepSeq()).isEqualTo(7);
    assertThat(reply.failed()).isFalse();
    assertThat(reply.steps()).extracting(LocalStep::localNanos).containsExactly(0L, 10L, 20L);
    assertThat(reply.steps().get(1).output().sends())
        .containsExactly(
            new Envelope(SELF, new NodeId(0), MessageKind.BEACON_SHARE, new byte[] {1}),
            new Envelope(SELF, new NodeId(2), MessageKind.BEACON_SHARE, new byte[] {1}));
    assertThat(reply.steps().get(2).output().timers()).containsExactly(new TimerRequest(30, 3));
    assertThat(kit.hasEffects()).isFalse();
  }

  @Test
  void aThrowingLogicIsReportedAsAFailedStepInsteadOfLeavingTheDriverWaiting() {
    BehaviorTestKit<ReplicaActor.Command> kit = BehaviorTestKit.create(ReplicaActor.create(SELF,
        (n, i) -> (now, events) -> {
          throw new IllegalStateException("boom");
        }));
    TestInbox<ReplicaActor.Stepped> inbox = TestInbox.create();

    kit.run(new ReplicaActor.Step(1, List.of(new TimedEvent(0, new InboundEvent.Start(0))), 5,
        inbox.getRef()));

    ReplicaActor.Stepped reply = inbox.receiveMessage();
    assertThat(reply.failed()).isTrue();
    assertThat(reply.failure()).hasMessageContaining("boom");
  }

  @Test
  void crashAndRestartCommandsDriveTheLifecycleOnARealActor() {
    ActorRef<ReplicaActor.Command> replica = KIT.spawn(ReplicaActor.create(SELF, RecordingLogic::new));
    TestProbe<ReplicaActor.Stepped> probe = KIT.createTestProbe();
    Envelope in = new Envelope(new NodeId(2), SELF, MessageKind.BEACON_SHARE, new byte[0]);

    replica.tell(new ReplicaActor.Restart(1, 0, 0, probe.getRef()));
    assertThat(probe.receiveMessage().steps()).hasSize(1);
    replica.tell(new ReplicaActor.Crash(2, 5, probe.getRef()));
    probe.receiveMessage();
    replica.tell(new ReplicaActor.Step(3,
        List.of(new TimedEvent(6, new InboundEvent.MessageDelivered(in))), 7, probe.getRef()));
    assertThat(probe.receiveMessage().steps()).as("a crashed replica does not step").isEmpty();
    replica.tell(new ReplicaActor.Restart(4, 8, 1, probe.getRef()));
    ReplicaActor.Stepped restarted = probe.receiveMessage();
    assertThat(restarted.steps()).singleElement().extracting(LocalStep::incarnation).isEqualTo(1);
  }
}
