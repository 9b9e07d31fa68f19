package dev.subnetsim.scenarios.driver;

import dev.subnetsim.scenarios.driver.SimulationConfig.IngressInjection;
import dev.subnetsim.scenarios.faults.Fault;
import java.util.List;

/**
 * A live run's window onto the driver ({@code subnet-sim serve}): called between lookahead windows
 * on the driver's thread, when every replica is idle, so it may read replica state safely. It
 * paces virtual time (blocking until the next event may happen) and hands over client messages
 * that arrived from outside. Scenario runs have none, so their traces do not change.
 */
@FunctionalInterface
public interface LiveHook {

  /**
   * @param doneUntilNanos everything before this virtual time has happened; a message returned
   *     for an earlier time is injected at this time
   * @param nextEventNanos the next queued event's time ({@link Long#MAX_VALUE} when none)
   * @return client messages to inject now (empty: the driver may go on to the next event)
   */
  List<IngressInjection> between(long doneUntilNanos, long nextEventNanos);

  /**
   * Faults asked for from outside since the last call (a control plane's "crash node 3 now"),
   * applied at {@code doneUntilNanos}, the time everything before has happened; called right
   * after {@link #between}. Their times are ignored.
   */
  default List<Fault> faultsNow(long doneUntilNanos) {
    return List.of();
  }
}
