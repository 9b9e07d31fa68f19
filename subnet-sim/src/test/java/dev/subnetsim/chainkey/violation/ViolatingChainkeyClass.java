package dev.subnetsim.chainkey.violation;

/**
 * Test fixture posing as chainkey code that breaks the layering rules (Pekko, clock, file I/O), so
 * {@code LayeringRulesCanFailTest} can show the rules reject it.
 */
public final class ViolatingChainkeyClass {
  public Object actorSystemClass() {
    return org.apache.pekko.actor.typed.ActorSystem.class;
  }

  public long now() {
    return System.currentTimeMillis();
  }

  public boolean exists(String name) {
    return new java.io.File(name).exists();
  }
}
