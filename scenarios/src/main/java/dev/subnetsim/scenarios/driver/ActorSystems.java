package dev.subnetsim.scenarios.driver;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;

/** Shutting down the actor systems that host replicas, in one JVM or as a cluster member. */
public final class ActorSystems {
  private ActorSystems() {}

  /**
   * Terminates {@code system} and waits up to 30 s for it to stop.
   *
   * @throws IllegalStateException with {@code failure} if it does not stop in time
   */
  public static void terminate(ActorSystem<?> system, String failure) {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(failure, e);
    }
  }
}
