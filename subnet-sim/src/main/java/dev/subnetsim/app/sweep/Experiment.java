package dev.subnetsim.app.sweep;

import dev.subnetsim.scenarios.dsl.ScenarioException;
import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import dev.subnetsim.scenarios.dsl.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An experiment file (experiments/README.md): a base scenario, the grid and seeds of a sweep, the
 * metrics to chart and what is expected of them. Every problem is a {@link ScenarioException}
 * naming the file, line and field.
 *
 * @param base the base scenario, resolved against the experiment file's folder
 */
public record Experiment(String name, String description, Path base, List<Long> seeds,
    SweepGrid grid, List<String> plot, List<Expectation> expectations) {

  private static final Set<String> KEYS = Set.of("name", "description", "base", "seeds", "set",
      "zip", "plot", "expect");

  public static Experiment load(Path file) {
    String text = ScenarioLoader.text(file);
    return new Reader(file.toString()).experiment(YamlNode.read(file.toString(), text),
        file.getParent() == null ? Path.of("") : file.getParent());
  }

  /** Located reads from the experiment's tree. */
  private record Reader(String file) {

    Experiment experiment(YamlNode root, Path folder) {
      Map<String, YamlNode> top = mapping(root);
      known(root, top, KEYS);
      String name = scalar(require(root, top, "name"));
      if (!name.matches("[A-Za-z0-9_-]{1,100}")) {
        // It names the default output folder.
        throw error(top.get("name"), "expected a name of letters, digits, '-' or '_', got '"
            + name + "'");
      }
      String description = top.containsKey("description") ? scalar(top.get("description")) : "";
      Path base = folder.resolve(scalar(require(root, top, "base"))).normalize();
      List<Long> seeds;
      try {
        YamlNode n = top.get("seeds");
        seeds = n == null ? List.of(1L, 2L, 3L) : Seeds.parse(n instanceof YamlNode.Sequence s
            ? String.join(",", s.items().stream().map(this::scalar).toList()) : scalar(n));
      } catch (ScenarioException e) {
        throw error(top.get("seeds"), e.problem());
      }
      boolean zip = top.containsKey("zip") && bool(top.get("zip"));
      YamlNode set = require(root, top, "set");
      List<SweepAxis> axes = new ArrayList<>();
      mapping(set).forEach((path, values) -> axes.add(axis(path, values)));
      SweepGrid grid;
      try {
        grid = new SweepGrid(axes, zip);
      } catch (ScenarioException e) {
        throw error(set, e.problem());
      }
      List<String> plot = top.containsKey("plot") ? list(top.get("plot")).stream()
          .map(this::scalar).toList() : List.of();
      List<Expectation> expect = top.containsKey("expect") ? list(top.get("expect")).stream()
          .map(n -> expectation(n, grid)).toList() : List.of();
      return new Experiment(name, description, base, seeds, grid, plot, expect);
    }

    private SweepAxis axis(String path, YamlNode values) {
      List<String> vs = values instanceof YamlNode.Sequence seq
          ? seq.items().stream().map(this::scalar).toList() : List.of(scalar(values));
      try {
        return SweepAxis.parse(path + "=" + String.join(",", vs), file + ": set." + path);
      } catch (ScenarioException e) {
        throw error(values, e.problem());
      }
    }

    private Expectation expectation(YamlNode n, SweepGrid grid) {
      Map<String, YamlNode> m = mapping(n);
      known(n, m, Set.of("metric", "field", "relation", "slope", "predicted", "within"));
      String metric = scalar(require(n, m, "metric"));
      YamlNode fieldNode = require(n, m, "field");
      String field = scalar(fieldNode);
      SweepAxis axis = grid.axes().stream().filter(a -> a.path().equals(field)).findFirst()
          .orElseThrow(() -> error(fieldNode, "is not a swept field (swept: " + grid.paths()
              + ")"));
      int kinds = (m.containsKey("relation") ? 1 : 0) + (m.containsKey("slope") ? 1 : 0)
          + (m.containsKey("predicted") ? 1 : 0);
      if (kinds != 1) {
        throw error(n, "expected exactly one of 'relation' (increases or decreases), 'slope' "
            + "({min, max}) and 'predicted' (a value per swept value, with 'within')");
      }
      if (m.containsKey("predicted")) {
        return predicted(n, m, metric, field, axis);
      }
      if (m.containsKey("within")) {
        throw error(m.get("within"), "only for 'predicted'");
      }
      if (m.containsKey("relation")) {
        String r = scalar(m.get("relation")).trim();
        if (!r.equals("increases") && !r.equals("decreases")) {
          throw error(m.get("relation"), "expected increases or decreases, got '" + r + "'");
        }
        return new Expectation.Monotone(metric, field, r.equals("increases"));
      }
      if (!FieldValues.axis(axis.values()).numeric()) {
        throw error(fieldNode, "a slope needs numeric values (numbers, durations, percentages "
            + "or rates), got " + axis.values());
      }
      Map<String, YamlNode> s = mapping(m.get("slope"));
      known(m.get("slope"), s, Set.of("min", "max"));
      double min = s.containsKey("min") ? number(s.get("min")) : Double.NEGATIVE_INFINITY;
      double max = s.containsKey("max") ? number(s.get("max")) : Double.POSITIVE_INFINITY;
      if (!(min <= max)) {
        throw error(m.get("slope"), "min must not be above max");
      }
      return new Expectation.Slope(metric, field, min, max);
    }

    /** {@code predicted: [v1, v2, ...]} (one per value of the field) and {@code within: 10%}. */
    private Expectation predicted(YamlNode n, Map<String, YamlNode> m, String metric,
        String field, SweepAxis axis) {
      List<Double> values = list(m.get("predicted")).stream().map(this::number).toList();
      if (values.size() != axis.values().size()) {
        throw error(m.get("predicted"), "expected one value per value of " + field + " ("
            + axis.values().size() + ": " + axis.values() + "), got " + values.size());
      }
      YamlNode w = require(n, m, "within");
      String text = scalar(w).trim();
      double within = FieldValues.read(text, "fraction").orElse(Double.NaN);
      if (!(within > 0 && within < 1)) {
        throw error(w, "expected a tolerance above 0 and below 100% like 5% or 0.05, got '"
            + text + "'");
      }
      return new Expectation.Predicted(metric, field, values, within);
    }

    private Map<String, YamlNode> mapping(YamlNode n) {
      if (n instanceof YamlNode.Mapping m) {
        return m.fields();
      }
      throw error(n, "expected a mapping, got " + n.describe());
    }

    private List<YamlNode> list(YamlNode n) {
      if (n instanceof YamlNode.Sequence s) {
        return s.items();
      }
      throw error(n, "expected a list, got " + n.describe());
    }

    private String scalar(YamlNode n) {
      if (n instanceof YamlNode.Scalar s) {
        return s.text();
      }
      throw error(n, "expected a value, got " + n.describe());
    }

    private boolean bool(YamlNode n) {
      String t = scalar(n).trim();
      if (!t.equals("true") && !t.equals("false")) {
        throw error(n, "expected true or false, got '" + t + "'");
      }
      return t.equals("true");
    }

    private double number(YamlNode n) {
      String t = scalar(n).trim();
      try {
        double v = Double.parseDouble(t);
        if (Double.isFinite(v)) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw error(n, "expected a number, got '" + t + "'");
    }

    private YamlNode require(YamlNode parent, Map<String, YamlNode> m, String key) {
      YamlNode n = m.get(key);
      if (n == null || n instanceof YamlNode.Null) {
        throw new ScenarioException(file, parent.line(), parent.path().isEmpty() ? key
            : parent.path() + "." + key, "is required but missing");
      }
      return n;
    }

    private void known(YamlNode parent, Map<String, YamlNode> m, Set<String> keys) {
      for (String k : m.keySet()) {
        if (!keys.contains(k)) {
          YamlNode.Mapping map = (YamlNode.Mapping) parent;
          throw new ScenarioException(file, map.keyLines().get(k), parent.path().isEmpty() ? k
              : parent.path() + "." + k, "unknown field; known fields here: "
              + new java.util.TreeSet<>(keys));
        }
      }
    }

    private ScenarioException error(YamlNode n, String problem) {
      return new ScenarioException(file, n.line(), n.path(), problem);
    }
  }
}
