package dev.subnetsim.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.app.session.LiveClock;
import dev.subnetsim.app.session.LiveSession;
import dev.subnetsim.chainkey.certification.CborReader;
import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.ic.Principal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A bounded load test over loopback HTTP: concurrent clients at a stated rate against the served
 * world, every call reaching a certified reply (nothing lost), p50/p99 reported; and above
 * capacity, back-pressure (429) for every call beyond what waits, never a failure.
 */
class LoopbackLoadTest {
  /** 4 clients, 3 calls per second each, for 4 seconds: 48 signed v3 calls at 12/s. */
  private static final int CLIENTS = 4;
  private static final int CALLS_PER_CLIENT = 12;
  private static final long PERIOD_MILLIS = 333;

  private static HttpResponse<byte[]> post(HttpClient http, URI url, byte[] body)
      throws Exception {
    return http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/cbor")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void concurrentClientsAtAStatedRateAllGetCertifiedRepliesWithinBoundedLatency()
      throws Exception {
    LiveSession live = LiveWorldFixture.session();
    String counter = LiveWorldFixture.counter("app");
    byte[] canister = Principal.fromText(counter).toBytes();
    HttpClient http = HttpClient.newHttpClient();
    try (GatewayServer server = GatewayServer.start(new IcGateway(live), 0)) {
      URI call = server.url().resolve("/api/v3/canister/" + counter + "/call");
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<List<Long>>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        Envelopes client = new Envelopes(100 + c);
        clients.add(pool.submit(() -> {
          List<Long> latencies = new ArrayList<>();
          for (int i = 0; i < CALLS_PER_CLIENT; i++) {
            long start = System.nanoTime();
            byte[] body = client.signed(client.call(canister, "increment", new byte[0],
                live.replicaUnixNanos() + i));
            HttpResponse<byte[]> r = post(http, call, body);
            assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
            Map<String, CborValue> m = ((CborValue.MapValue) CborValue.stripSelfDescribe(
                CborReader.decode(r.body()))).entries();
            assertThat(m.get("status")).isEqualTo(new CborValue.Text("replied"));
            latencies.add(System.nanoTime() - start);
            Thread.sleep(Math.max(0, PERIOD_MILLIS - (System.nanoTime() - start) / 1_000_000));
          }
          return latencies;
        }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : clients) {
        all.addAll(f.get());
      }
      pool.shutdown();
      Collections.sort(all);
      assertThat(all).as("every call certified: nothing lost").hasSize(CLIENTS * CALLS_PER_CLIENT);
      long p50 = all.get(all.size() / 2) / 1_000_000;
      long p99 = all.get((int) Math.ceil(all.size() * 0.99) - 1) / 1_000_000;
      System.out.printf("loopback load: %d clients x %d v3 calls at %.1f calls/s: p50 %d ms,"
          + " p99 %d ms%n", CLIENTS, CALLS_PER_CLIENT, CLIENTS * 1000.0 / PERIOD_MILLIS, p50, p99);
      assertThat(p99).as("p99 within the v3 call's 10 s wait").isLessThan(10_000);
    }
  }

  @Test
  void aboveCapacityEveryCallIsAcceptedOrRefusedWith429AndNoneFails() throws Exception {
    LiveSession live = LiveWorldFixture.session();
    // The same world behind a session whose driver never takes anything in: capacity is the 20
    // calls that may wait; 8 clients send 10 calls each at once.
    LiveSession stalled = LiveSession.unstarted(live.run(), LiveClock.live(
        live.replicaUnixNanos()), 20);
    String counter = LiveWorldFixture.counter("app");
    byte[] canister = Principal.fromText(counter).toBytes();
    HttpClient http = HttpClient.newHttpClient();
    try (GatewayServer server = GatewayServer.start(new IcGateway(stalled), 0)) {
      URI call = server.url().resolve("/api/v2/canister/" + counter + "/call");
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<List<Integer>>> clients = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        Envelopes client = new Envelopes(200 + c);
        clients.add(pool.submit(() -> {
          List<Integer> codes = new ArrayList<>();
          for (int i = 0; i < 10; i++) {
            codes.add(post(http, call, client.signed(client.call(canister, "increment",
                new byte[0], live.replicaUnixNanos() + i))).statusCode());
          }
          return codes;
        }));
      }
      Map<Integer, Integer> byCode = new TreeMap<>();
      for (Future<List<Integer>> f : clients) {
        f.get().forEach(code -> byCode.merge(code, 1, Integer::sum));
      }
      pool.shutdown();
      assertThat(byCode).containsExactly(Map.entry(202, 20), Map.entry(429, 60));
    }
  }
}
