package dev.subnetsim.scenarios.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code PATH=VALUE} replacement of a scenario field, applied to the parsed YAML tree before
 * the scenario is read, so the value is parsed (units, types, ranges) exactly as if it were written
 * in the file. A path is dotted keys with list indices, as error messages name fields:
 * {@code subnets[1].nodes}, {@code network.latency.median}, {@code faults[2].at};
 * {@code [*]} stands for every element of a list ({@code subnets[*].nodes}).
 *
 * @param origin how the user wrote it, for error messages (e.g. {@code --set network.loss=2%})
 */
public record FieldOverride(String path, String value, String origin) {
  private static final Pattern STEP = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)((?:\\[(?:\\d{1,6}|\\*)\\])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d{1,6}|\\*)\\]");
  private static final int MAX_PATH = 300;

  /** One step of a path: a mapping key, a list index, or every element of a list. */
  sealed interface Step {}

  record Key(String name) implements Step {}

  record Index(int index) implements Step {}

  record AllElements() implements Step {}

  public FieldOverride {
    steps(path, origin);
  }

  /** The steps of {@code path}; a malformed path is a {@link ScenarioException} naming it. */
  static List<Step> steps(String path, String origin) {
    if (path.isEmpty() || path.length() > MAX_PATH) {
      throw new ScenarioException(origin, 0, path, "expected a field path like "
          + "'subnets[1].nodes' or 'network.loss' (at most " + MAX_PATH + " characters)");
    }
    List<Step> out = new ArrayList<>();
    for (String part : path.split("\\.", -1)) {
      Matcher m = STEP.matcher(part);
      if (!m.matches()) {
        throw new ScenarioException(origin, 0, path, "expected a field path like "
            + "'subnets[1].nodes' or 'network.loss', got '" + part + "' in it");
      }
      out.add(new Key(m.group(1)));
      Matcher idx = INDEX.matcher(m.group(2));
      while (idx.find()) {
        out.add(idx.group(1).equals("*") ? new AllElements()
            : new Index(Integer.parseInt(idx.group(1))));
      }
    }
    return out;
  }

  /** Whether an error about {@code field} is about this override's field, inside it or around it. */
  boolean concerns(String field) {
    if (field.isEmpty()) {
      return false;
    }
    if (field.matches(pattern(path) + "(?:[.\\[].*)?")) {
      return true; // the field itself or something inside it
    }
    // An enclosing field (a mapping the override added a key to): a prefix of the path.
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if ((c == '.' || c == '[') && field.matches(pattern(path.substring(0, i)))) {
        return true;
      }
    }
    return false;
  }

  /** {@code path} as a regular expression, {@code [*]} matching any index. */
  private static String pattern(String path) {
    StringBuilder b = new StringBuilder();
    String[] literals = path.split("\\[\\*\\]", -1);
    for (int i = 0; i < literals.length; i++) {
      b.append(i == 0 ? "" : "\\[\\d+\\]").append(Pattern.quote(literals[i]));
    }
    return b.toString();
  }
}
