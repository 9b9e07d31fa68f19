package dev.subnetsim.app.gateway;

import dev.subnetsim.app.session.LiveSession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.interop.NodeHarness;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.execution.CanisterId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real IC client against {@code subnet-sim serve}: the Node harness's serve-client.mjs, with
 * the pinned @dfinity/agent's HttpAgent (root key fetched from /api/v2/status, agent-js's default
 * query-signature verification on) and an Actor over counter.did, makes v3 update calls (agent-js
 * verifies each certificate, with the root's delegation, under that key) and queries (agent-js
 * verifies each node signature under the node keys of the certified /subnet tree), reads the
 * canister's module_hash, controllers and subnet node keys with CanisterStatus, and verifies a
 * read_state certificate under the root key the Java side knows. The server is started as
 * {@code serve} starts it.
 */
class ServeAgentJsTest {

  @Test
  void agentJsCallsAndQueriesTheCounterVerifyingCertificatesAndNodeSignatures()
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
      assertThat(field(out, "query_signatures")).isEqualTo("1");
      assertThat(text(out, "rejected_query")).isEqualTo("rejected 4 1");
      assertThat(field(out, "node_keys")).as("the app subnet's four nodes").isEqualTo("4");
      assertThat(text(out, "subnet_id")).isEqualTo(appSubnetId(gateway));
      byte[] moduleHash = session.read(world -> world.factory().replica(world.topology()
          .members(new SubnetId("app")).get(0)).orElseThrow().state().canisters()
          .get(CanisterId.fromBytes(Principal.fromText(counter).toBytes())).moduleHash()).get();
      assertThat(text(out, "module_hash")).isEqualTo(HexFormat.of().formatHex(moduleHash));
      assertThat(field(out, "controllers")).isEqualTo("0");
      // Live time: the certified /time is the wall clock within a few seconds.
      assertThat(Math.abs(Long.parseLong(field(out, "clock_skew_ms")))).isLessThan(30_000);
    }
    assertThat(HexFormat.of().parseHex(rootKey)).hasSize(133);
  }

  /** A text field of the one-line JSON answer. */
  private static String text(String json, String name) {
    var m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
    assertThat(m.find()).as(name + " in " + json).isTrue();
    return m.group(1);
  }

  @SuppressWarnings("unchecked")
  private static String appSubnetId(IcGateway gateway) {
    return (String) ((List<Map<String, Object>>) gateway.topology().get("subnets")).stream()
        .filter(s -> s.get("name").equals("app")).findFirst().orElseThrow().get("id");
  }

  /** A number or string field of the one-line JSON answer. */
  private static String field(String json, String name) {
    var m = java.util.regex.Pattern.compile("\"" + name + "\":\"?(-?[0-9]+)").matcher(json);
    assertThat(m.find()).as(name + " in " + json).isTrue();
    return m.group(1);
  }

}
