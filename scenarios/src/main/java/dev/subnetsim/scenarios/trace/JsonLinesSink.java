package dev.subnetsim.scenarios.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Writes the trace as JSON lines ({@code trace.jsonl}) to an {@link Appendable} the caller owns
 * (and closes). The hash never depends on it.
 */
public final class JsonLinesSink implements TraceSink {
  private final Appendable out;

  public JsonLinesSink(Appendable out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public void accept(TraceEvent event) {
    try {
      out.append(TraceJson.line(event)).append('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trace line", e);
    }
  }
}
