package dev.subnetsim.app.sweep;

import dev.subnetsim.scenarios.dsl.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Seed lists as users write them: {@code 1-10}, {@code 1,2,5} or both ({@code 1-3,7}). */
public final class Seeds {
  private static final Pattern PART = Pattern.compile("\\s*(\\d{1,18})\\s*(?:-\\s*(\\d{1,18})\\s*)?");
  /** A sweep runs every seed; a typo like 1-100000 should not queue a week of runs. */
  static final int MAX_SEEDS = 10_000;

  private Seeds() {}

  public static List<Long> parse(String text) {
    List<Long> out = new ArrayList<>();
    java.util.Set<Long> seen = new java.util.TreeSet<>();
    for (String part : text.split(",", -1)) {
      Matcher m = PART.matcher(part);
      if (!m.matches()) {
        throw new ScenarioException("--seeds", 0, "", "expected seeds like 1-10 or 1,2,5, got '"
            + text + "'");
      }
      long from = Long.parseLong(m.group(1));
      long to = m.group(2) == null ? from : Long.parseLong(m.group(2));
      if (to < from || to - from >= MAX_SEEDS || out.size() + (to - from + 1) > MAX_SEEDS) {
        throw new ScenarioException("--seeds", 0, "", "expected at most " + MAX_SEEDS
            + " seeds in ascending ranges, got '" + text + "'");
      }
      for (long s = from; s <= to; s++) {
        if (!seen.add(s)) {
          throw new ScenarioException("--seeds", 0, "", "seed " + s + " is listed twice");
        }
        out.add(s);
      }
    }
    return out;
  }
}
