package dev.subnetsim.scenarios.result;

/**
 * The families of {@link RunResult#series()} names the runners write and the reports chart: a
 * name is the key's prefix followed by a subject (a subnet, {@code <subnet> <key>}, a request kind).
 */
public enum SeriesKey {
  /** Highest finalized height over time; subject: subnet. */
  FINALIZED_HEIGHT("finalized_height/"),
  /** Presignature stash level over time; subject: {@code <subnet> <key>}. */
  STASH("stash/"),
  /** Answered chain-key requests per simulated second; subject: request kind. */
  THROUGHPUT("throughput/");

  private final String prefix;

  SeriesKey(String prefix) {
    this.prefix = prefix;
  }

  /** The series name of this key for {@code subject}. */
  public String of(String subject) {
    return prefix + subject;
  }

  /** Whether {@code seriesName} is a name of this key. */
  public boolean matches(String seriesName) {
    return seriesName.startsWith(prefix);
  }

  /** The subject of one of this key's series names. */
  public String subject(String seriesName) {
    if (!matches(seriesName)) {
      throw new IllegalArgumentException("not a " + prefix + " series: " + seriesName);
    }
    return seriesName.substring(prefix.length());
  }
}
