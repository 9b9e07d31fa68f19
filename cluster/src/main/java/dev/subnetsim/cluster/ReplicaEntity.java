package dev.subnetsim.cluster;

import dev.subnetsim.replica.ReplicaActor;
import dev.subnetsim.replica.ReplicaShell;
import dev.subnetsim.scenarios.engine.KeyReport;
import dev.subnetsim.scenarios.engine.KeyReporter;
import dev.subnetsim.scenarios.engine.ScenarioRunner;
import java.util.List;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * One replica hosted on a cluster member, as a sharded entity: the member-side twin of
 * {@code replica.ReplicaActor} (the same {@link ReplicaShell}, the same answers), set up by a
 * {@link DriverProtocol.Prepare} instead of at creation, because a member learns the run from the
 * driver.
 */
final class ReplicaEntity {
  static final EntityTypeKey<DriverProtocol.Command> TYPE =
      EntityTypeKey.create(DriverProtocol.Command.class, "subnet-sim-replica");

  private ReplicaEntity() {}

  /**
   * A replica that has lost its state (its shard started anew on some member): an error of the
   * cluster, which the driver reports as a lost member, never a finding against the replica.
   */
  static final class NotPrepared extends IllegalStateException {
    NotPrepared(String message) {
      super(message);
    }
  }

  /** A replica waiting for its run. */
  static Behavior<DriverProtocol.Command> create(MemberRuns runs, String member) {
    return Behaviors.receive(DriverProtocol.Command.class)
        .onMessage(DriverProtocol.Prepare.class, p -> prepare(runs, member, p))
        .onMessage(DriverProtocol.Step.class, s -> {
          s.replyTo().tell(new DriverProtocol.Answer(new ReplicaActor.Stepped(s.node(),
              s.stepSeq(), List.of(), new NotPrepared("replica " + s.node() + " of run "
                  + s.runId() + " on member " + member
                  + " was stepped before it was prepared: its state is lost")), KeyReport.NONE));
          return Behaviors.same();
        })
        .onMessage(DriverProtocol.Release.class, r -> Behaviors.stopped())
        .build();
  }

  private static Behavior<DriverProtocol.Command> prepare(MemberRuns runs, String member,
      DriverProtocol.Prepare p) {
    ReplicaShell shell;
    KeyReporter keys;
    try {
      ScenarioRunner.Hosted hosted = runs.hosted(p.runId(), p.scenarioSource(),
          p.scenarioYaml(), p.seed());
      shell = new ReplicaShell(p.node(), hosted.factory());
      keys = hosted.keys();
    } catch (RuntimeException e) {
      p.replyTo().tell(new DriverProtocol.Prepared(p.node(), "member cannot build the run: " + e,
          member));
      return Behaviors.same();
    }
    p.replyTo().tell(new DriverProtocol.Prepared(p.node(), "", member));
    return prepared(runs, member, p.runId(), shell, keys);
  }

  private static Behavior<DriverProtocol.Command> prepared(MemberRuns runs, String member,
      String runId, ReplicaShell shell, KeyReporter keys) {
    return Behaviors.receive(DriverProtocol.Command.class)
        .onMessage(DriverProtocol.Prepare.class, p -> {
          // A repeated Prepare (the driver's ask retried): the replica is ready as it is.
          p.replyTo().tell(new DriverProtocol.Prepared(p.node(), "", member));
          return Behaviors.same();
        })
        .onMessage(DriverProtocol.Step.class, s -> {
          DriverProtocol.Answer reply;
          try {
            keys.adopt(s.adopt());
            var stepped = ReplicaActor.Stepped.ok(shell.node(), s.stepSeq(),
                shell.runWindow(s.events(), s.horizonLocalNanos()));
            reply = new DriverProtocol.Answer(stepped, keys.after(shell.node()));
          } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // As ReplicaActor: answer instead of dying, so the driver never waits in vain.
            reply = new DriverProtocol.Answer(
                new ReplicaActor.Stepped(shell.node(), s.stepSeq(), List.of(), e), KeyReport.NONE);
          }
          s.replyTo().tell(reply);
          return Behaviors.same();
        })
        .onMessage(DriverProtocol.Release.class, r -> {
          runs.release(runId);
          return Behaviors.stopped();
        })
        .build();
  }
}
