package dev.subnetsim.app.sweep;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a swept field's values go on a chart's x axis. Values that all read as numbers in one
 * family (plain numbers, durations, percentages, rates) are placed by magnitude, in the family's
 * base unit; any other field is categorical, its values evenly spaced in the order given.
 */
final class FieldValues {
  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?");
  private static final Pattern DURATION =
      Pattern.compile("([-+]?\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h)");
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(s|m|min)");

  /** The x positions of {@code values} and the axis unit ("" when plain or categorical). */
  record Axis(List<Double> positions, String unit, boolean numeric) {}

  private FieldValues() {}

  static Axis axis(List<String> values) {
    for (String unit : List.of("", "s", "fraction", "/s")) {
      List<Optional<Double>> read = values.stream().map(v -> read(v, unit)).toList();
      if (read.stream().allMatch(Optional::isPresent)) {
        return new Axis(read.stream().map(Optional::get).toList(), unit, true);
      }
    }
    return new Axis(java.util.stream.IntStream.range(0, values.size()).mapToObj(i -> (double) i)
        .toList(), "", false);
  }

  /** {@code text} in {@code unit}: "" plain, "s" a duration, "fraction" a percentage or plain. */
  static Optional<Double> read(String text, String unit) {
    String t = text.trim();
    Matcher m;
    switch (unit) {
      case "" -> {
        return NUMBER.matcher(t).matches() ? Optional.of(Double.parseDouble(t)) : Optional.empty();
      }
      case "s" -> {
        if (!(m = DURATION.matcher(t)).matches()) {
          return Optional.empty();
        }
        double scale = switch (m.group(2)) {
          case "ns" -> 1e-9;
          case "us" -> 1e-6;
          case "ms" -> 1e-3;
          case "m" -> 60;
          case "h" -> 3600;
          default -> 1;
        };
        return Optional.of(Double.parseDouble(m.group(1)) * scale);
      }
      case "fraction" -> {
        if ((m = PERCENT.matcher(t)).matches()) {
          return Optional.of(Double.parseDouble(m.group(1)) / 100);
        }
        return NUMBER.matcher(t).matches() ? Optional.of(Double.parseDouble(t)) : Optional.empty();
      }
      case "/s" -> {
        if (!(m = RATE.matcher(t)).matches()) {
          return NUMBER.matcher(t).matches() ? Optional.of(Double.parseDouble(t))
              : Optional.empty();
        }
        return Optional.of(Double.parseDouble(m.group(1)) / (m.group(2).equals("s") ? 1 : 60));
      }
      default -> throw new IllegalArgumentException(unit.toUpperCase(Locale.ROOT));
    }
  }
}
