package dev.subnetsim.app.gateway;

import dev.subnetsim.app.session.LiveSession;
import dev.subnetsim.app.session.LiveSessions;
import static dev.subnetsim.app.gateway.Envelopes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.certification.CborReader;
import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.ic.Principal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --manual-time}: virtual time, anchored to the given Unix epoch, stands still until it is
 * advanced, and certificates then carry the anchored time; live mode refuses to be advanced.
 */
class ManualTimeTest {
  private static final long EPOCH = 1_700_000_000_000_000_000L;
  private static final long SECOND = 1_000_000_000L;

  @Test
  void virtualTimeMovesOnlyWhenAdvancedAndIsAnchoredToTheEpoch() throws Exception {
    try (LiveSession session = LiveSessions.start(LiveSessions.defaultScenario(), 5, EPOCH, true,
        2)) {
      IcGateway gateway = new IcGateway(session);
      // The boot window (one link latency) runs; then nothing until time is advanced. Awaited
      // (a fixed sleep lost the race on a loaded machine: the window landed after the read).
      session.awaitCaughtUp(60_000);
      long standing = session.replicaUnixNanos();
      assertThat(standing).isBetween(EPOCH, EPOCH + SECOND / 10);
      Thread.sleep(500);
      assertThat(session.replicaUnixNanos()).isEqualTo(standing);
      String counter = (String) ((Map<?, ?>) ((Map<?, ?>) ((List<?>) gateway.topology()
          .get("subnets")).get(0)).get("canisters")).get("counter");
      Envelopes alice = new Envelopes(3);
      byte[] time = alice.readState(List.of(List.of(utf8("time"))), EPOCH);
      assertThat(gateway.readState(counter, time).status()).as("nothing certified yet")
          .isEqualTo(503);

      assertThat(gateway.advanceTime(4 * SECOND)).isEqualTo(EPOCH + 4 * SECOND);
      // Waits for the driver to park (a fixed sleep raced it on a loaded machine).
      session.awaitCaughtUp(60_000);
      long reached = session.replicaUnixNanos();
      assertThat(reached).isBetween(EPOCH + 3 * SECOND, EPOCH + 4 * SECOND + SECOND / 10);
      IcResponse r = gateway.readState(counter, alice.readState(List.of(List.of(utf8("time"))),
          reached));
      assertThat(r.status()).as(r.text()).isEqualTo(200);
      Map<String, CborValue> body = ((CborValue.MapValue) CborValue.stripSelfDescribe(
          CborReader.decode(r.body()))).entries();
      Certificate cert = Certificate.decode(((CborValue.Bytes) body.get("certificate")).value());
      assertThat(cert.time().getAsLong()).isBetween(EPOCH, EPOCH + 4 * SECOND);
      Thread.sleep(300);
      assertThat(session.replicaUnixNanos()).as("stands still again").isEqualTo(reached);

      // Closed, the world still answers reads (on the caller's thread, one at a time).
      session.close();
      assertThat(session.outcome()).isCompletedExceptionally();
      assertThat(session.closed()).isTrue();
      IcResponse q = gateway.query(counter, alice.signed(alice.query(
          Principal.fromText(counter).toBytes(), "counter", new byte[0], reached)));
      assertThat(q.status()).as(q.text()).isEqualTo(200);
    }
  }

  @Test
  void liveTimeCannotBeAdvanced() {
    IcGateway gateway = new IcGateway(LiveWorldFixture.session());
    assertThatThrownBy(() -> gateway.advanceTime(SECOND))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("wall clock");
  }
}
