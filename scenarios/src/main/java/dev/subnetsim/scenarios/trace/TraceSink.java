package dev.subnetsim.scenarios.trace;

/** Receives every trace event in trace order (e.g. a JSON-lines writer owned by the caller). */
@FunctionalInterface
public interface TraceSink {
  void accept(TraceEvent event);
}
