package dev.subnetsim.scenarios.driver;

import java.util.PriorityQueue;

/**
 * The driver's future: events ordered by (virtual time, insertion sequence). The sequence makes
 * ties deterministic: events inserted earlier (in the driver's canonical order) come first.
 */
final class EventQueue {
  record Scheduled(long timeNanos, long seq, WorldEvent event) implements Comparable<Scheduled> {
    @Override
    public int compareTo(Scheduled o) {
      int c = Long.compare(timeNanos, o.timeNanos);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
  private long nextSeq;

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
    return queue.poll();
  }

  int size() {
    return queue.size();
  }
}
