package dev.subnetsim.replica.execution.stable;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap-backed {@link Memory}, page by page, with a page limit and a content hash for state roots.
 * Page hashes are cached and recomputed only for pages written since (the state root is taken
 * every height, while a message touches a few pages of a canister's memory).
 */
public final class VectorMemory implements Memory {
  private final List<byte[]> pages = new ArrayList<>();
  /** SHA-256 of each page, null while the page is dirty. */
  private final List<byte[]> pageHashes = new ArrayList<>();
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
    c.pageHashes.addAll(pageHashes);
    return c;
  }

  /** Page count (u32) then every page: the checkpoint and state-sync form. */
  public byte[] encode() {
    BigEndianWriter w = new BigEndianWriter(4 + pages.size() * PAGE_SIZE);
    w.u32(pages.size());
    pages.forEach(w::raw);
    return w.toBytes();
  }

  /**
   * Decodes {@link #encode}'s form.
   *
   * @throws IllegalArgumentException on a truncated encoding or more pages than {@code maxPages}
   */
  public static VectorMemory decode(byte[] bytes, long maxPages) {
    if (bytes.length < 4) {
      throw new IllegalArgumentException("stable memory encoding shorter than its page count");
    }
    // The explicit checks keep the messages; the reader's are a second line.
    BigEndianReader b = new BigEndianReader(bytes, "stable memory encoding");
    int n = b.i32("page count");
    if (n < 0 || n > maxPages || b.remaining() != (long) n * PAGE_SIZE) {
      throw new IllegalArgumentException("stable memory encoding: " + n + " pages do not match "
          + b.remaining() + " bytes (limit " + maxPages + " pages)");
    }
    VectorMemory m = new VectorMemory(maxPages);
    for (int i = 0; i < n; i++) {
      byte[] page = b.raw(PAGE_SIZE, "page");
      m.pages.add(page);
      m.pageHashes.add(null);
    }
    return m;
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
      pageHashes.add(null);
    }
    return previous;
  }

  /** Drops pages beyond {@code pages}: only for rolling back a trapped message's growth. */
  void truncate(long pages) {
    while (this.pages.size() > pages) {
      this.pages.remove(this.pages.size() - 1);
      this.pageHashes.remove(this.pageHashes.size() - 1);
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
      int index = (int) (at / PAGE_SIZE);
      byte[] page = pages.get(index);
      pageHashes.set(index, null);
      int inPage = (int) (at % PAGE_SIZE);
      int n = Math.min(src.length - done, PAGE_SIZE - inPage);
      System.arraycopy(src, done, page, inPage, n);
      done += n;
    }
  }

  /** SHA-256 over the page count and the SHA-256 of every page, in order. */
  public byte[] contentHash() {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(new BigEndianWriter(8).u64(pages.size()).toBytes());
      for (int i = 0; i < pages.size(); i++) {
        byte[] h = pageHashes.get(i);
        if (h == null) {
          h = MessageDigest.getInstance("SHA-256").digest(pages.get(i));
          pageHashes.set(i, h);
        }
        d.update(h);
      }
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
