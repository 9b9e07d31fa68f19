package dev.subnetsim.app.gateway;

import dev.subnetsim.app.session.LiveSession;
import dev.subnetsim.app.session.LiveSessions;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.replica.consensus.SubnetExecution;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * The served world of the gateway tests: the default world of {@code subnet-sim serve} (a root and
 * an app subnet of four nodes), live time anchored to the wall clock, one per test JVM.
 */
@Factory
@Requires(env = LiveWorldFixture.ENV)
public class LiveWorldFixture {
  static final String ENV = "gateway-test";
  private static LiveSession session;

  static synchronized LiveSession session() {
    if (session == null) {
      session = LiveSessions.start(LiveSessions.defaultScenario(), 1,
          LiveSessions.wallClockUnixNanos(), false, 2);
    }
    return session;
  }

  @Singleton
  IcGateway gateway() {
    return new IcGateway(session());
  }

  /** The counter canister of subnet {@code name} as principal text. */
  static String counter(String name) {
    var execution = session().run().factory().execution(new dev.subnetsim.consensus.types
        .SubnetId(name));
    return Principal.fromBytes(execution.canister(SubnetExecution.COUNTER).toBytes()).toText();
  }
}
