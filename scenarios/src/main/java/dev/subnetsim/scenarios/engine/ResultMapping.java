package dev.subnetsim.scenarios.engine;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.artifacts.ArtifactJson;
import dev.subnetsim.chainkey.artifacts.ArtifactOrigin;
import dev.subnetsim.chainkey.artifacts.BlsArtifact;
import dev.subnetsim.chainkey.bls.JblstBlsSignatures;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.scenarios.driver.DriverOutcome;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.result.RunResult;
import dev.subnetsim.scenarios.result.SeriesKey;
import dev.subnetsim.scenarios.result.TimeSeries;
import dev.subnetsim.scenarios.spec.ConsensusSpec;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps the driver's raw outcome and the recorder's observations to a {@link ScenarioRun}: the
 * report model, the artifacts log and the longest finalization gap per subnet.
 */
final class ResultMapping {
  private ResultMapping() {}

  static ScenarioRun map(WorldAssembly.Assembled a, RunWiring.Wired w,
      DriverOutcome run, ScenarioRunner.Options options) {
    List<InvariantResult> invariants = InvariantMapping.invariants(a, w, run, options.reproduce());
    Map<String, Long> gaps = gaps(a.spec(), w.recorder(), run.virtualNanos());
    // Stand-in signatures of cheap crypto are not BLS: they never go to the artifacts log.
    List<String> artifacts = new ArrayList<>(
        a.spec().consensus().crypto() == ConsensusSpec.Crypto.CHEAP ? List.of()
            : artifacts(w.recorder()));
    if (w.replies() != null) {
      artifacts.addAll(w.replies().artifactLines());
    }
    if (w.stories() != null) {
      artifacts.addAll(w.stories().stories().artifactLines());
    }
    return new ScenarioRun(result(a.spec(), options, run, w.recorder(), invariants), artifacts,
        gaps);
  }

  /** Per subnet, the longest time without a finalization, counting the end of the run. */
  private static Map<String, Long> gaps(ScenarioSpec spec, RunRecorder recorder, long endNanos) {
    Map<String, Long> gaps = new TreeMap<>();
    for (var sub : spec.subnets()) {
      long last = 0;
      long worst = 0;
      for (long t : recorder.finalizationTimes.getOrDefault(sub.name(), List.of())) {
        worst = Math.max(worst, t - last);
        last = t;
      }
      gaps.put(sub.name().name(), Math.max(worst, endNanos - last));
    }
    return gaps;
  }

  private static RunResult result(ScenarioSpec spec, ScenarioRunner.Options options,
      DriverOutcome run, RunRecorder recorder,
      List<InvariantResult> invariants) {
    Map<String, RunResult.MessageVolume> messages = new TreeMap<>();
    run.deliveredByKind().forEach((k, v) -> messages.put(k, new RunResult.MessageVolume(v[0], v[1])));
    Map<String, List<Long>> latencies = new TreeMap<>();
    if (!recorder.ingressLatency.isEmpty()) {
      latencies.put("ingress", new ArrayList<>(recorder.ingressLatency.values()));
    }
    recorder.requestLatency.forEach((k, v) -> latencies.put(k, new ArrayList<>(v.values())));
    List<Long> finalization = new ArrayList<>();
    recorder.finalizationLatency.values().forEach(byHeight -> finalization.addAll(
        byHeight.values()));
    if (!finalization.isEmpty()) {
      latencies.put(RunResult.FINALIZATION_LATENCY, finalization);
    }
    List<RunResult.TimelineEvent> timeline = new ArrayList<>();
    for (FaultSpec f : spec.faults()) {
      timeline.add(new RunResult.TimelineEvent(f.atNanos() / 1e9,
          f.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(),
          describe(f)));
    }
    Map<String, Long> heights = new TreeMap<>();
    run.maxFinalizedHeight().forEach((s, h) -> heights.put(s.name(), h));
    return new RunResult(spec.name(), spec.seed(), run.traceHash(), run.virtualNanos() / 1e9, 0,
        spec.totalNodes(), spec.subnets().size(), invariants, heights, series(run, recorder),
        latencies, messages, timeline, config(spec, options, run, recorder), options.reproduce());
  }

