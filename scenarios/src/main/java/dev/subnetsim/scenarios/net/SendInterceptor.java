package dev.subnetsim.scenarios.net;

import dev.subnetsim.replica.net.Envelope;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A hook between a replica's send and the link model, for Byzantine and adversarial network
 * behaviours: withhold (return nothing), tamper (return a modified envelope), duplicate or forge
 * (return several, with any sender). Called by the driver in its canonical send order with a
 * generator forked from the run seed, so interception replays like everything else.
 */
@FunctionalInterface
public interface SendInterceptor {

  /** What actually enters the network for {@code envelope}, sent at virtual {@code sentAtNanos}. */
  List<Envelope> intercept(long sentAtNanos, Envelope envelope, RandomGenerator rng);
}
