package dev.subnetsim.scenarios.bench;

import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.engine.ScenarioRun;
import dev.subnetsim.scenarios.engine.ScenarioRunner;
import dev.subnetsim.scenarios.result.RunResult;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chain-key service throughput and latency in simulated time: a signing subnet of n nodes (real
 * threshold cryptography, default delays) answers one request stream from a 4-node app subnet
 * (requests cross both subnets' certified streams) at a given rate, with a given presignature
 * stash per curve/algorithm (request queue limit 1024, so back-pressure does not cut the load). Reports answered requests per simulated second, p50/p99 latency,
 * rejected requests (stash exhausted or queue full), and wall seconds: for the whole run, for the
 * setup alone (the genesis key ceremony and presignature stash, measured by the same scenario run
 * for 0.2 s), and per answered request after setup.
 *
 * <p>Run: {@code ./mvnw -q -pl scenarios -am -DskipNode=true -Psim-bench test-compile exec:exec
 * -Dbench.main=dev.subnetsim.scenarios.bench.SigningThroughputBench -Djmh.args='20'}; arguments:
 * simulated seconds per point, then optionally points as {@code n:kind:rate:stash[:cold[:inflight]]}
 * ({@code cold}: the stash starts empty and only the background refill through consensus makes
 * presignatures; default: prefilled by the setup ceremony, 8 in flight per key).
 */
public final class SigningThroughputBench {
  private SigningThroughputBench() {}

  record Point(int n, String kind, double rate, int stash, boolean prefill, int inFlight) {
    Point(int n, String kind, double rate, int stash) {
      this(n, kind, rate, stash, true, 8);
    }
  }

  static String yaml(Point p, double seconds) {
    return """
        name: signing-throughput
        seed: 1
        duration: %sms
        subnets:
          - {name: signing, role: signing, nodes: %d}
          - {name: app, role: app, nodes: 4}
        workload:
          presignature_stash: %d
          presignature_prefill: %s
          presignatures_in_flight: %d
          request_queue_limit: 1024
          requests:
            - {kind: %s, rate: %s/s, from: app}
        invariants: [agreement, certified-state-agreement]
        """.formatted((long) (seconds * 1000), p.n(), p.stash(), p.prefill(), p.inFlight(),
        p.kind(),
        String.format(Locale.ROOT, "%.1f", p.rate()));
  }

  static double wall(Point p, double seconds, ScenarioRun[] out) {
    ScenarioSpec spec = ScenarioParser.parse("bench.yaml", yaml(p, seconds));
    long start = System.nanoTime();
    out[0] = ScenarioRunner.run(spec, new ScenarioRunner.Options(1, 2, null, "bench"));
    return (System.nanoTime() - start) / 1e9;
  }

  static String measure(Point p, double seconds) {
    ScenarioRun[] run = new ScenarioRun[1];
    double setup = wall(p, 0.2, run);
    double total = wall(p, seconds, run);
    RunResult r = run[0].result();
    String latencyKey = switch (p.kind()) {
      case "sign-with-ecdsa" -> "ecdsa";
      case "sign-with-schnorr" -> "schnorr";
      case "vetkd-derive-key" -> "vetkd";
      case "ecdh-derive" -> "ecdh";
      default -> p.kind();
    };
    List<Long> lat = new ArrayList<>(r.latenciesNanos().getOrDefault(latencyKey, List.of()));
    lat.sort(Long::compare);
    double p50 = lat.isEmpty() ? Double.NaN : lat.get(lat.size() / 2) / 1e9;
    double p99 = lat.isEmpty() ? Double.NaN : lat.get(Math.min(lat.size() - 1,
        (int) Math.ceil(lat.size() * 0.99) - 1)) / 1e9;
    double blocks = r.finalizedHeight().getOrDefault("signing", 0L) / r.simSeconds();
    return String.format(Locale.ROOT,
        "n=%d %-18s rate=%5.1f/s stash=%4d %s in-flight=%d | answered %4d (%.2f/s) p50 %.2f s p99 %.2f s rejected %s"
            + " | blocks/s %.2f | wall %.1f s, setup %.1f s, per answered %.1f ms | violated=%s",
        p.n(), p.kind(), p.rate(), p.stash(), p.prefill() ? "prefilled" : "cold", p.inFlight(),
        lat.size(), lat.size() / r.simSeconds(), p50, p99,
        r.config().get("requests_rejected"), blocks, total, setup,
        lat.isEmpty() ? Double.NaN : (total - setup) * 1000 / lat.size(), run[0].violated());
  }

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
    List<Point> points = new ArrayList<>();
    if (args.length > 1) {
      for (int i = 1; i < args.length; i++) {
        String[] f = args[i].split(":");
        points.add(new Point(Integer.parseInt(f[0]), f[1], Double.parseDouble(f[2]),
            Integer.parseInt(f[3]), f.length < 5 || !f[4].equals("cold"),
            f.length < 6 ? 8 : Integer.parseInt(f[5])));
      }
    } else {
      for (String kind : List.of("sign-with-ecdsa", "sign-with-schnorr", "vetkd-derive-key",
          "ecdh-derive")) {
        for (double rate : List.of(5.0, 20.0, 50.0)) {
          points.add(new Point(13, kind, rate, 64));
        }
      }
      points.add(new Point(13, "sign-with-ecdsa", 20, 16));
      for (String kind : List.of("sign-with-ecdsa", "sign-with-schnorr", "vetkd-derive-key",
          "ecdh-derive")) {
        points.add(new Point(34, kind, 20, 32));
      }
    }
    System.out.println("# signing throughput, " + seconds + " simulated s per point");
    for (Point p : points) {
      System.out.println(measure(p, seconds));
    }
  }
}
