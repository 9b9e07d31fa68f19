package dev.subnetsim.scenarios.world;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.scenarios.RunRandom;
import dev.subnetsim.scenarios.driver.IngressStream;
import dev.subnetsim.scenarios.driver.SimulationConfig.IngressInjection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Plain ingress load: a Poisson process of {@code perSecond} messages over [0, end), each sent to
 * a uniformly chosen node of the target subnet (clients pick a boundary node at random). Drawn from
 * the run seed's "workload/ingress" stream, so the schedule is part of the replayable run. Each
 * message is a 16-byte body (sequence number, send time) that the replica logic may interpret
 * (e.g. wrap into a signed ingress message).
 *
 * <p>{@link #stream} makes the messages as they are asked for (a day at 100 000/s is never held);
 * {@link #schedule} is the same messages as a list, for small schedules.
 */
public final class PoissonIngress implements IngressStream {
  private final long runSeed;
  private final double meanGapNanos;
  private final List<NodeId> targets;
  private final long endNanos;

  private PoissonIngress(long runSeed, double perSecond, List<NodeId> targets, long endNanos) {
    if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("ingress rate must be >= 0: " + perSecond);
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("ingress needs at least one target node");
    }
    this.runSeed = runSeed;
    this.meanGapNanos = perSecond == 0 ? Double.POSITIVE_INFINITY : 1e9 / perSecond;
    this.targets = List.copyOf(targets);
    this.endNanos = endNanos;
  }

  /** The schedule as a time-ordered source; every iteration makes the same messages again. */
  public static PoissonIngress stream(
      long runSeed, double perSecond, List<NodeId> targets, long endNanos) {
    return new PoissonIngress(runSeed, perSecond, targets, endNanos);
  }

  public static List<IngressInjection> schedule(
      long runSeed, double perSecond, List<NodeId> targets, long endNanos) {
    List<IngressInjection> out = new ArrayList<>();
    stream(runSeed, perSecond, targets, endNanos).forEach(out::add);
    return out;
  }

  @Override
  public Iterator<IngressInjection> iterator() {
    return new Arrivals();
  }

  /** Draws in the order the whole schedule was once drawn in: gap, then target, per message. */
  private final class Arrivals extends LookaheadIterator<IngressInjection> {
    private final RandomGenerator rng = RunRandom.forPurpose(runSeed, "workload/ingress");
    private final LoadClient load = LoadClient.fromSeed(runSeed);
    private long t;
    private long seq;

    @Override
    protected IngressInjection draw() {
      if (Double.isInfinite(meanGapNanos)) { // rate 0: no messages, and no draws
        return null;
      }
      t += Math.max(1, (long) (rng.nextExponential() * meanGapNanos));
      if (t >= endNanos || t < 0) { // t < 0: past Long.MAX_VALUE, beyond any end
        return null;
      }
      NodeId target = targets.get(rng.nextInt(targets.size()));
      return new IngressInjection(t, target,
          load.sign(PayloadItem.Workload.counter(seq++, t)).encode());
    }
  }
}
