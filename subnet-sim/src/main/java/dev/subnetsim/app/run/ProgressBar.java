package dev.subnetsim.app.run;

import dev.subnetsim.scenarios.trace.TraceEvent;
import dev.subnetsim.scenarios.trace.TraceSink;
import java.io.PrintStream;

/**
 * A progress bar of simulated time for runs on a terminal: it watches the trace (virtual time only,
 * so it cannot influence the run) and redraws one line on stderr each time another 2% of the
 * scenario's duration has been simulated.
 */
public final class ProgressBar implements TraceSink {
  private static final int WIDTH = 40;
  private final PrintStream out;
  private final long endNanos;
  private final TraceSink next;
  private int shown = -1;

  public ProgressBar(PrintStream out, long endNanos, TraceSink next) {
    this.out = out;
    this.endNanos = endNanos;
    this.next = next;
  }

  /** Whether the process writes to a terminal (no bar in CI logs or when piped). */
  public static boolean onTerminal() {
    return System.console() != null;
  }

  @Override
  public void accept(TraceEvent event) {
    next.accept(event);
    int percent = (int) Math.min(100, event.timeNanos() * 100 / endNanos);
    if (percent / 2 > shown / 2 || shown < 0) {
      shown = percent;
      int filled = percent * WIDTH / 100;
      out.printf("\r  [%s%s] %3d%%  %.1f / %.1f simulated s", "#".repeat(filled),
          " ".repeat(WIDTH - filled), percent, event.timeNanos() / 1e9, endNanos / 1e9);
      out.flush();
    }
  }

  /** Ends the bar's line. */
  public void finish() {
    if (shown >= 0) {
      out.println();
    }
  }
}