  /** Finalized height, stash levels and answered requests per second over the run. */
  private static Map<String, TimeSeries> series(DriverOutcome run,
      RunRecorder recorder) {
    Map<String, TimeSeries> series = new TreeMap<>();
    recorder.heightSeries.forEach((s, b) -> series.put(SeriesKey.FINALIZED_HEIGHT.of(s.name()),
        b.add(run.virtualNanos() / 1e9, recorder.finalizedHeight.getOrDefault(s, 0L)).build()));
    double end = run.virtualNanos() / 1e9;
    recorder.stashSeries.forEach((k, b) -> {
      TimeSeries partial = b.build();
      double last = partial.points().get(partial.points().size() - 1)[1];
      series.put(SeriesKey.STASH.of(k), b.add(end, last).build());
    });
    recorder.answeredAt.forEach((kind, times) -> {
      // Answered requests per simulated second, in one-second bins.
      long[] bins = new long[Math.max(1, (int) Math.ceil(end))];
      times.forEach(t -> bins[Math.min(bins.length - 1, (int) (t / 1_000_000_000L))]++);
      TimeSeries.Builder b = new TimeSeries.Builder();
      for (int i = 0; i < bins.length; i++) {
        b.add(i + 1, bins[i]);
      }
      series.put(SeriesKey.THROUGHPUT.of(kind), b.build());
    });
    return series;
  }

  /** The run's configuration as the report lists it. */
  private static Map<String, String> config(ScenarioSpec spec, ScenarioRunner.Options options,
      DriverOutcome run, RunRecorder recorder) {
    Map<String, String> config = new TreeMap<>();
    config.put("scenario", spec.name());
    config.put("description", spec.description());
    config.put("seed", String.valueOf(spec.seed()));
    config.put("duration_s", String.valueOf(spec.durationNanos() / 1e9));
    spec.subnets().forEach(s -> config.put("subnet " + s.name(), s.role().name().toLowerCase()
        + ", " + s.nodes() + " nodes (f = " + spec.faultBound(s) + "), regions " + s.regions()));
    if (spec.consensus().protocol() != ConsensusSpec.Protocol.ICC) {
      config.put("consensus_protocol", spec.consensus().consensusProtocol().toString());
    }
    config.put("unit_delay_ms", String.valueOf(spec.consensus().unitDelayNanos() / 1e6));
    config.put("initial_notary_delay_ms",
        String.valueOf(spec.consensus().initialNotaryDelayNanos() / 1e6));
    config.put("network", spec.network().toString());
    config.put("ingress_per_second", String.valueOf(spec.workload().ingressPerSecond()));
    config.put("dispatcher_threads", String.valueOf(options.dispatcherThreads()));
    config.put("stop_reason", run.stopReason().name());
    config.put("artifacts_rejected_from", recorder.rejectedSenders.toString());
    Map<String, Integer> rejectedLoad = new TreeMap<>();
    recorder.rejected.forEach((k, v) -> rejectedLoad.put(k, v.size()));
    config.put("requests_rejected", rejectedLoad.toString());
    return config;
  }

  private static String describe(FaultSpec f) {
    String s = f.toString();
    int paren = s.indexOf('[');
    return paren < 0 ? s : s.substring(paren + 1, s.length() - 1)
        .replaceAll("atNanos=\\d+, line=\\d+,? ?", "");
  }

  private static List<String> artifacts(RunRecorder recorder) {
    String multiDst = JblstBlsSignatures.icMultiSignature().messageDst();
    List<String> lines = new ArrayList<>();
    for (RunRecorder.Combined c : recorder.combined) {
      boolean multi = c.kind().equals("notarization") || c.kind().equals("finalization")
          || c.kind().equals("fast-finalization");
      lines.add(ArtifactJson.toJsonLine(new BlsArtifact(
          new ArtifactOrigin(c.subnet(), c.height(), c.kind()), Bytes.of(c.publicKey()),
          Bytes.of(c.message()), Bytes.of(c.signature()),
          multi ? multiDst : DomainSeparators.BLS_SIG_DST)));
    }
    return lines;
  }
}
