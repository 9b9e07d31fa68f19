package dev.subnetsim.replica;

/**
 * The {@link Observation.Metric} names that scenarios read back, shared by the components that
 * report them and the recorders that parse them: a name is the key's prefix followed by a subject
 * (a load sequence number, a subnet, or {@code <subnet>/<key>}).
 */
public enum MetricKey {
  /** Latency of answered load; subject: the load's sequence number. */
  INGRESS_DONE("ingress_done/"),
  /** Load rejected at execution (e.g. a full queue); subject: the load's sequence number. */
  INGRESS_REJECTED("ingress_rejected/"),
  /** A presignature stash's level; subject: {@code <subnet>/<key>}. */
  PRESIGNATURE_STASH("presignature_stash/"),
  /** Height at which the subnet certified another state than this replica's; subject: subnet. */
  STATE_DIVERGENCE("state_divergence/");

  private final String prefix;

  MetricKey(String prefix) {
    this.prefix = prefix;
  }

  /** The metric name of this key for {@code subject} (its {@code toString}). */
  public String of(Object subject) {
    return prefix + subject;
  }

  /** Whether {@code metricName} is a name of this key. */
  public boolean matches(String metricName) {
    return metricName.startsWith(prefix);
  }

  /** The subject of one of this key's metric names. */
  public String subject(String metricName) {
    if (!matches(metricName)) {
      throw new IllegalArgumentException("not a " + prefix + " metric: " + metricName);
    }
    return metricName.substring(prefix.length());
  }
}
