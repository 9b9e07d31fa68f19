package dev.subnetsim.replica.execution.stable;

import java.util.TreeMap;

/**
 * A {@link Memory} over another that remembers the pre-image of every page on its first write, so
 * all changes of a message can be rolled back when it traps, at a cost proportional to the pages
 * it touched (not to the memory's size).
 */
public final class JournaledMemory implements Memory {
  private final VectorMemory base;
  private final long sizeBefore;
  private final TreeMap<Long, byte[]> preImages = new TreeMap<>();

  public JournaledMemory(VectorMemory base) {
    this.base = base;
    this.sizeBefore = base.size();
  }

  @Override
  public long size() {
    return base.size();
  }

  @Override
  public long grow(long pages) {
    return base.grow(pages);
  }

  @Override
  public void read(long offset, byte[] dst) {
    base.read(offset, dst);
  }

  @Override
  public void write(long offset, byte[] src) {
    if (src.length == 0) {
      return;
    }
    long first = offset / PAGE_SIZE;
    long last = (offset + src.length - 1) / PAGE_SIZE;
    for (long p = first; p <= last && p < sizeBefore; p++) {
      if (!preImages.containsKey(p)) {
        byte[] image = new byte[PAGE_SIZE];
        base.read(p * PAGE_SIZE, image);
        preImages.put(p, image);
      }
    }
    base.write(offset, src);
  }

  /** Pages written so far (for instruction accounting and dirty-page metrics). */
  public int dirtyPages() {
    return preImages.size();
  }

  /** Restores every page written and drops pages grown since the journal started. */
  public void rollback() {
    preImages.forEach((page, image) -> base.write(page * PAGE_SIZE, image));
    base.truncate(sizeBefore);
    preImages.clear();
  }
}
