package dev.subnetsim.app.sweep;

import dev.subnetsim.scenarios.dsl.ScenarioException;
import java.util.ArrayList;
import java.util.List;

/**
 * One swept scenario field and its values, as written ({@code consensus.unit_delay=500ms,1s}).
 *
 * @param origin how the user wrote it, for error messages
 */
public record SweepAxis(String path, List<String> values, String origin) {
  public SweepAxis {
    values = List.copyOf(values);
  }

  /** {@code PATH=V1,V2,...}; a missing '=' or an empty value is an error naming the argument. */
  public static SweepAxis parse(String arg, String origin) {
    int eq = arg.indexOf('=');
    if (eq <= 0) {
      throw new ScenarioException(origin, 0, "", "expected PATH=V1,V2,... (e.g. "
          + "consensus.unit_delay=500ms,1s), got '" + arg + "'");
    }
    String path = arg.substring(0, eq).trim();
    List<String> values = new ArrayList<>();
    for (String v : arg.substring(eq + 1).split(",", -1)) {
      if (v.isBlank()) {
        throw new ScenarioException(origin, 0, path, "has an empty value in '" + arg + "'");
      }
      values.add(v.trim());
    }
    if (values.stream().distinct().count() != values.size()) {
      throw new ScenarioException(origin, 0, path, "lists a value twice in '" + arg + "'");
    }
    return new SweepAxis(path, values, origin);
  }
}
