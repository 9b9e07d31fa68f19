package dev.subnetsim.app.gateway;

import static dev.subnetsim.app.gateway.Envelopes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.certification.CborReader;
import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateVerifier;
import dev.subnetsim.chainkey.certification.LookupResult;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.replica.ingress.IngressMessage;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The IC HTTP interface of {@code subnet-sim serve} over real HTTP, in front of a live world: what
 * a client reads (status, certified call results, queries, read_state) and every refusal, after
 * which the server still answers.
 */
@MicronautTest(environments = LiveWorldFixture.ENV)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IcApiControllerTest {
  private static final long SECOND = 1_000_000_000L;

  @Inject
  @Client("/")
  HttpClient http;

  @Inject
  IcGateway gateway;

  private final Envelopes alice = new Envelopes(1);
  private final Envelopes bob = new Envelopes(2);
  private byte[] rootKey;
  private String appCounter;

  @BeforeAll
  void worldCertifiesItsFirstState() throws InterruptedException {
    appCounter = LiveWorldFixture.counter("app");
    Map<String, CborValue> status = cbor(post("GET", "/api/v2/status", null).body());
    rootKey = ((CborValue.Bytes) status.get("root_key")).value();
    // The app subnet's certificates need the root's delegation: wait until read_state answers.
    long deadline = System.nanoTime() + 90 * SECOND;
    while (System.nanoTime() < deadline) {
      if (gateway.readState(appCounter, alice.readState(List.of(List.of(utf8("time"))),
          now())).status() == 200) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the app subnet certified no state with the root's delegation");
  }

  @Test
  void statusServesTheRootKeyAsBlsDer() {
    assertThat(rootKey).hasSize(133);
    assertThat(cbor(post("GET", "/api/v2/status", null).body()).get("replica_health_status"))
        .isEqualTo(new CborValue.Text("healthy"));
  }

  @Test
  void v2CallIsAcceptedAndItsCertifiedStatusIsReadableByItsSender() throws Exception {
    IngressMessage m = alice.call(canister(appCounter), "increment", new byte[0], now());
    HttpResponse<byte[]> accepted = post("POST", "/api/v2/canister/" + appCounter + "/call",
        alice.signed(m));
    assertThat(accepted.code()).isEqualTo(202);
    List<List<byte[]>> paths = List.of(List.of(utf8("request_status"), m.requestId()));
    long deadline = System.nanoTime() + 30 * SECOND;
    Certificate cert = null;
    while (System.nanoTime() < deadline) {
      byte[] body = post("POST", "/api/v2/canister/" + appCounter + "/read_state",
          alice.readState(paths, now())).body();
      cert = CertificateVerifier.jblst().verify(((CborValue.Bytes) cbor(body).get("certificate"))
          .value(), rootKey, Principal.fromText(appCounter));
      if (cert.tree().lookup(List.of(utf8("request_status"), m.requestId(), utf8("status")))
          instanceof LookupResult.Found f && new String(f.value()).equals("replied")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(cert.tree().lookup(List.of(utf8("request_status"), m.requestId(), utf8("reply"))))
        .isInstanceOfSatisfying(LookupResult.Found.class,
            f -> assertThat(f.value()).hasSize(8));
    assertThat(cert.delegation()).as("app subnet: the root's delegation").isPresent();
    // Bob may not read Alice's request status.
    assertRefused(() -> post("POST", "/api/v2/canister/" + appCounter + "/read_state",
        bob.readState(paths, now())), 403, "another principal");
  }

  @Test
  void v3CallAnswersWithACertificateOfTheReply() throws Exception {
    IngressMessage m = alice.call(canister(appCounter), "put", utf8("colour=green"), now());
    HttpResponse<byte[]> r = post("POST", "/api/v3/canister/" + appCounter + "/call",
        alice.signed(m));
    assertThat(r.code()).isEqualTo(200);
    Map<String, CborValue> body = cbor(r.body());
    assertThat(body.get("status")).isEqualTo(new CborValue.Text("replied"));
    Certificate cert = CertificateVerifier.jblst().verify(((CborValue.Bytes) body
        .get("certificate")).value(), rootKey, Principal.fromText(appCounter));
    assertThat(cert.tree().lookup(List.of(utf8("request_status"), m.requestId(), utf8("status"))))
        .isEqualTo(new LookupResult.Found(utf8("replied")));
    assertThat(cert.time()).isPresent();
  }

  @Test
  void queryRunsOnTheSubnetsState() {
    IngressMessage m = alice.query(canister(appCounter), "counter", new byte[0], now());
    Map<String, CborValue> body = cbor(post("POST", "/api/v2/canister/" + appCounter + "/query",
        alice.signed(m)).body());
    assertThat(body.get("status")).isEqualTo(new CborValue.Text("replied"));
    byte[] arg = ((CborValue.Bytes) ((CborValue.MapValue) body.get("reply")).entries().get("arg"))
        .value();
    assertThat(ByteBuffer.wrap(arg).getLong()).isGreaterThanOrEqualTo(0);
    IngressMessage missing = alice.query(canister(appCounter), "get", utf8("nope"), now());
    Map<String, CborValue> rejected = cbor(post("POST", "/api/v2/canister/" + appCounter
        + "/query", alice.signed(missing)).body());
    assertThat(rejected.get("status")).isEqualTo(new CborValue.Text("rejected"));
    assertThat(rejected.get("reject_code")).isEqualTo(new CborValue.UInt(4));
  }

  @Test
  void subnetReadStateCertifiesTheSubnetsPublicKeyAndCanisterRanges() {
    String appSubnet = subnetId("app");
    List<List<byte[]>> paths = List.of(List.of(utf8("subnet"), Principal.fromText(appSubnet)
        .toBytes()));
    byte[] body = post("POST", "/api/v2/subnet/" + appSubnet + "/read_state",
        alice.readState(paths, now())).body();
    Certificate cert = Certificate.decode(((CborValue.Bytes) cbor(body).get("certificate"))
        .value());
    assertThat(cert.tree().lookup(List.of(utf8("subnet"), Principal.fromText(appSubnet)
        .toBytes(), utf8("public_key")))).isInstanceOf(LookupResult.Found.class);
    assertThat(cert.delegation()).isPresent();
    assertRefused(() -> post("POST", "/api/v2/subnet/" + appSubnet + "/read_state",
        alice.readState(List.of(List.of(utf8("request_status"), new byte[32])), now())), 400,
        "not served by a subnet's read_state");
    assertRefused(() -> post("POST", "/api/v2/subnet/" + appCounter + "/read_state",
        alice.readState(paths, now())), 400, "no subnet");
  }

  @Test
  void badRequestsAreRefusedWithAReasonAndTheServerKeepsServing() {
    String call = "/api/v2/canister/" + appCounter + "/call";
    IngressMessage m = alice.call(canister(appCounter), "increment", new byte[0], now());
    assertRefused(() -> post("POST", call, new byte[] {(byte) 0xff, 1, 2}), 400, "malformed");
    assertRefused(() -> post("POST", call, alice.unsigned(m)), 400, "self-authenticating");
    assertRefused(() -> post("POST", call, alice.forged(m)), 400, "invalid signature");
    IngressMessage old = alice.call(canister(appCounter), "increment", new byte[0],
        now() - 10 * 60 * SECOND);
    assertRefused(() -> post("POST", call, alice.signed(old)), 400, "Invalid request expiry");
    assertRefused(() -> post("POST", call, new byte[IcGateway.MAX_BODY_BYTES + 1]), 413,
        "larger than");
    String rootCounter = LiveWorldFixture.counter("root");
    assertRefused(() -> post("POST", "/api/v2/canister/" + rootCounter + "/call",
        alice.signed(m)), 400, "misrouted");
    assertRefused(() -> post("POST", "/api/v2/canister/" + appCounter + "/query",
        alice.signed(m)), 400, "request_type");
    assertRefused(() -> post("POST", "/api/v2/canister/not-a-principal/call", alice.signed(m)),
        400, "invalid canister id");
    IngressMessage longId = alice.call(new byte[40], "increment", new byte[0], now());
    assertRefused(() -> post("POST", call, alice.signed(longId)), 400, "misrouted");
    String readState = "/api/v2/canister/" + appCounter + "/read_state";
    List<List<byte[]>> time = List.of(List.of(utf8("time")));
    assertRefused(() -> post("POST", readState, alice.readState(List.of(List.of(utf8("secrets"))),
        now())), 400, "not served");
    assertRefused(() -> post("POST", readState, alice.readState(time, now() + 2 * 60 * SECOND,
        bob.user)), 400, "invalid signature");
    assertRefused(() -> post("POST", readState, alice.readState(time, now() - SECOND,
        alice.user)), 400, "Invalid request expiry");
    assertRefused(() -> post("POST", readState, alice.signed(m)), 400, "read_state");
    assertThat(post("GET", "/api/v2/status", null).code()).isEqualTo(200);
  }

  private HttpResponse<byte[]> post(String method, String uri, byte[] body) {
    HttpRequest<?> request = method.equals("GET") ? HttpRequest.GET(uri)
        : HttpRequest.POST(uri, body).contentType("application/cbor");
    return http.toBlocking().exchange(request, byte[].class);
  }

  private static void assertRefused(Runnable request, int status, String reason) {
    assertThatThrownBy(request::run).isInstanceOfSatisfying(HttpClientResponseException.class,
        e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(status);
          assertThat(e.getResponse().getBody(String.class).orElse("")).contains(reason);
        });
  }

  @SuppressWarnings("unchecked")
  private String subnetId(String name) {
    return (String) ((List<Map<String, Object>>) gateway.topology().get("subnets")).stream()
        .filter(s -> s.get("name").equals(name)).findFirst().orElseThrow().get("id");
  }

  private long now() {
    return gateway.session().replicaUnixNanos();
  }

  private static byte[] canister(String text) {
    return Principal.fromText(text).toBytes();
  }

  private static Map<String, CborValue> cbor(byte[] body) {
    return ((CborValue.MapValue) CborValue.stripSelfDescribe(CborReader.decode(body))).entries();
  }
}
