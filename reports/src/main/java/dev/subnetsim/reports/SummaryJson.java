package dev.subnetsim.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.result.Percentiles;
import dev.subnetsim.scenarios.result.RunResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code summary.json}: the field set of docs/FORMATS.md ("Run output folder"), keys sorted. */
public final class SummaryJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {}

  public static ObjectNode toJson(RunResult r) {
    ObjectNode s = JSON.createObjectNode();
    s.put("scenario", r.scenario());
    s.put("seed", r.seed());
    s.put("trace_hash", r.traceHash());
    s.put("sim_seconds", r.simSeconds());
    s.put("wall_seconds", r.wallSeconds());
    s.put("nodes", r.nodes());
    s.put("subnets", r.subnets());
    s.put("passed", r.passed());
    var inv = s.putArray("invariants");
    for (InvariantResult i : r.invariants()) {
      inv.addObject().put("name", i.name()).put("status", i.status().wireName())
          .put("detail", i.detail());
    }
    ObjectNode m = s.putObject("metrics");
    ObjectNode heights = m.putObject("finalized_height");
    new TreeMap<>(r.finalizedHeight()).forEach(heights::put);
    ObjectNode rate = m.putObject("blocks_per_second");
    new TreeMap<>(r.finalizedHeight()).forEach(
        (subnet, h) -> rate.put(subnet, r.simSeconds() > 0 ? h / r.simSeconds() : 0));
    ObjectNode lat = m.putObject("latency_seconds");
    long signatures = 0;
    for (Map.Entry<String, List<Long>> e : new TreeMap<>(r.latenciesNanos()).entrySet()) {
      ObjectNode k = lat.putObject(e.getKey());
      k.put("count", e.getValue().size());
      for (int p : new int[] {50, 95, 99}) {
        long v = Percentiles.of(e.getValue(), p);
        if (v >= 0) {
          k.put("p" + p, v / 1e9);
        } else {
          k.putNull("p" + p);
        }
      }
      if (!e.getKey().equals("ingress") && !e.getKey().equals(RunResult.FINALIZATION_LATENCY)) {
        signatures += e.getValue().size();
      }
    }
    m.put("chain_key_results_per_second", r.simSeconds() > 0 ? signatures / r.simSeconds() : 0);
    ObjectNode msgs = m.putObject("messages_by_type");
    new TreeMap<>(r.messagesByType()).forEach(
        (type, v) -> msgs.putObject(type).put("count", v.count()).put("bytes", v.bytes()));
    s.put("reproduce", r.reproduce());
    return s;
  }

  public static String render(RunResult r) {
    try {
      return JSON.writeValueAsString(toJson(r)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
