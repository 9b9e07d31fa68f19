package dev.subnetsim.scenarios.world;

import dev.subnetsim.replica.Observation;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.result.RunResult.TimelineEvent;
import dev.subnetsim.scenarios.result.TimeSeries;
import dev.subnetsim.scenarios.trace.TraceEvent;
import dev.subnetsim.scenarios.trace.TraceSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trace sink that keeps what the report's charts need: per subnet, the highest height finalized
 * by an honest replica over time ({@code finalized_height/<subnet>}), and the fault timeline.
 */
public final class RunRecorder implements TraceSink {
  private static final double NANOS_PER_SECOND = 1e9;

  private final FaultSchedule faults;
  private final TreeMap<String, TimeSeries.Builder> heights = new TreeMap<>();
  private final TreeMap<String, Long> maxHeight = new TreeMap<>();
  private final List<TimelineEvent> timeline = new ArrayList<>();

  public RunRecorder(FaultSchedule faults) {
    this.faults = faults;
  }

  @Override
  public void accept(TraceEvent event) {
    double t = event.timeNanos() / NANOS_PER_SECOND;
    if (event instanceof TraceEvent.Observed o && o.observation() instanceof Observation.Finalized f
        && !faults.isByzantine(o.node())) {
      String subnet = f.subnet().name();
      if (f.height() > maxHeight.getOrDefault(subnet, -1L)) {
        maxHeight.put(subnet, f.height());
        heights.computeIfAbsent(subnet, k -> new TimeSeries.Builder()).add(t, f.height());
      }
    } else if (event instanceof TraceEvent.FaultApplied fa) {
      timeline.add(new TimelineEvent(t, "fault", fa.description()));
    }
  }

  /** {@code finalized_height/<subnet>} series, sorted by name. */
  public Map<String, TimeSeries> series() {
    TreeMap<String, TimeSeries> out = new TreeMap<>();
    heights.forEach((subnet, b) -> out.put("finalized_height/" + subnet, b.build()));
    return out;
  }

  public List<TimelineEvent> timeline() {
    return List.copyOf(timeline);
  }
}
