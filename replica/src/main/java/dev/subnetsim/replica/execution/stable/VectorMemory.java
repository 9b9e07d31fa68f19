package dev.subnetsim.replica.execution.stable;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/** Heap-backed {@link Memory}, page by page, with a page limit and a content hash for state roots. */
public final class VectorMemory implements Memory {
  private final List<byte[]> pages = new ArrayList<>();
  private final long maxPages;

  public VectorMemory(long maxPages) {
    this.maxPages = maxPages;
  }

  /** A copy (for checkpoints and state sync); later writes to either do not affect the other. */
  public VectorMemory copy() {
    VectorMemory c = new VectorMemory(maxPages);
    for (byte[] p : pages) {
      c.pages.add(p.clone());
    }
    return c;
  }

  @Override
  public long size() {
    return pages.size();
  }

  @Override
  public long grow(long n) {
    if (n < 0 || pages.size() + n > maxPages) {
      return -1;
    }
    long previous = pages.size();
    for (long i = 0; i < n; i++) {
      pages.add(new byte[PAGE_SIZE]);
    }
    return previous;
  }

  /** Drops pages beyond {@code pages}: only for rolling back a trapped message's growth. */
  void truncate(long pages) {
    while (this.pages.size() > pages) {
      this.pages.remove(this.pages.size() - 1);
    }
  }

  private void check(long offset, int len) {
    if (offset < 0 || offset + len > (long) pages.size() * PAGE_SIZE) {
      throw new StableMemoryException("access [" + offset + ", " + (offset + len)
          + ") out of bounds of " + pages.size() + " pages");
    }
  }

  @Override
  public void read(long offset, byte[] dst) {
    check(offset, dst.length);
    int done = 0;
    while (done < dst.length) {
      long at = offset + done;
      byte[] page = pages.get((int) (at / PAGE_SIZE));
      int inPage = (int) (at % PAGE_SIZE);
      int n = Math.min(dst.length - done, PAGE_SIZE - inPage);
      System.arraycopy(page, inPage, dst, done, n);
      done += n;
    }
  }

  @Override
  public void write(long offset, byte[] src) {
    check(offset, src.length);
    int done = 0;
    while (done < src.length) {
      long at = offset + done;
      byte[] page = pages.get((int) (at / PAGE_SIZE));
      int inPage = (int) (at % PAGE_SIZE);
      int n = Math.min(src.length - done, PAGE_SIZE - inPage);
      System.arraycopy(src, done, page, inPage, n);
      done += n;
    }
  }

  /** SHA-256 over the page count and every page, in order. */
  public byte[] contentHash() {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(java.nio.ByteBuffer.allocate(8).putLong(pages.size()).array());
      for (byte[] p : pages) {
        d.update(p);
      }
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
