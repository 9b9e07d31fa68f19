package dev.subnetsim.scenarios.net;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.net.Envelope;
import dev.subnetsim.scenarios.RunRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * The simulated network: decides for each send whether and when it arrives. Composes a
 * {@link LatencyModel}, loss (global or per link), bandwidth (serialization delay = bytes /
 * bandwidth, FIFO per directed link: a message waits for the previous one on the same link to be
 * fully on the wire) and the current {@link Partition}.
 *
 * <p>Stateful (partition, link queues) and sampled from two generators (latency, loss) forked from
 * the run seed; the driver calls {@link #transmit} in its canonical order, which makes every
 * sample reproducible.
 */
public final class LinkModel {
  private final LatencyModel latency;
  private final double defaultLoss;
  private final TreeMap<Link, Double> linkLoss;
  private final long defaultBytesPerSecond;
  private final TreeMap<Link, Long> linkBytesPerSecond;
  private final RandomGenerator latencyRng;
  private final RandomGenerator lossRng;
  private final TreeMap<Link, Long> busyUntil = new TreeMap<>();
  private Partition partition;
  private final List<Degradation> degradations = new ArrayList<>();

  /**
   * Extra loss and delay on the links {@code from -> to} for sends before {@code untilNanos}.
   */
  public record Degradation(
      Set<NodeId> from, Set<NodeId> to, double loss, long extraDelayNanos, long untilNanos) {
    public Degradation {
      from = new TreeSet<>(from);
      to = new TreeSet<>(to);
    }
  }

  private LinkModel(Builder b, long runSeed) {
    this.latency = b.latency;
    this.defaultLoss = b.loss;
    this.linkLoss = new TreeMap<>(b.linkLoss);
    this.defaultBytesPerSecond = b.bytesPerSecond;
    this.linkBytesPerSecond = new TreeMap<>(b.linkBytesPerSecond);
    this.latencyRng = RunRandom.forPurpose(runSeed, "net/latency");
    this.lossRng = RunRandom.forPurpose(runSeed, "net/loss");
  }

  public static Builder builder(LatencyModel latency) {
    return new Builder(latency);
  }

  /** The driver's lookahead: the minimum latency of any link. */
  public long lookaheadNanos() {
    return latency.minNanos();
  }

  public void partition(Partition p) {
    this.partition = Objects.requireNonNull(p, "partition");
  }

  public void heal() {
    this.partition = null;
  }

  /** Adds a link degradation (they stack; each expires by itself). */
  public void degrade(Degradation d) {
    degradations.add(Objects.requireNonNull(d, "degradation"));
  }

  public boolean isPartitioned() {
    return partition != null;
  }

  /** Decides the fate of {@code e}, sent at virtual time {@code sentAtNanos}. */
  public Transmission transmit(Envelope e, long sentAtNanos) {
    if (partition != null && partition.separates(e.from(), e.to())) {
      return new Transmission.Dropped("partition");
    }
    Link link = new Link(e.from(), e.to());
    double p = linkLoss.getOrDefault(link, defaultLoss);
    if (p > 0 && lossRng.nextDouble() < p) {
      return new Transmission.Dropped("loss");
    }
    long extraDelay = 0;
    degradations.removeIf(d -> d.untilNanos() <= sentAtNanos);
    for (Degradation d : degradations) {
      if (d.from().contains(e.from()) && d.to().contains(e.to())) {
        if (d.loss() > 0 && lossRng.nextDouble() < d.loss()) {
          return new Transmission.Dropped("link-fault");
        }
        extraDelay += d.extraDelayNanos();
      }
    }
    long onWire = sentAtNanos;
    long bps = linkBytesPerSecond.getOrDefault(link, defaultBytesPerSecond);
    if (bps > 0) {
      long start = Math.max(sentAtNanos, busyUntil.getOrDefault(link, Long.MIN_VALUE));
      // Exact integer ceil(bytes * 1e9 / bps): wire sizes < 2^31, so the product fits a long.
      long bytesTimesNanos = (long) e.wireSize() * 1_000_000_000L;
      long serialization = Math.max(1, (bytesTimesNanos + bps - 1) / bps);
      onWire = start + serialization;
      busyUntil.put(link, onWire);
    }
    return new Transmission.Arrives(
        onWire + extraDelay + latency.sampleNanos(e.from(), e.to(), latencyRng));
  }

  /** Network parameters; bandwidth 0 means unlimited. */
  public static final class Builder {
    private final LatencyModel latency;
    private double loss;
    private final Map<Link, Double> linkLoss = new TreeMap<>();
    private long bytesPerSecond;
    private final Map<Link, Long> linkBytesPerSecond = new TreeMap<>();

    private Builder(LatencyModel latency) {
      this.latency = Objects.requireNonNull(latency, "latency");
    }

    public Builder loss(double probability) {
      this.loss = checkProbability(probability);
      return this;
    }

    public Builder loss(Link link, double probability) {
      linkLoss.put(link, checkProbability(probability));
      return this;
    }

    public Builder bandwidth(long bytesPerSecond) {
      this.bytesPerSecond = checkBandwidth(bytesPerSecond);
      return this;
    }

    public Builder bandwidth(Link link, long bytesPerSecond) {
      linkBytesPerSecond.put(link, checkBandwidth(bytesPerSecond));
      return this;
    }

    public LinkModel build(long runSeed) {
      return new LinkModel(this, runSeed);
    }

    private static double checkProbability(double p) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("loss probability must be in [0,1]: " + p);
      }
      return p;
    }

    private static long checkBandwidth(long bps) {
      if (bps < 0) {
        throw new IllegalArgumentException("bandwidth must be >= 0 bytes/s: " + bps);
      }
      return bps;
    }
  }
}
