package dev.subnetsim.scenarios.engine;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.MetricKey;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.invariants.InvariantChecker;
import dev.subnetsim.scenarios.invariants.Violation;
import dev.subnetsim.scenarios.result.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collects what the report needs from honest replicas' observations: finalized height per subnet
 * over time, finalization times (for pass criteria) and latencies, ingress latencies, rejected
 * senders, and the
 * first copy of every combined signature (for artifacts.jsonl). It never fails the run.
 */
final class RunRecorder implements InvariantChecker {
  /** A combined signature as first observed: subnet, kind, height, key, message, signature. */
  record Combined(String subnet, String kind, long height, byte[] publicKey, byte[] message,
      byte[] signature) {}

  private final FaultSchedule faults;
  final Map<SubnetId, Long> finalizedHeight = new TreeMap<>();
  final Map<SubnetId, TimeSeries.Builder> heightSeries = new TreeMap<>();
  final Map<SubnetId, List<Long>> finalizationTimes = new TreeMap<>();
  /** When a height was first notarized, by subnet then height (honest replicas' first). */
  private final Map<String, TreeMap<Long, Long>> notarizedAt = new TreeMap<>();
  /** When a height's random beacon was first combined, likewise. */
  private final Map<String, TreeMap<Long, Long>> beaconAt = new TreeMap<>();
  /**
   * Finalization latency by subnet and height: from the height's round start (when a block maker
   * can first propose at it: its random beacon and its parent height's notarization are both
   * there, as first observed) to the height's first finalization.
   */
  final Map<String, TreeMap<Long, Long>> finalizationLatency = new TreeMap<>();
  final Map<Long, Long> ingressLatency = new TreeMap<>();
  /** Latencies of chain-key requests by kind name ("vetkd", "ecdh", ...), by sequence. */
  final Map<String, Map<Long, Long>> requestLatency = new TreeMap<>();
  /** Load messages rejected (back-pressure, keys not yet installed, errors) by kind, by sequence. */
  final Map<String, TreeSet<Long>> rejected = new TreeMap<>();
  private final java.util.function.LongFunction<String> requestKind;
  final TreeSet<NodeId> rejectedSenders = new TreeSet<>();
  final List<Combined> combined = new ArrayList<>();
  /** Presignature stash level over time, by "subnet key", as first reported at each change. */
  final Map<String, TimeSeries.Builder> stashSeries = new TreeMap<>();
  private final Map<String, Double> stashLevel = new TreeMap<>();
  private final Map<String, Long> stashHeight = new TreeMap<>();
  /** The height each replica executed last (it reports Finalized as it executes). */
  private final Map<NodeId, Long> executedHeight = new TreeMap<>();
  /** Virtual time of each answered chain-key request's first completion, by kind. */
  final Map<String, List<Long>> answeredAt = new TreeMap<>();
  private final TreeSet<String> seenCombined = new TreeSet<>();
  long rejections;

  RunRecorder(FaultSchedule faults) {
    this(faults, seq -> null);
  }

  /** {@code requestKind} names the chain-key kind of a load sequence, or null for plain ingress. */
  RunRecorder(FaultSchedule faults, java.util.function.LongFunction<String> requestKind) {
    this.faults = faults;
    this.requestKind = requestKind;
  }

  @Override
  public String name() {
    return "recorder";
  }

  @Override
  public List<Violation> onObservation(long t, NodeId node, Observation o) {
    if (faults.isByzantine(node)) {
      return List.of();
    }
    if (o instanceof Observation.Finalized f) {
      executedHeight.put(node, f.height());
      SubnetId s = f.subnet();
      long previous = finalizedHeight.getOrDefault(s, 0L);
      if (f.height() > previous) {
        finalizedHeight.put(s, f.height());
        heightSeries.computeIfAbsent(s, k -> new TimeSeries.Builder().add(0, 0))
            .add(t / 1e9, f.height());
        finalizationTimes.computeIfAbsent(s, k -> new ArrayList<>()).add(t);
      }
      Long parent = notarizedAt.getOrDefault(s.name(), new TreeMap<>()).get(f.height() - 1);
      Long beacon = beaconAt.getOrDefault(s.name(), new TreeMap<>()).get(f.height());
      if (parent != null && beacon != null) {
        finalizationLatency.computeIfAbsent(s.name(), k -> new TreeMap<>())
            .putIfAbsent(f.height(), t - Math.max(parent, beacon));
      }
    } else if (o instanceof Observation.Metric m && MetricKey.INGRESS_DONE.matches(m.name())) {
      long seq = Long.parseLong(MetricKey.INGRESS_DONE.subject(m.name()));
      String kind = requestKind.apply(seq);
      if (kind == null) {
        ingressLatency.merge(seq, (long) m.value(), Math::min);
      } else {
        Map<Long, Long> byKind = requestLatency.computeIfAbsent(kind, k -> new TreeMap<>());
        if (!byKind.containsKey(seq)) {
          answeredAt.computeIfAbsent(kind, k -> new ArrayList<>()).add(t);
        }
        byKind.merge(seq, (long) m.value(), Math::min);
      }
    } else if (o instanceof Observation.Metric m
        && MetricKey.PRESIGNATURE_STASH.matches(m.name())) {
      String[] parts = MetricKey.PRESIGNATURE_STASH.subject(m.name()).split("/", 2);
      String series = parts[0] + " " + parts[1].toLowerCase(java.util.Locale.ROOT);
      // A replica reports the level after executing a height; one catching up reports old
      // heights' levels, which are not news.
      long height = executedHeight.getOrDefault(node, 0L);
      if (height > stashHeight.getOrDefault(series, -1L)) {
        stashHeight.put(series, height);
        Double before = stashLevel.put(series, m.value());
        if (before == null || before != m.value()) {
          stashSeries.computeIfAbsent(series, k -> new TimeSeries.Builder())
              .add(t / 1e9, m.value());
        }
      }
    } else if (o instanceof Observation.Metric m && MetricKey.INGRESS_REJECTED.matches(m.name())) {
      long seq = Long.parseLong(MetricKey.INGRESS_REJECTED.subject(m.name()));
      String kind = requestKind.apply(seq);
      rejected.computeIfAbsent(kind == null ? "ingress" : kind, k -> new TreeSet<>()).add(seq);
    } else if (o instanceof Observation.ArtifactRejected r) {
      rejectedSenders.add(r.from());
      rejections++;
    } else if (o instanceof Observation.CombinedSignature c) {
      if (c.kind().equals("notarization") || c.kind().equals("random-beacon")) {
        (c.kind().equals("notarization") ? notarizedAt : beaconAt)
            .computeIfAbsent(c.subnet().name(), k -> new TreeMap<>()).putIfAbsent(c.height(), t);
      }
      String key = c.subnet() + "/" + c.kind() + "/" + c.height() + "/"
          + c.signature().toHex();
      if (seenCombined.add(key)) {
        combined.add(new Combined(c.subnet().name(), c.kind(), c.height(),
            c.publicKey().toArray(), c.message().toArray(), c.signature().toArray()));
      }
    }
    return List.of();
  }
}
