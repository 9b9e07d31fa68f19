package dev.subnetsim.app.session.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.app.session.SimSession;
import dev.subnetsim.replica.ingress.UserKeyPair;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The JUnit extension as another project's test uses it: one annotated parameter gives a running
 * world (the README's example, with nothing else set up), closed when the test method ends.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatedSubnetExtensionTest {
  /** The session the first test was given, to check afterwards that JUnit closed it. */
  private static SimSession firstSession;

  /** The README's example. */
  @Test
  @Order(1)
  void anAnnotatedParameterIsARunningWorldTheTestDrives(@SimulatedSubnet(seed = 7) SimSession sim) {
    firstSession = sim;
    UserKeyPair alice = sim.user(1);
    String counter = sim.canister("app", "counter");
    byte[] id = sim.submit(alice, counter, "increment", new byte[0]);
    SimSession.Reply r = sim.awaitReply(counter, id, Duration.ofSeconds(30));
    assertThat(r.replied()).isTrue();
    assertThat(ByteBuffer.wrap(r.data()).getLong()).isEqualTo(1);
    assertThat(sim.closed()).isFalse();
  }

  @Test
  @Order(2)
  void theSessionIsClosedOnceItsTestMethodEnds() {
    assertThat(firstSession).as("the first test ran first").isNotNull();
    assertThat(firstSession.closed()).isTrue();
  }

  @Test
  void aScenarioIsTheDefaultWorldACatalogNameOrAFileAndAnUnknownOneSaysSo() {
    assertThat(SimulatedSubnetExtension.scenario("").subnets()).hasSize(2);
    assertThat(SimulatedSubnetExtension.scenario("flagship").name()).isEqualTo("flagship");
    assertThatThrownBy(() -> SimulatedSubnetExtension.scenario("no-such-scenario"))
        .hasMessageContaining("no-such-scenario");
    assertThatThrownBy(() -> SimulatedSubnetExtension.scenario("/nonexistent/x.yaml"))
        .hasMessageContaining("x.yaml");
  }
}
