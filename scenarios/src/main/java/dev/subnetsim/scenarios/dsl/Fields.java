package dev.subnetsim.scenarios.dsl;

import dev.subnetsim.consensus.types.SubnetId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, located reads from one YAML mapping. Every read marks its key as known; {@link
 * #rejectUnknown()} then reports a misspelt key with the closest known name.
 */
final class Fields {
  private static final Pattern DURATION =
      Pattern.compile("([-+]?)\\s*(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h)?");
  private static final Pattern DECIMAL = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final Pattern FRACTION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(%)?");
  private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*(s|m|min))?");
  private static final Pattern BANDWIDTH =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(bit|kbit|Mbit|Gbit|B|kB|KB|MB|GB)(?:/s)?");

  private final String file;
  private final YamlNode.Mapping map;
  private final Set<String> known = new TreeSet<>();

  Fields(String file, YamlNode node) {
    this.file = file;
    if (!(node instanceof YamlNode.Mapping m)) {
      throw error(node, "expected a mapping, got " + node.describe());
    }
    this.map = m;
  }

  ScenarioException error(YamlNode node, String problem) {
    return new ScenarioException(file, node.line(), node.path(), problem);
  }

  String file() {
    return file;
  }

  int line() {
    return map.line();
  }

  boolean has(String key) {
    known.add(key);
    YamlNode n = map.fields().get(key);
    return n != null && !(n instanceof YamlNode.Null);
  }

  YamlNode require(String key) {
    known.add(key);
    YamlNode n = map.fields().get(key);
    if (n == null || n instanceof YamlNode.Null) {
      String path = map.path().isEmpty() ? key : map.path() + "." + key;
      throw new ScenarioException(file, map.line(), path, "is required but missing");
    }
    return n;
  }

  YamlNode optional(String key) {
    return has(key) ? map.fields().get(key) : null;
  }

  String string(String key) {
    return scalar(require(key));
  }

  String string(String key, String fallback) {
    return has(key) ? string(key) : fallback;
  }

  /** A subnet named by {@code key}; whether it exists is the validator's question. */
  SubnetId subnet(String key) {
    return subnet(require(key), string(key));
  }

  SubnetId subnet(YamlNode n, String name) {
    if (name.isBlank()) {
      throw error(n, "expected a subnet name, got '" + name + "'");
    }
    return new SubnetId(name);
  }

  String scalar(YamlNode n) {
    if (!(n instanceof YamlNode.Scalar s)) {
      throw error(n, "expected a value, got " + n.describe());
    }
    return s.text();
  }

  boolean bool(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    String text = scalar(require(key)).trim();
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(require(key), "expected true or false, got '" + text + "'");
    };
  }

  long integer(String key, long min, long max) {
    return integer(require(key), min, max);
  }

  long integer(String key, long min, long max, long fallback) {
    return has(key) ? integer(key, min, max) : fallback;
  }

  long integer(YamlNode n, long min, long max) {
    String text = scalar(n);
    long v;
    try {
      v = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw error(n, "expected a whole number, got '" + text + "'");
    }
    if (v < min || v > max) {
      throw error(n, "expected a number in [" + min + ", " + max + "], got " + v);
    }
    return v;
  }

  /** A probability: {@code 0.01} or {@code 1%}, in [0, 1]. */
  double fraction(String key, double fallback) {
    if (!has(key)) {
      return fallback;
    }
    YamlNode n = require(key);
    String text = scalar(n).trim();
    Matcher m = FRACTION.matcher(text);
    if (!m.matches()) {
      throw error(n, "expected a probability like 0.01 or 1%, got '" + text + "'");
    }
    double v = decimal(n, m.group(1)) / (m.group(2) == null ? 1 : 100);
    if (v > 1) {
      throw error(n, "expected a probability in [0, 1], got " + text);
    }
    return v;
  }

  /** A plain decimal number in [min, max] (no NaN, infinities, exponents or hex). */
  double number(String key, double min, double max, double fallback) {
    if (!has(key)) {
      return fallback;
    }
    YamlNode n = require(key);
    String text = scalar(n).trim();
    if (!DECIMAL.matcher(text).matches()) {
      throw error(n, "expected a number like 0.5, got '" + text + "'");
    }
    double v = decimal(n, text);
    if (v < min || v > max) {
      throw error(n, "expected a number in [" + min + ", " + max + "], got " + text);
    }
    return v;
  }

  /** Digits as a finite double: thousands of digits would parse as infinity. */
  private double decimal(YamlNode n, String digits) {
    double v = Double.parseDouble(digits);
    if (!Double.isFinite(v)) {
      throw error(n, "is too large: '" + digits + "'");
    }
    return v;
  }

  /**
   * A duration in nanoseconds within [min, max]: {@code 250ms}, {@code 30s}, {@code 2m}; a bare
   * number is seconds; a leading minus only where {@code min} is negative (a clock behind).
   */
  long durationNanos(String key, long min, long max) {
    return durationNanos(require(key), min, max);
  }

  long durationNanos(String key, long min, long max, long fallback) {
    return has(key) ? durationNanos(key, min, max) : fallback;
  }

  long durationNanos(YamlNode n, long min, long max) {
    String text = scalar(n).trim();
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw error(n, "expected a duration like 250ms, 30s or 2m, got '" + text + "'");
    }
    double v = decimal(n, m.group(2)) * ("-".equals(m.group(1)) ? -1 : 1);
    String unit = m.group(3) == null ? "s" : m.group(3);
    double scale = switch (unit) {
      case "ns" -> 1;
      case "us" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      default -> 3600e9;
    };
    double nanos = Math.floor(v * scale + 0.5); // Math.round's rounding, without its saturation
    if (min > 0 && nanos < min) {
      throw error(n, "must be positive" + (min > 1 ? " (at least " + show(min) + ")" : "")
          + ", got '" + text + "'");
    }
    if (nanos < min) {
      throw error(n, "must be at least " + show(min) + ", got '" + text + "'");
    }
    if (nanos > max) {
      throw error(n, "must be at most " + show(max) + ", got '" + text + "'");
    }
    return (long) nanos;
  }

  /** A duration as the scenario files write it, in the largest unit that divides it. */
  static String show(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    long[] scales = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
    String[] units = {"h", "m", "s", "ms", "us", "ns"};
    for (int i = 0; i < scales.length; i++) {
      if (nanos % scales[i] == 0) {
        return nanos / scales[i] + units[i];
      }
    }
    return nanos + "ns";
  }

  /**
   * A rate per second in [min, max]: {@code 10/s}, {@code 120/m}, or a bare number per second;
   * {@code min > 0} rejects zero.
   */
  double ratePerSecond(String key, double min, double max, double fallback) {
    if (!has(key)) {
      return fallback;
    }
    YamlNode n = require(key);
    String text = scalar(n).trim();
    Matcher m = RATE.matcher(text);
    if (!m.matches()) {
      throw error(n, "expected a rate like 10/s or 120/m, got '" + text + "'");
    }
    double v = decimal(n, m.group(1));
    double perSecond = m.group(2) == null || m.group(2).equals("s") ? v : v / 60;
    if (min > 0 && perSecond <= 0) {
      throw error(n, "must be positive, got '" + text + "'");
    }
    if (perSecond < min) {
      throw error(n, "must be at least " + min + "/s, got '" + text + "'");
    }
    if (perSecond > max) {
      throw error(n, "must be at most " + (long) max + "/s, got '" + text + "'");
    }
    return perSecond;
  }

  /** Bandwidth in bytes per second within [min, max]: {@code 100Mbit}, {@code 10MB/s}. */
  double bytesPerSecond(String key, double min, double max, double fallback) {
    if (!has(key)) {
      return fallback;
    }
    YamlNode n = require(key);
    String text = scalar(n).trim();
    Matcher m = BANDWIDTH.matcher(text);
    if (!m.matches()) {
      throw error(n, "expected a bandwidth like 100Mbit or 10MB/s, got '" + text + "'");
    }
    double v = decimal(n, m.group(1));
    double bytes = switch (m.group(2)) {
      case "bit" -> v / 8;
      case "kbit" -> v * 1e3 / 8;
      case "Mbit" -> v * 1e6 / 8;
      case "Gbit" -> v * 1e9 / 8;
      case "B" -> v;
      case "kB", "KB" -> v * 1e3;
      case "MB" -> v * 1e6;
      default -> v * 1e9;
    };
    if (bytes < min) {
      throw error(n, "must be at least " + (long) min + " B/s, got '" + text + "'");
    }
    if (bytes > max) {
      throw error(n, "must be at most " + (long) max + " B/s, got '" + text + "'");
    }
    return bytes;
  }

  <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
    return has(key) ? choice(require(key), type) : fallback;
  }

  <E extends Enum<E>> E choice(String key, Class<E> type) {
    return choice(require(key), type);
  }

  <E extends Enum<E>> E choice(YamlNode n, Class<E> type) {
    String text = scalar(n).trim();
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      String name = wireName(e);
      names.add(name);
      if (name.equals(text)) {
        return e;
      }
    }
    throw error(n, "expected one of " + names + ", got '" + text + "'");
  }

  static String wireName(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  List<YamlNode> list(String key) {
    if (!has(key)) {
      return List.of();
    }
    YamlNode n = require(key);
    if (!(n instanceof YamlNode.Sequence s)) {
      throw error(n, "expected a list, got " + n.describe());
    }
    return s.items();
  }

  <T> List<T> list(String key, Function<YamlNode, T> item) {
    List<T> out = new ArrayList<>();
    for (YamlNode n : list(key)) {
      out.add(item.apply(n));
    }
    return List.copyOf(out);
  }

  Fields child(String key) {
    return new Fields(file, require(key));
  }

  /** Fails on the first key no read asked for, suggesting the closest known key. */
  void rejectUnknown() {
    for (var e : map.fields().entrySet()) {
      if (!known.contains(e.getKey())) {
        String path = map.path().isEmpty() ? e.getKey() : map.path() + "." + e.getKey();
        String hint = closest(e.getKey());
        throw new ScenarioException(file, map.keyLines().get(e.getKey()), path,
            "unknown field" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                + "; known fields here: " + known);
      }
    }
  }

  private String closest(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = editDistance(k, key);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return bestDistance <= Math.max(2, key.length() / 3) ? best : null;
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
