package dev.subnetsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.ReplicaActor;
import dev.subnetsim.replica.TimedEvent;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.BehaviorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestInbox;
import org.junit.jupiter.api.Test;

/** A hosted replica is built from the run's scenario and seed, then steps like ReplicaActor. */
class ReplicaEntityTest {
  private static final String YAML = """
      name: entity
      seed: 2
      duration: 2s
      subnets:
        - {name: root, role: root, nodes: 4}
      consensus: {crypto: cheap}
      """;
  private static final NodeId NODE = new NodeId(0);

  @Test
  void aPreparedReplicaBootsAndAnswersItsStepNamingItsMember() {
    MemberRuns runs = new MemberRuns();
    var kit = BehaviorTestKit.create(ReplicaEntity.create(runs, "10.0.0.1:2552"));
    TestInbox<DriverProtocol.Prepared> prepared = TestInbox.create();
    TestInbox<DriverProtocol.Answer> stepped = TestInbox.create();

    kit.run(new DriverProtocol.Prepare("r1", NODE, "e.yaml", YAML, 2, prepared.getRef()));
    kit.run(new DriverProtocol.Step("r1", NODE, 0,
        List.of(new TimedEvent(0, new InboundEvent.Start(0))), 1_000_000, stepped.getRef()));

    assertThat(prepared.receiveMessage()).isEqualTo(
        new DriverProtocol.Prepared(NODE, "", "10.0.0.1:2552"));
    ReplicaActor.Stepped answer = stepped.receiveMessage().stepped();
    assertThat(answer.failed()).isFalse();
    assertThat(answer.steps()).isNotEmpty();
    assertThat(runs.size()).isEqualTo(1);
  }

  @Test
  void aScenarioTheMemberCannotBuildIsRefusedWithTheReason() {
    var kit = BehaviorTestKit.create(ReplicaEntity.create(new MemberRuns(), "m:1"));
    TestInbox<DriverProtocol.Prepared> prepared = TestInbox.create();

    kit.run(new DriverProtocol.Prepare("r1", NODE, "bad.yaml", "name: [", 2, prepared.getRef()));

    DriverProtocol.Prepared p = prepared.receiveMessage();
    assertThat(p.ready()).isFalse();
    assertThat(p.refusal()).contains("bad.yaml");
  }

  @Test
  void aStepBeforePrepareIsAnsweredAsLostStateNotAsTheReplicasFault() {
    var kit = BehaviorTestKit.create(ReplicaEntity.create(new MemberRuns(), "m:1"));
    TestInbox<DriverProtocol.Answer> stepped = TestInbox.create();

    kit.run(new DriverProtocol.Step("r1", NODE, 4, List.of(), 10, stepped.getRef()));

    assertThat(stepped.receiveMessage().stepped().failure())
        .isInstanceOf(ReplicaEntity.NotPrepared.class).hasMessageContaining("m:1");
  }

  @Test
  void releaseForgetsTheRunOnTheMember() {
    MemberRuns runs = new MemberRuns();
    var kit = BehaviorTestKit.create(ReplicaEntity.create(runs, "m:1"));
    kit.run(new DriverProtocol.Prepare("r1", NODE, "e.yaml", YAML, 2,
        TestInbox.<DriverProtocol.Prepared>create().getRef()));

    kit.run(new DriverProtocol.Release("r1", NODE));

    assertThat(runs.size()).isZero();
    assertThat(kit.isAlive()).isFalse();
  }
}
