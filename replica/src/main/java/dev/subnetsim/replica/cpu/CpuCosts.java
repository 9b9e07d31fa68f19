package dev.subnetsim.replica.cpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Virtual nanoseconds per {@link CpuOp}. The reference table is a versioned file in the repo
 * ({@code reference-costs.tsv} beside this class, produced by the JMH benchmark {@code
 * CpuCostBenchmark}), so a run prices its work identically on every machine. A table is text: one
 * line per operation, {@code name<TAB>nanoseconds[<TAB>where the figure comes from]}, {@code #}
 * comments and blank lines ignored; every operation exactly once.
 */
public record CpuCosts(String source, Map<CpuOp, Long> nanosPerOp) {
  /** The reference table's resource name, beside this class. */
  public static final String REFERENCE = "reference-costs.tsv";

  public CpuCosts {
    EnumMap<CpuOp, Long> copy = new EnumMap<>(CpuOp.class);
    copy.putAll(nanosPerOp);
    if (!copy.keySet().equals(EnumSet.allOf(CpuOp.class))) {
      Set<CpuOp> missing = EnumSet.allOf(CpuOp.class);
      missing.removeAll(copy.keySet());
      throw new IllegalArgumentException(source + ": no cost for " + missing.stream()
          .map(CpuOp::costName).toList());
    }
    nanosPerOp = java.util.Collections.unmodifiableMap(copy);
  }

  /** Every operation free: the CPU model changes nothing. */
  public static CpuCosts none() {
    Map<CpuOp, Long> zero = new EnumMap<>(CpuOp.class);
    for (CpuOp op : CpuOp.values()) {
      zero.put(op, 0L);
    }
    return new CpuCosts("none", zero);
  }

  /** The reference table shipped with the simulator. */
  public static CpuCosts reference() {
    try (InputStream in = CpuCosts.class.getResourceAsStream(REFERENCE)) {
      if (in == null) {
        throw new IllegalStateException("the reference CPU cost table " + REFERENCE
            + " is missing from the classpath");
      }
      return parse("reference", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A table from a file.
   *
   * @throws IllegalArgumentException naming the file and line when it cannot be read or is not a
   *     table of every operation
   */
  public static CpuCosts load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read the CPU cost table ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
    return parse(file.toString(), text);
  }

  /** Parses a table's text; errors name {@code source} and the line. */
  public static CpuCosts parse(String source, String text) {
    Map<CpuOp, Long> costs = new EnumMap<>(CpuOp.class);
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      String where = source + ":" + (i + 1);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t");
      if (fields.length < 2) {
        throw new IllegalArgumentException(where + ": expected 'operation<TAB>nanoseconds', got '"
            + line + "'");
      }
      CpuOp op = CpuOp.byCostName(fields[0].strip()).orElseThrow(() ->
          new IllegalArgumentException(where + ": unknown operation '" + fields[0].strip()
              + "'"));
      long nanos;
      try {
        nanos = Long.parseLong(fields[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where + ": " + op.costName()
            + ": nanoseconds must be a whole number, not '" + fields[1].strip() + "'");
      }
      if (nanos < 0 || nanos > 60_000_000_000L) {
        throw new IllegalArgumentException(where + ": " + op.costName() + ": " + nanos
            + " ns is outside 0 .. 60 s");
      }
      if (costs.put(op, nanos) != null) {
        throw new IllegalArgumentException(where + ": " + op.costName() + " listed twice");
      }
    }
    return new CpuCosts(source, costs);
  }

  public long nanos(CpuOp op) {
    return nanosPerOp.get(op);
  }

  /** Whether every operation is free. */
  public boolean isFree() {
    return nanosPerOp.values().stream().allMatch(n -> n == 0);
  }
}
