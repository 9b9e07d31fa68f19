package dev.subnetsim.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.interop.NodeHarness;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real IC client against {@code subnet-sim serve}: the Node harness's serve-client.mjs, with
 * the pinned @dfinity/agent's HttpAgent (root key fetched from /api/v2/status) and an Actor over
 * counter.did, makes v3 update calls (agent-js verifies each certificate, with the root's
 * delegation, under that key) and queries, and verifies a read_state certificate under the root
 * key the Java side knows. The server is started as {@code serve} starts it.
 */
class ServeAgentJsTest {

  @Test
  void agentJsCallsAndQueriesTheCounterThroughItsCandidInterfaceAndVerifiesCertificates()
      throws Exception {
    LiveSession session = LiveWorldFixture.session();
    IcGateway gateway = new IcGateway(session);
    String counter = LiveWorldFixture.counter("app");
    String rootKey = (String) gateway.topology().get("root_key");
    try (GatewayServer server = GatewayServer.start(gateway, 0)) {
      String request = "{\"host\": \"" + server.url() + "\", \"canister\": \"" + counter
          + "\", \"root_key\": \"" + rootKey + "\", \"key\": \"colour\", \"value\": \"blue\"}";
      NodeHarness.ProcessResult run = NodeHarness.locate().runOnRequests("serve-client.mjs",
          List.of(request));
      assertThat(run.exitCode()).as(run.output()).isZero();
      String out = run.output().trim();
      assertThat(out).contains("\"root_key_matches\":true").contains("\"got\":\"blue\"");
      long incremented = Long.parseLong(field(out, "incremented"));
      long now = Long.parseLong(field(out, "counter"));
      assertThat(incremented).isPositive();
      assertThat(now).isGreaterThanOrEqualTo(incremented);
      // Live time: the certified /time is the wall clock within a few seconds.
      assertThat(Math.abs(Long.parseLong(field(out, "clock_skew_ms")))).isLessThan(30_000);
    }
    assertThat(HexFormat.of().parseHex(rootKey)).hasSize(133);
  }

  /** A number or string field of the one-line JSON answer. */
  private static String field(String json, String name) {
    var m = java.util.regex.Pattern.compile("\"" + name + "\":\"?(-?[0-9]+)").matcher(json);
    assertThat(m.find()).as(name + " in " + json).isTrue();
    return m.group(1);
  }

}
