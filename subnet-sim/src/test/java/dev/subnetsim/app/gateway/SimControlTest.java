package dev.subnetsim.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.app.session.LiveSession;
import dev.subnetsim.app.session.LiveSessions;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The control plane over HTTP ({@code /sim/}): tick, auto-progress, faults injected now, metrics,
 * the live page, and each refusal with its reason, in front of a manual-time world of its own.
 */
@MicronautTest(environments = SimControlTest.ENV)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimControlTest {
  static final String ENV = "sim-control-test";
  private static final long EPOCH = 1_700_000_000_000_000_000L;

  /** A manual-time world for these tests only (faults here must not disturb the other tests). */
  @Factory
  @Requires(env = ENV)
  static class World {
    @Singleton
    IcGateway gateway() {
      LiveSession session = LiveSessions.start(LiveSessions.defaultScenario(), 3, EPOCH, true, 2);
      return new IcGateway(session);
    }
  }

  @Inject
  @Client("/")
  HttpClient http;

  @Inject
  IcGateway gateway;

  private Map<String, Object> post(String uri, Object body) {
    MutableHttpRequest<Object> r = HttpRequest.POST(uri, body == null ? "" : body);
    if (body != null) {
      r = r.contentType(MediaType.APPLICATION_JSON_TYPE);
    }
    return http.toBlocking().retrieve(r, Argument.mapOf(String.class, Object.class));
  }

  private HttpClientResponseException refused(String uri, Object body) {
    try {
      post(uri, body);
    } catch (HttpClientResponseException e) {
      return e;
    }
    throw new AssertionError(uri + " " + body + " was not refused");
  }

  private static String reason(HttpClientResponseException e) {
    return e.getResponse().getBody(Argument.mapOf(String.class, Object.class))
        .map(m -> String.valueOf(m.get("error"))).orElse("");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> metrics() {
    return http.toBlocking().retrieve(HttpRequest.GET("/sim/metrics"),
        Argument.mapOf(String.class, Object.class));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> node(Map<String, Object> metrics, String subnet, int index) {
    List<Map<String, Object>> subnets = (List<Map<String, Object>>) metrics.get("subnets");
    Map<String, Object> s = subnets.stream().filter(x -> x.get("name").equals(subnet))
        .findFirst().orElseThrow();
    return ((List<Map<String, Object>>) s.get("nodes")).get(index);
  }

  private static long height(Map<String, Object> node) {
    return ((Number) node.get("executed_height")).longValue();
  }

  private void advance(long millis) throws InterruptedException {
    gateway.advanceTime(millis * 1_000_000L);
    gateway.session().awaitCaughtUp(120_000);
  }

  @Test
  @Order(1)
  void tickRunsOneWindowAndMetricsShowTimeAndHeights() throws Exception {
    gateway.session().awaitCaughtUp(120_000);
    long before = ((Number) metrics().get("virtual_time_nanos")).longValue();
    assertThat(post("/sim/tick", null)).containsKey("allowed_unix_nanos");
    gateway.session().awaitCaughtUp(120_000);
    Map<String, Object> m = metrics();
    assertThat(((Number) m.get("virtual_time_nanos")).longValue()).isGreaterThan(before);
    assertThat(m.get("auto_progress")).isEqualTo(false);
    advance(3_000);
    assertThat(height(node(metrics(), "app", 0))).isPositive();
    assertThat(height(node(metrics(), "root", 0))).isPositive();
  }

  @Test
  @Order(2)
  void aCrashedNodeFallsBehindAndARestartedOneIsUpAgain() throws Exception {
    Map<String, Object> r = post("/sim/faults", Map.of("kind", "crash", "node", "app/3"));
    assertThat(r.get("injected")).isEqualTo("crash app/3");
    advance(3_000);
    Map<String, Object> m = metrics();
    assertThat(node(m, "app", 3).get("crashed")).isEqualTo(true);
    assertThat(height(node(m, "app", 3))).isLessThan(height(node(m, "app", 0)));
    post("/sim/faults", Map.of("kind", "restart", "node", "app/3"));
    advance(500);
    assertThat(node(metrics(), "app", 3).get("crashed")).isEqualTo(false);
    assertThat(metrics().get("faults_injected"))
        .isEqualTo(List.of("crash app/3", "restart app/3"));
  }

  @Test
  @Order(3)
  void aPartitionAndAHealAreAppliedAtTheNextWindow() throws Exception {
    assertThat(post("/sim/faults", Map.of("kind", "partition", "groups",
        List.of(List.of("app/0", "app/1"), List.of("app/2", "app/3")))).get("injected"))
        .asString().startsWith("partition");
    advance(1_000);
    assertThat(post("/sim/faults", Map.of("kind", "heal")).get("injected")).isEqualTo("heal");
    advance(3_000);
    long h = height(node(metrics(), "app", 0));
    advance(3_000);
    assertThat(height(node(metrics(), "app", 0))).as("healed: it makes progress").isGreaterThan(h);
  }

  @Test
  @Order(4)
  void badRequestsGetA4xxWithTheReason() {
    assertThat(reason(refused("/sim/faults", Map.of("node", "app/1"))))
        .contains("kind must be crash, restart, partition or heal");
    assertThat(reason(refused("/sim/faults", Map.of("kind", "crash", "node", "app/9"))))
        .contains("has nodes 0..3");
    assertThat(reason(refused("/sim/faults", Map.of("kind", "crash", "node", "mars/1"))))
        .contains("no subnet mars");
    assertThat(reason(refused("/sim/faults", Map.of("kind", "crash", "node", 7))))
        .contains("subnet/index");
    assertThat(reason(refused("/sim/faults", Map.of("kind", "partition", "groups",
        List.of(List.of("app/0")))))).contains("at least two");
    assertThat(reason(refused("/sim/faults", Map.of("kind", "partition", "groups",
        List.of(List.of("app/0"), List.of("app/0")))))).contains("more than one");
    assertThat(reason(refused("/sim/faults", Map.of("kind", "byzantine", "node", "app/1"))))
        .contains("cannot be injected live");
    assertThat(refused("/sim/faults", "{not json").getStatus().getCode()).isEqualTo(400);
    assertThat(reason(refused("/sim/auto-progress?on=maybe", null))).contains("true or false");
    assertThat(refused("/sim/auto-progress", null).getStatus().getCode()).isEqualTo(400);
  }

  @Test
  @Order(5)
  void withAutoProgressOnTimeFollowsTheWallClockAndATickIsAConflict() throws Exception {
    assertThat(post("/sim/auto-progress?on=true", null)).containsEntry("auto_progress", true);
    long before = ((Number) metrics().get("virtual_time_nanos")).longValue();
    HttpClientResponseException tick = refused("/sim/tick", null);
    assertThat(tick.getStatus().getCode()).isEqualTo(409);
    assertThat(reason(tick)).contains("auto-progress is on");
    Thread.sleep(1_000);
    assertThat(((Number) metrics().get("virtual_time_nanos")).longValue()).isGreaterThan(before);
    assertThat(post("/sim/auto-progress?on=false", null)).containsEntry("auto_progress", false);
    gateway.session().awaitCaughtUp(120_000);
    long stood = ((Number) metrics().get("virtual_time_nanos")).longValue();
    Thread.sleep(300);
    assertThat(((Number) metrics().get("virtual_time_nanos")).longValue()).isEqualTo(stood);
  }

  @Test
  @Order(6)
  void theLivePageReadsTheMetrics() {
    String page = http.toBlocking().retrieve(HttpRequest.GET("/"));
    assertThat(page).contains("<title>subnet-sim: live world</title>").contains("/sim/metrics");
  }

  @Inject
  @Client("/")
  SseClient sse;

  @Test
  @Order(7)
  @SuppressWarnings("unchecked")
  void theEventStreamSendsHeightsAsTheyGrow() throws Exception {
    java.util.concurrent.CopyOnWriteArrayList<Map<String, Object>> seen =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    var subscription = reactor.core.publisher.Flux.from(sse.eventStream("/sim/events",
        Argument.mapOf(String.class, Object.class))).subscribe(e -> seen.add(e.getData()));
    try {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (seen.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      advance(3_000);
      while (seen.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    } finally {
      subscription.dispose();
    }
    assertThat(seen).hasSizeGreaterThanOrEqualTo(2);
    Map<String, Object> first = (Map<String, Object>) seen.get(0).get("heights");
    Map<String, Object> last = (Map<String, Object>) seen.get(seen.size() - 1).get("heights");
    assertThat(((Number) last.get("app")).longValue())
        .isGreaterThan(((Number) first.get("app")).longValue());
  }
}
