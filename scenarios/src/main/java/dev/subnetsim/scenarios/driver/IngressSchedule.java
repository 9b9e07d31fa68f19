package dev.subnetsim.scenarios.driver;

import dev.subnetsim.scenarios.driver.SimulationConfig.IngressInjection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The client messages of a run as an ordered list of sources, each in time order: lists given
 * whole (sorted stably by time here) and generators that make their messages as the run reaches
 * them, so a long or busy workload is never held whole. {@link #iterator()} merges them by (time,
 * source, position in source), which is exactly the order a single list of every message in
 * source order gets in the driver's (time, insertion) queue, so the trace does not depend on
 * which sources are lazy.
 */
public final class IngressSchedule implements Iterable<IngressInjection> {
  private final List<Iterable<IngressInjection>> sources;
  private final long held;

  private IngressSchedule(List<Iterable<IngressInjection>> sources, long held) {
    this.sources = List.copyOf(sources);
    this.held = held;
  }

  public static IngressSchedule none() {
    return new IngressSchedule(List.of(), 0);
  }

  /** Messages held in memory by list sources; generated ones are not counted (nor held). */
  public long heldInMemory() {
    return held;
  }

  /** Sources in the order they were added. */
  static final class Builder {
    private final List<Iterable<IngressInjection>> sources = new ArrayList<>();
    private List<IngressInjection> loose = new ArrayList<>();
    private long held;

    /** Appends a message to the current list source. */
    void add(IngressInjection injection) {
      loose.add(injection);
    }

    /** Appends a generator; its iterators must give non-decreasing times. */
    void addTimeOrdered(Iterable<IngressInjection> generator) {
      closeLoose();
      sources.add(generator);
    }

    private void closeLoose() {
      if (!loose.isEmpty()) {
        List<IngressInjection> sorted = new ArrayList<>(loose);
        sorted.sort(Comparator.comparingLong(IngressInjection::atNanos)); // stable: keeps ties
        sources.add(List.copyOf(sorted));
        held += sorted.size();
        loose = new ArrayList<>();
      }
    }

    IngressSchedule build() {
      List<Iterable<IngressInjection>> all = new ArrayList<>(sources);
      long count = held;
      if (!loose.isEmpty()) {
        List<IngressInjection> sorted = new ArrayList<>(loose);
        sorted.sort(Comparator.comparingLong(IngressInjection::atNanos));
        all.add(List.copyOf(sorted));
        count += sorted.size();
      }
      return new IngressSchedule(all, count);
    }
  }

  /** Time-ordered sources as one, merged by (time, source order). */
  public static IngressStream merged(List<? extends Iterable<IngressInjection>> timeOrdered) {
    List<Iterable<IngressInjection>> sources = List.copyOf(timeOrdered);
    return () -> new Merge(sources);
  }

  /** Each call starts every source over. */
  @Override
  public Iterator<IngressInjection> iterator() {
    return new Merge(sources);
  }

  /** K-way merge holding one pending message per source. */
  private static final class Merge implements Iterator<IngressInjection> {
    private record Head(IngressInjection injection, int source) {}

    private final List<Iterator<IngressInjection>> iterators = new ArrayList<>();
    private final long[] lastTime;
    private final PriorityQueue<Head> heads = new PriorityQueue<>(
        Comparator.comparingLong((Head h) -> h.injection().atNanos())
            .thenComparingInt(Head::source));

    Merge(List<Iterable<IngressInjection>> sources) {
      lastTime = new long[sources.size()];
      for (int i = 0; i < sources.size(); i++) {
        iterators.add(sources.get(i).iterator());
        lastTime[i] = Long.MIN_VALUE;
        advance(i);
      }
    }

    private void advance(int source) {
      Iterator<IngressInjection> it = iterators.get(source);
      if (it.hasNext()) {
        IngressInjection next = it.next();
        if (next.atNanos() < lastTime[source]) {
          throw new IllegalStateException("ingress source " + source + " went back in time: "
              + next.atNanos() + " after " + lastTime[source]);
        }
        lastTime[source] = next.atNanos();
        heads.add(new Head(next, source));
      }
    }

    @Override
    public boolean hasNext() {
      return !heads.isEmpty();
    }

    @Override
    public IngressInjection next() {
      Head h = heads.poll();
      if (h == null) {
        throw new NoSuchElementException();
      }
      advance(h.source());
      return h.injection();
    }
  }
}
