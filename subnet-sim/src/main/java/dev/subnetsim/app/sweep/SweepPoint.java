package dev.subnetsim.app.sweep;

import dev.subnetsim.scenarios.dsl.FieldOverride;
import java.util.ArrayList;
import java.util.List;

/** One point of a grid: a value for each swept field, in the order the fields were given. */
public record SweepPoint(List<String> paths, List<String> values) {
  public SweepPoint {
    paths = List.copyOf(paths);
    values = List.copyOf(values);
  }

  public String value(String path) {
    return values.get(paths.indexOf(path));
  }

  /** The overrides that make this point from the base scenario. */
  public List<FieldOverride> overrides() {
    List<FieldOverride> out = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      out.add(new FieldOverride(paths.get(i), values.get(i),
          "--set " + paths.get(i) + "=" + values.get(i)));
    }
    return out;
  }

  /** {@code consensus.unit_delay=500ms, subnets[1].nodes=4}; "base" for an empty grid. */
  public String label() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      parts.add(paths.get(i) + "=" + values.get(i));
    }
    return parts.isEmpty() ? "base" : String.join(", ", parts);
  }

  /** A folder name for the point: the label with every unsafe character made '_'. */
  public String folderName() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      parts.add(paths.get(i) + "=" + values.get(i));
    }
    String name = parts.isEmpty() ? "base" : String.join("_", parts);
    return name.replaceAll("[^A-Za-z0-9.=_-]", "_");
  }
}
