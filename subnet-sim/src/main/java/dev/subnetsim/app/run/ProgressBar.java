package dev.subnetsim.app.run;

import dev.subnetsim.scenarios.trace.TraceEvent;
import dev.subnetsim.scenarios.trace.TraceSink;
import java.io.PrintStream;

/**
 * A progress bar for runs on a terminal, redrawn on one line of stderr each time another 2% is
 * done. As a trace sink it shows simulated time (it watches virtual time only, so it cannot
 * influence the run); {@link #counting} makes one over units of work such as fuzz seeds.
 */
public final class ProgressBar implements TraceSink {
  private static final int WIDTH = 40;
  private final PrintStream out;
  private final long end;
  private final TraceSink next;
  /** Counted units ("seeds"), or null for simulated nanoseconds. */
  private final String unit;
  private int shown = -1;

  public ProgressBar(PrintStream out, long endNanos, TraceSink next) {
    this(out, endNanos, next, null);
  }

  private ProgressBar(PrintStream out, long end, TraceSink next, String unit) {
    this.out = out;
    this.end = Math.max(1, end);
    this.next = next;
    this.unit = unit;
  }

  /** A bar over {@code total} units of work, advanced with {@link #advanceTo}. */
  public static ProgressBar counting(PrintStream out, long total, String unit) {
    return new ProgressBar(out, total, null, unit);
  }

  /** Whether the process writes to a terminal (no bar in CI logs or when piped). */
  public static boolean onTerminal() {
    return System.console() != null;
  }

  @Override
  public void accept(TraceEvent event) {
    next.accept(event);
    advanceTo(event.timeNanos());
  }

  /** {@code done} of the bar's total is done; redraws when another 2% is. */
  public void advanceTo(long done) {
    int percent = (int) Math.min(100, done * 100 / end);
    if (percent / 2 > shown / 2 || shown < 0) {
      shown = percent;
      int filled = percent * WIDTH / 100;
      String amount = unit == null
          ? String.format("%.1f / %.1f simulated s", done / 1e9, end / 1e9)
          : done + " / " + end + " " + unit;
      out.printf("\r  [%s%s] %3d%%  %s", "#".repeat(filled), " ".repeat(WIDTH - filled), percent,
          amount);
      out.flush();
    }
  }

  /** Blanks the bar's line so other output can be printed; the next advance redraws it. */
  public void clear() {
    if (shown >= 0) {
      out.print("\r" + " ".repeat(WIDTH + 40) + "\r");
      out.flush();
      shown = -1;
    }
  }

  /** Ends the bar's line. */
  public void finish() {
    if (shown >= 0) {
      out.println();
    }
  }
}
