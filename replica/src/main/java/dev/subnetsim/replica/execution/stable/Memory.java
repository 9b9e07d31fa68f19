package dev.subnetsim.replica.execution.stable;

/**
 * A canister's stable memory in the IC's terms: a byte array that grows in 64 KiB pages and is never
 * shrunk. All canister state lives in such memories so it can be hashed, checkpointed into CUPs and
 * shipped by state sync.
 */
public interface Memory {
  int PAGE_SIZE = 65_536;

  /** Current size in pages. */
  long size();

  /** Grows by {@code pages}; returns the previous size, or -1 if the limit would be exceeded. */
  long grow(long pages);

  /** Reads {@code dst.length} bytes at {@code offset}; reading past the end is a trap. */
  void read(long offset, byte[] dst);

  /** Writes {@code src} at {@code offset}; writing past the end is a trap. */
  void write(long offset, byte[] src);

  default long readLong(long offset) {
    byte[] b = new byte[8];
    read(offset, b);
    long v = 0;
    for (byte x : b) {
      v = (v << 8) | (x & 0xff);
    }
    return v;
  }

  default void writeLong(long offset, long v) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
    write(offset, b);
  }

  /** Grows so that {@code [0, bytes)} is addressable. */
  default void ensureCapacity(long bytes) {
    long pages = (bytes + PAGE_SIZE - 1) / PAGE_SIZE;
    if (pages > size() && grow(pages - size()) < 0) {
      throw new StableMemoryException("out of stable memory: need " + pages + " pages");
    }
  }
}
