package dev.subnetsim.scenarios.driver;

import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * The driver's future: events ordered by (virtual time, insertion sequence). The sequence makes
 * ties deterministic: events inserted earlier (in the driver's canonical order) come first.
 *
 * <p>Events planned before the run (boots, faults, then the client messages of a {@link #feed})
 * take their sequence numbers from a band below every event the run schedules, as if all had
 * been inserted up front; the feed is pulled one event at a time, so it is never held whole.
 */
final class EventQueue {
  /** Where sequence numbers of events scheduled by the run start: above any planned event. */
  private static final long RUN_BAND = 1L << 62;

  record Scheduled(long timeNanos, long seq, WorldEvent event) implements Comparable<Scheduled> {
    @Override
    public int compareTo(Scheduled o) {
      int c = Long.compare(timeNanos, o.timeNanos);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** A planned event of a feed. */
  record Timed(long timeNanos, WorldEvent event) {}

  private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
  private long nextPlanned;
  private long nextSeq = RUN_BAND;
  private Iterator<Timed> feed;
  private Scheduled staged;

  /** Schedules an event planned before the run (only before the run starts adding). */
  void addPlanned(long timeNanos, WorldEvent event) {
    if (nextSeq != RUN_BAND || feed != null) {
      throw new IllegalStateException("planned events come before the feed and the run's events");
    }
    queue.add(new Scheduled(timeNanos, nextPlanned++, event));
  }

  /**
   * Planned events in non-decreasing time order, after those of {@link #addPlanned}; only the
   * earliest not yet polled is in the queue at any time.
   */
  <T> void feed(Iterator<T> source, Function<T, Timed> event) {
    if (feed != null) {
      throw new IllegalStateException("one feed per queue");
    }
    this.feed = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public Timed next() {
        return event.apply(source.next());
      }
    };
    stageNext();
  }

  private void stageNext() {
    staged = null;
    if (feed.hasNext()) {
      Timed t = feed.next();
      staged = new Scheduled(t.timeNanos(), nextPlanned++, t.event());
      queue.add(staged);
    }
  }

  void add(long timeNanos, WorldEvent event) {
    queue.add(new Scheduled(timeNanos, nextSeq++, event));
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  long peekTime() {
    return queue.peek().timeNanos();
  }

  Scheduled poll() {
    Scheduled s = queue.poll();
    if (s != null && s == staged) {
      // The feed is time-ordered, so its next event is no earlier than this one: staging it now
      // keeps the queue's head the earliest event of all.
      stageNext();
    }
    return s;
  }

  int size() {
    return queue.size();
  }
}
