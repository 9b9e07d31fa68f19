package dev.subnetsim.app.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.replica.ingress.UserKeyPair;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Java session API a JUnit test drives without HTTP: virtual time stands still until
 * advanced, a user's calls get certified replies (and certified rejections), queries read the
 * latest state, and the same seed and script give the same replies at the same virtual times.
 */
class SimSessionTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aTestAdvancesTimeSubmitsCallsAndReadsCertifiedRepliesAndQueries() throws Exception {
    try (SimSession sim = SimSession.start(LiveSessions.defaultScenario(), 7)) {
      long standing = sim.virtualTimeNanos();
      Thread.sleep(300);
      assertThat(sim.virtualTimeNanos()).as("stands still").isEqualTo(standing);
      sim.advance(Duration.ofSeconds(2));
      // It stops at the window boundary past the allowed time (a window is one link latency).
      assertThat(sim.virtualTimeNanos()).isBetween(SECOND, 2 * SECOND + SECOND / 10);

      UserKeyPair alice = sim.user(1);
      String counter = sim.canister("app", "counter");
      byte[] increment = sim.submit(alice, counter, "increment", new byte[0]);
      assertThat(sim.status(counter, increment)).as("not certified before time moves").isEmpty();
      SimSession.Reply r = sim.awaitReply(counter, increment, Duration.ofSeconds(30));
      assertThat(r.replied()).isTrue();
      assertThat(ByteBuffer.wrap(r.data()).getLong()).isEqualTo(1);

      byte[] put = sim.submit(alice, counter, "put", utf8("colour=green"));
      assertThat(sim.awaitReply(counter, put, Duration.ofSeconds(30)).replied()).isTrue();
      assertThat(sim.query(alice, counter, "get", utf8("colour")).data())
          .isEqualTo(utf8("green"));
      SimSession.Reply missing = sim.query(alice, counter, "get", utf8("size"));
      assertThat(missing.replied()).isFalse();
      assertThat(missing.rejectMessage()).contains("no such key");

      byte[] trap = sim.submit(alice, counter, "put_then_trap", utf8("size=9"));
      SimSession.Reply trapped = sim.awaitReply(counter, trap, Duration.ofSeconds(30));
      assertThat(trapped.replied()).isFalse();
      assertThat(trapped.rejectMessage()).contains("deliberate trap");
      assertThat(sim.query(alice, counter, "get", utf8("size")).replied())
          .as("the trap rolled the write back").isFalse();
      assertThatThrownBy(() -> sim.canister("app", "no-such-canister"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aFaultInjectedFromJavaTakesEffectWhenTheWorldNextRuns() {
    try (SimSession sim = SimSession.start(LiveSessions.defaultScenario(), 9)) {
      sim.advance(Duration.ofSeconds(3));
      var crashed = sim.node("app", 3);
      sim.inject(new dev.subnetsim.scenarios.faults.Fault.Crash(0, crashed));
      sim.advance(Duration.ofSeconds(4));
      long stopped = sim.executedHeight(crashed);
      assertThat(stopped).isLessThan(sim.executedHeight(sim.node("app", 0)));
      sim.inject(new dev.subnetsim.scenarios.faults.Fault.Restart(0, crashed));
      sim.advance(Duration.ofSeconds(6));
      assertThat(sim.executedHeight(crashed)).as("restarted, it catches up").isGreaterThan(stopped);
    }
  }

  @Test
  void theSameSeedAndScriptGiveTheSameRepliesAtTheSameVirtualTimes() {
    assertThat(script(11)).isEqualTo(script(11));
  }

  /** Two increments and a trapping call; what came back and when (virtual ns) as text. */
  private static String script(long seed) {
    StringBuilder out = new StringBuilder();
    try (SimSession sim = SimSession.start(LiveSessions.defaultScenario(), seed)) {
      sim.advance(Duration.ofMillis(1500));
      UserKeyPair bob = sim.user(2);
      String counter = sim.canister("app", "counter");
      for (String method : new String[] {"increment", "increment", "put_then_trap"}) {
        byte[] id = sim.submit(bob, counter, method, utf8("k=v"));
        SimSession.Reply r = sim.awaitReply(counter, id, Duration.ofSeconds(30));
        out.append(method).append(' ').append(r.replied()).append(' ')
            .append(java.util.HexFormat.of().formatHex(r.data())).append(' ')
            .append(r.rejectCode()).append(" at ").append(sim.virtualTimeNanos()).append('\n');
      }
    }
    return out.toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
