package dev.subnetsim.replica.wasm;

import dev.subnetsim.replica.execution.stable.Memory;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canister's stable memory as one message sees it: reads fall through to the replicated
 * memory, writes and growth stay in copied pages until {@link #commit}. A trap simply drops the
 * overlay, so a cleanup callback can run on the state before the trapping callback.
 */
final class StableOverlay {
  static final int PAGE = Memory.PAGE_SIZE;

  private final Memory base;
  private final MessageRun run;
  private final long basePages;
  private final long maxPages;
  private long pages;
  private final Map<Long, byte[]> dirty = new TreeMap<>();

  StableOverlay(Memory base, long basePages, long maxPages, MessageRun run) {
    this.base = base;
    this.basePages = basePages;
    this.maxPages = maxPages;
    this.pages = basePages;
    this.run = run;
  }

  long pages() {
    return pages;
  }

  /** Grows by {@code n} pages; the old size, or -1 past this runtime's or the API's limit. */
  long grow(long n, long apiLimit) {
    if (n < 0 || n > maxPages - pages || pages + n > apiLimit) {
      return -1;
    }
    long old = pages;
    pages += n;
    return old;
  }

  byte[] read(long offset, long len) {
    check(offset, len);
    byte[] out = new byte[(int) len];
    long pos = offset;
    while (pos < offset + len) {
      long page = pos / PAGE;
      int in = (int) (pos % PAGE);
      int n = (int) Math.min(PAGE - in, offset + len - pos);
      System.arraycopy(page(page, false), in, out, (int) (pos - offset), n);
      pos += n;
    }
    return out;
  }

  void write(long offset, byte[] data) {
    check(offset, data.length);
    long pos = offset;
    while (pos < offset + data.length) {
      long page = pos / PAGE;
      int in = (int) (pos % PAGE);
      int n = (int) Math.min(PAGE - in, offset + data.length - pos);
      System.arraycopy(data, (int) (pos - offset), page(page, true), in, n);
      pos += n;
    }
  }

  private void check(long offset, long len) {
    if (offset < 0 || len < 0 || len > pages * PAGE || offset > pages * PAGE - len) {
      run.trap("stable memory access out of bounds: " + len + " bytes at " + offset + " of "
          + pages * PAGE);
    }
  }

  private byte[] page(long page, boolean forWrite) {
    byte[] p = dirty.get(page);
    if (p != null) {
      return p;
    }
    p = new byte[PAGE];
    if (page < basePages) {
      base.read(page * PAGE, p);
    }
    if (forWrite) {
      dirty.put(page, p);
    }
    return p;
  }

  /** Writes the grown size and every written page to the replicated memory. */
  void commit() {
    long have = base.size();
    if (pages > have && base.grow(pages - have) < 0) {
      run.trap("out of replicated memory for " + pages + " stable pages");
    }
    for (Map.Entry<Long, byte[]> e : dirty.entrySet()) {
      base.write(e.getKey() * PAGE, e.getValue());
    }
  }
}
