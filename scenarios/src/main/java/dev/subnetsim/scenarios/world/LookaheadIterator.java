package dev.subnetsim.scenarios.world;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator that draws each element only when asked whether there is one, so a generated
 * schedule consumes its random stream in exactly the order it is read, and stops for good at the
 * first {@code null}.
 */
abstract class LookaheadIterator<T> implements Iterator<T> {
  private T next;
  private boolean done;

  /** The next element, or {@code null} when there are no more; not called again after that. */
  protected abstract T draw();

  @Override
  public final boolean hasNext() {
    if (next == null && !done) {
      next = draw();
      done = next == null;
    }
    return next != null;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T out = next;
    next = null;
    return out;
  }
}
