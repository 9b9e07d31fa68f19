package dev.subnetsim.app.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code sweep.csv} and {@code sweep.json}: one row per run in long form. Columns: each swept
 * field (as the user wrote its value), {@code seed}, {@code passed}, every metric any run has
 * (sorted; empty where a run has none), {@code wall_seconds}, {@code trace_hash} and {@code run}
 * (the run's folder, relative to the sweep's).
 */
public final class SweepTables {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private SweepTables() {}

  /** Every metric name some run has, sorted. */
  public static SortedSet<String> metrics(List<SweepRow> rows) {
    SortedSet<String> names = new TreeSet<>();
    rows.forEach(r -> names.addAll(r.metrics().keySet()));
    return names;
  }

  public static List<String> columns(List<String> fields, List<SweepRow> rows) {
    List<String> cols = new ArrayList<>(fields);
    cols.add("seed");
    cols.add("passed");
    cols.addAll(metrics(rows));
    cols.addAll(List.of("wall_seconds", "trace_hash", "run"));
    return cols;
  }

  public static String csv(List<String> fields, List<SweepRow> rows) {
    List<String> cols = columns(fields, rows);
    SortedSet<String> metrics = metrics(rows);
    StringBuilder b = new StringBuilder();
    b.append(String.join(",", cols.stream().map(SweepTables::cell).toList())).append('\n');
    for (SweepRow r : rows) {
      List<String> cells = new ArrayList<>();
      fields.forEach(f -> cells.add(cell(r.point().value(f))));
      cells.add(String.valueOf(r.seed()));
      cells.add(String.valueOf(r.passed()));
      for (String m : metrics) {
        Double v = r.metrics().get(m);
        cells.add(v == null ? "" : number(v));
      }
      cells.add(number(r.wallSeconds()));
      cells.add(r.traceHash());
      cells.add(cell(r.run()));
      b.append(String.join(",", cells)).append('\n');
    }
    return b.toString();
  }

  /**
   * {@code {"base", "fields", "zip", "seeds", "runs": [...]}}; each run an object with the CSV's
   * columns as keys (swept values as strings, absent metrics left out).
   */
  public static String json(String base, SweepGrid grid, List<Long> seeds, List<SweepRow> rows) {
    ObjectNode root = JSON.createObjectNode();
    root.put("base", base);
    ArrayNode fields = root.putArray("fields");
    grid.axes().forEach(a -> {
      ObjectNode f = fields.addObject().put("path", a.path());
      a.values().forEach(f.putArray("values")::add);
    });
    root.put("zip", grid.zip());
    seeds.forEach(root.putArray("seeds")::add);
    ArrayNode runs = root.putArray("runs");
    for (SweepRow r : rows) {
      ObjectNode o = runs.addObject();
      grid.paths().forEach(p -> o.put(p, r.point().value(p)));
      o.put("seed", r.seed());
      o.put("passed", r.passed());
      r.metrics().forEach(o::put);
      o.put("wall_seconds", r.wallSeconds());
      o.put("trace_hash", r.traceHash());
      o.put("run", r.run());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Plain decimal, no exponent, no trailing zeros (what a spreadsheet reads back exactly). */
  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "";
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static String cell(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
