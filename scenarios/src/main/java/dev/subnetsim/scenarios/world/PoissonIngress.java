package dev.subnetsim.scenarios.world;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.ingress.LoadClient;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.scenarios.RunRandom;
import dev.subnetsim.scenarios.driver.SimulationConfig.IngressInjection;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Plain ingress load: a Poisson process of {@code perSecond} messages over [0, end), each sent to
 * a uniformly chosen node of the target subnet (clients pick a boundary node at random). Drawn from
 * the run seed's "workload/ingress" stream, so the schedule is part of the replayable run. Each
 * message is a 16-byte body (sequence number, send time) that the replica logic may interpret
 * (e.g. wrap into a signed ingress message).
 */
public final class PoissonIngress {
  private PoissonIngress() {}

  public static List<IngressInjection> schedule(
      long runSeed, double perSecond, List<NodeId> targets, long endNanos) {
    if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("ingress rate must be >= 0: " + perSecond);
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("ingress needs at least one target node");
    }
    List<IngressInjection> out = new ArrayList<>();
    if (perSecond == 0) {
      return out;
    }
    RandomGenerator rng = RunRandom.forPurpose(runSeed, "workload/ingress");
    LoadClient load = LoadClient.fromSeed(runSeed);
    double meanGapNanos = 1e9 / perSecond;
    long t = 0;
    long seq = 0;
    while (true) {
      t += Math.max(1, (long) (rng.nextExponential() * meanGapNanos));
      if (t >= endNanos) {
        return out;
      }
      NodeId target = targets.get(rng.nextInt(targets.size()));
      byte[] body = load.sign(PayloadItem.Workload.counter(seq++, t)).encode();
      out.add(new IngressInjection(t, target, body));
    }
  }
}
