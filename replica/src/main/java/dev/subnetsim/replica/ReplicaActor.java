package dev.subnetsim.replica;

import dev.subnetsim.consensus.types.NodeId;
import java.util.List;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * A replica as a Pekko Typed actor: a thin shell around {@link ReplicaShell} and its
 * {@link ReplicaLogic}. In simulated mode its only correspondent is the driver: it receives one
 * {@link Step} per lookahead window, runs it to completion and answers {@link Stepped}. It never
 * uses Pekko timers, the scheduler or the wall clock (timers are requests back to the driver), and
 * it holds no other replica's reference (messages leave as envelopes in the output).
 *
 * <p>Lifecycle faults are in-band {@link InboundEvent.Control} events inside a Step, so they are
 * ordered with the messages around them; {@link Crash} and {@link Restart} are shorthands for a
 * Step holding only that event.
 */
public final class ReplicaActor extends AbstractBehavior<ReplicaActor.Command> {

  /** The replica's protocol. */
  public sealed interface Command {}

  /**
   * Process {@code events} (local times, ascending, all before {@code horizonLocalNanos}) and the
   * timers they trigger before the horizon; reply with {@link Stepped}.
   */
  public record Step(
      long stepSeq, List<TimedEvent> events, long horizonLocalNanos, ActorRef<Stepped> replyTo)
      implements Command {
    public Step {
      events = List.copyOf(events);
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  /** Crash at {@code atLocalNanos}: the logic and its volatile state are gone. */
  public record Crash(long stepSeq, long atLocalNanos, ActorRef<Stepped> replyTo)
      implements Command {}

  /** Restart at {@code atLocalNanos} as a fresh logic with the given incarnation (&gt; 0). */
  public record Restart(long stepSeq, long atLocalNanos, int incarnation, ActorRef<Stepped> replyTo)
      implements Command {}

  /**
   * The answer to a step: the logic steps performed, in local-time order, or {@code failure}: the
   * logic threw (a finding against the replica, attributed to a peer when the exception is a
   * {@link dev.subnetsim.consensus.PeerInputFailure}), or the JVM ran out of memory (an error of the
   * run itself, never the replica's fault).
   */
  public record Stepped(NodeId node, long stepSeq, List<LocalStep> steps, Throwable failure) {
    public Stepped {
      steps = List.copyOf(steps);
    }

    public static Stepped ok(NodeId node, long stepSeq, List<LocalStep> steps) {
      return new Stepped(node, stepSeq, steps, null);
    }

    public boolean failed() {
      return failure != null;
    }
  }

  private final ReplicaShell shell;

  private ReplicaActor(ActorContext<Command> context, ReplicaShell shell) {
    super(context);
    this.shell = shell;
  }

  /** The behaviour of replica {@code node}; its logic is created by the first Start event. */
  public static Behavior<Command> create(NodeId node, ReplicaLogicFactory factory) {
    return Behaviors.setup(ctx -> new ReplicaActor(ctx, new ReplicaShell(node, factory)));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Step.class, s -> run(s.stepSeq(), s.events(), s.horizonLocalNanos(), s.replyTo()))
        .onMessage(
            Crash.class,
            c -> run(c.stepSeq(), List.of(new TimedEvent(c.atLocalNanos(), new InboundEvent.Crash())),
                c.atLocalNanos() + 1, c.replyTo()))
        .onMessage(
            Restart.class,
            r -> run(r.stepSeq(),
                List.of(new TimedEvent(r.atLocalNanos(), new InboundEvent.Start(r.incarnation()))),
                r.atLocalNanos() + 1, r.replyTo()))
        .build();
  }

  private Behavior<Command> run(
      long stepSeq, List<TimedEvent> events, long horizon, ActorRef<Stepped> replyTo) {
    Stepped reply;
    try {
      reply = Stepped.ok(shell.node(), stepSeq, shell.runWindow(events, horizon));
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // Reply instead of dying: the driver must never wait for an answer that cannot come (and a
      // fatal error escaping to Pekko would make it exit the JVM with no report).
      reply = new Stepped(shell.node(), stepSeq, List.of(), e);
    }
    replyTo.tell(reply);
    return this;
  }
}
