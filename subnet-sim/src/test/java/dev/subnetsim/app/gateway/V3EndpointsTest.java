package dev.subnetsim.app.gateway;

import static dev.subnetsim.app.gateway.Envelopes.utf8;
import static dev.subnetsim.app.gateway.GatewayHttp.SECOND;
import static dev.subnetsim.app.gateway.GatewayHttp.assertRefused;
import static dev.subnetsim.app.gateway.GatewayHttp.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateVerifier;
import dev.subnetsim.chainkey.certification.LookupResult;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.IngressMessage;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The v3 query and read_state endpoints (same CBOR as v2), the canister paths module_hash and
 * controllers, the management canister as a request's target, and every bad request to the new
 * endpoints: a 4xx with the reason, after which the server still answers.
 */
@MicronautTest(environments = LiveWorldFixture.ENV)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V3EndpointsTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  IcGateway gateway;

  private final Envelopes alice = new Envelopes(21);
  private final Envelopes bob = new Envelopes(22);
  private GatewayHttp http;
  private byte[] rootKey;
  private String counter;

  @BeforeAll
  void worldCertifiesItsFirstState() throws InterruptedException {
    http = new GatewayHttp(client, gateway);
    counter = LiveWorldFixture.counter("app");
    rootKey = bytes(GatewayHttp.cbor(http.get("/api/v2/status").body()), "root_key");
    http.awaitCertifiedState(counter, alice);
  }

  @Test
  void v3CanisterReadStateCertifiesTheCanistersModuleHashAndControllers() throws Exception {
    byte[] id = Principal.fromText(counter).toBytes();
    List<byte[]> moduleHash = List.of(utf8("canister"), id, utf8("module_hash"));
    List<byte[]> controllers = List.of(utf8("canister"), id, utf8("controllers"));
    Map<String, CborValue> body = http.postCbor("/api/v3/canister/" + counter + "/read_state",
        alice.readState(List.of(moduleHash, controllers), http.now()));
    Certificate cert = CertificateVerifier.jblst().verify(bytes(body, "certificate"), rootKey,
        Principal.fromText(counter));
    String program = gateway.session().read(run -> run.factory().replica(anyAppNode())
        .orElseThrow().state().canisters().get(CanisterId.fromBytes(id)).program()).get();
    assertThat(cert.tree().lookup(moduleHash)).isEqualTo(new LookupResult.Found(
        MessageDigest.getInstance("SHA-256").digest(utf8(program))));
    assertThat(cert.tree().lookup(controllers)).as("self-described CBOR []")
        .isEqualTo(new LookupResult.Found(new byte[] {(byte) 0xd9, (byte) 0xd9, (byte) 0xf7,
            (byte) 0x80}));
  }

  @Test
  void v3SubnetReadStateCertifiesEveryNodesKey() {
    String app = http.subnetId("app");
    byte[] subnet = Principal.fromText(app).toBytes();
    Map<String, CborValue> body = http.postCbor("/api/v3/subnet/" + app + "/read_state",
        alice.readState(List.of(List.of(utf8("subnet"), subnet, utf8("node"))), http.now()));
    Certificate cert = Certificate.decode(bytes(body, "certificate"));
    assertThat(cert.delegation()).isPresent();
    for (NodeId node : gateway.session().run().topology().members(new SubnetId("app"))) {
      var key = gateway.session().run().factory().signingKey(node).orElseThrow();
      assertThat(cert.tree().lookup(List.of(utf8("subnet"), subnet, utf8("node"),
          key.nodeId().toBytes(), utf8("public_key"))))
          .isEqualTo(new LookupResult.Found(key.publicKeyDer()));
    }
  }

  @Test
  void v3QueryAnswersAsV2Does() {
    IngressMessage m = alice.query(canister(counter), "counter", new byte[0], http.now());
    Map<String, CborValue> body = http.postCbor("/api/v3/canister/" + counter + "/query",
        alice.signed(m));
    assertThat(body.get("status")).isEqualTo(new CborValue.Text("replied"));
    assertThat(body).containsKey("signatures");
  }

  @Test
  void badRequestsToTheV3EndpointsAreRefusedWithAReasonAndTheServerKeepsServing() {
    String query = "/api/v3/canister/" + counter + "/query";
    IngressMessage m = alice.query(canister(counter), "counter", new byte[0], http.now());
    assertRefused(() -> http.post(query, new byte[] {(byte) 0xa1, 0x61}), 400, "malformed");
    assertRefused(() -> http.post(query, alice.unsigned(m)), 400, "self-authenticating");
    assertRefused(() -> http.post(query, alice.forged(m)), 400, "invalid signature");
    IngressMessage old = alice.query(canister(counter), "counter", new byte[0],
        http.now() - 10 * 60 * SECOND);
    assertRefused(() -> http.post(query, alice.signed(old)), 400, "Invalid request expiry");
    assertRefused(() -> http.post(query, new byte[IcGateway.MAX_BODY_BYTES + 1]), 413,
        "larger than");
    assertRefused(() -> http.post("/api/v3/canister/" + LiveWorldFixture.counter("root")
        + "/query", alice.signed(m)), 400, "misrouted");
    IngressMessage call = alice.call(canister(counter), "increment", new byte[0], http.now());
    assertRefused(() -> http.post(query, alice.signed(call)), 400, "request_type");

    String readState = "/api/v3/canister/" + counter + "/read_state";
    List<List<byte[]>> time = List.of(List.of(utf8("time")));
    assertRefused(() -> http.post(readState, new byte[] {0x01}), 400, "malformed read_state");
    assertRefused(() -> http.post(readState, alice.readState(time, http.now() + 2 * 60 * SECOND,
        bob.user)), 400, "invalid signature");
    assertRefused(() -> http.post(readState, alice.readState(time, http.now() - SECOND,
        alice.user)), 400, "Invalid request expiry");
    assertRefused(() -> http.post(readState, new byte[IcGateway.MAX_BODY_BYTES + 1]), 413,
        "larger than");
    byte[] other = Principal.fromText(LiveWorldFixture.counter("root")).toBytes();
    assertRefused(() -> http.post(readState, alice.readState(List.of(List.of(utf8("canister"),
        other, utf8("module_hash"))), http.now())), 403, "effective canister");

    String app = http.subnetId("app");
    assertRefused(() -> http.post("/api/v3/subnet/" + app + "/read_state", alice.readState(
        List.of(List.of(utf8("canister"), other, utf8("module_hash"))), http.now())), 400,
        "not served by a subnet's read_state");
    assertRefused(() -> http.post("/api/v3/subnet/" + counter + "/read_state",
        alice.readState(time, http.now())), 400, "no subnet");
    assertRefused(() -> http.post("/api/v3/subnet/" + app + "/read_state",
        alice.pathlessReadState()), 400, "malformed read_state");

    // The management canister: a user may not call its (canister-only) methods, and aaaaa-aa
    // is no effective canister id.
    IngressMessage management = alice.call(new byte[0], "ecdsa_public_key", new byte[0],
        http.now());
    assertRefused(() -> http.post("/api/v3/canister/" + counter + "/call",
        alice.signed(management)), 400, "cannot be called by a user");
    IngressMessage managementQuery = alice.query(new byte[0], "ecdsa_public_key", new byte[0],
        http.now());
    assertRefused(() -> http.post(query, alice.signed(managementQuery)), 400,
        "cannot be called by a user");
    assertRefused(() -> http.post("/api/v3/canister/aaaaa-aa/read_state",
        alice.readState(time, http.now())), 400, "not an effective canister id");

    assertThat(http.get("/api/v2/status").code()).isEqualTo(200);
    IngressMessage again = alice.query(canister(counter), "counter", new byte[0], http.now());
    assertThat(http.postCbor(query, alice.signed(again)).get("status"))
        .isEqualTo(new CborValue.Text("replied"));
  }

  private NodeId anyAppNode() {
    return gateway.session().run().topology().members(new SubnetId("app")).get(0);
  }

  private static byte[] canister(String text) {
    return Principal.fromText(text).toBytes();
  }
}
