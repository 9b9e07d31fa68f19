package dev.subnetsim.app.gateway;

import static dev.subnetsim.app.gateway.Envelopes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.certification.CborReader;
import dev.subnetsim.chainkey.certification.CborValue;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.List;
import java.util.Map;

/** A Micronaut Test's client of the served world: CBOR requests, refusals, ids, waiting. */
final class GatewayHttp {
  static final long SECOND = 1_000_000_000L;
  private final HttpClient http;
  private final IcGateway gateway;

  GatewayHttp(HttpClient http, IcGateway gateway) {
    this.http = http;
    this.gateway = gateway;
  }

  HttpResponse<byte[]> get(String uri) {
    return http.toBlocking().exchange(HttpRequest.GET(uri), byte[].class);
  }

  HttpResponse<byte[]> post(String uri, byte[] body) {
    return http.toBlocking().exchange(HttpRequest.POST(uri, body)
        .contentType("application/cbor"), byte[].class);
  }

  /** The decoded CBOR map of a 200 answer to {@code uri}. */
  Map<String, CborValue> postCbor(String uri, byte[] body) {
    HttpResponse<byte[]> r = post(uri, body);
    assertThat(r.code()).isEqualTo(200);
    return cbor(r.body());
  }

  /** Unix time the replicas read now. */
  long now() {
    return gateway.session().replicaUnixNanos();
  }

  /** Subnet {@code name}'s id as principal text. */
  @SuppressWarnings("unchecked")
  String subnetId(String name) {
    return (String) ((List<Map<String, Object>>) gateway.topology().get("subnets")).stream()
        .filter(s -> s.get("name").equals(name)).findFirst().orElseThrow().get("id");
  }

  /** Waits until {@code canister}'s subnet answers read_state (a certified state, delegated). */
  void awaitCertifiedState(String canister, Envelopes who) throws InterruptedException {
    long deadline = System.nanoTime() + 90 * SECOND;
    while (System.nanoTime() < deadline) {
      if (gateway.readState(canister, who.readState(List.of(List.of(utf8("time"))), now()))
          .status() == 200) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("subnet of " + canister + " certified no state");
  }

  static Map<String, CborValue> cbor(byte[] body) {
    return ((CborValue.MapValue) CborValue.stripSelfDescribe(CborReader.decode(body))).entries();
  }

  static byte[] bytes(Map<String, CborValue> m, String field) {
    return ((CborValue.Bytes) m.get(field)).value();
  }

  /** {@code request} fails with {@code status} and a body containing {@code reason}. */
  static void assertRefused(Runnable request, int status, String reason) {
    assertThatThrownBy(request::run).isInstanceOfSatisfying(HttpClientResponseException.class,
        e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(status);
          assertThat(e.getResponse().getBody(String.class).orElse("")).contains(reason);
        });
  }
}
