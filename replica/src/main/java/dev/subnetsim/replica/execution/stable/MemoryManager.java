package dev.subnetsim.replica.execution.stable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Several independent growable memories inside one stable memory, as ic-stable-structures'
 * MemoryManager does: the underlying memory is cut into buckets of {@code bucketPages} pages and
 * each virtual memory owns an ordered list of buckets. All bookkeeping lives in the first page of
 * the underlying memory, so the layout survives a checkpoint and can be reloaded with {@link #load}.
 *
 * <p>Header (page 0): "MGR\1", bucket size in pages (u64 @8), allocated buckets (u64 @16),
 * per-memory size in pages (u64 x 255 @24), owner of each bucket (u8 x 32768 @2064, 0xff = free).
 */
public final class MemoryManager {
  public static final int MAX_MEMORIES = 255;
  static final int MAX_BUCKETS = 32_768;
  private static final byte[] MAGIC = "MGR\1".getBytes(StandardCharsets.US_ASCII);
  private static final long SIZES_AT = 24;
  private static final long OWNERS_AT = SIZES_AT + 8L * MAX_MEMORIES;
  private static final int UNALLOCATED = 0xff;

  private final Memory memory;
  private final long bucketPages;
  private long allocatedBuckets;
  private final long[] sizes = new long[MAX_MEMORIES];
  private final List<List<Integer>> bucketsOf = new ArrayList<>();

  private MemoryManager(Memory memory, long bucketPages) {
    this.memory = memory;
    this.bucketPages = bucketPages;
    for (int i = 0; i < MAX_MEMORIES; i++) {
      bucketsOf.add(new ArrayList<>());
    }
  }

  /** Formats an empty memory, or loads the manager already stored in it. */
  public static MemoryManager init(Memory memory, long bucketPages) {
    if (memory.size() > 0) {
      byte[] magic = new byte[4];
      memory.read(0, magic);
      if (java.util.Arrays.equals(magic, MAGIC)) {
        return load(memory);
      }
    }
    if (bucketPages < 1) {
      throw new IllegalArgumentException("bucket size must be at least one page");
    }
    memory.ensureCapacity(Memory.PAGE_SIZE);
    MemoryManager m = new MemoryManager(memory, bucketPages);
    memory.write(0, MAGIC);
    memory.writeLong(8, bucketPages);
    memory.writeLong(16, 0);
    byte[] owners = new byte[MAX_BUCKETS];
    java.util.Arrays.fill(owners, (byte) UNALLOCATED);
    memory.write(OWNERS_AT, owners);
    return m;
  }

  /** Reloads a manager from its header (after a checkpoint or state sync). */
  public static MemoryManager load(Memory memory) {
    byte[] magic = new byte[4];
    memory.read(0, magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new StableMemoryException("no memory manager header in this memory");
    }
    MemoryManager m = new MemoryManager(memory, memory.readLong(8));
    m.allocatedBuckets = memory.readLong(16);
    for (int i = 0; i < MAX_MEMORIES; i++) {
      m.sizes[i] = memory.readLong(SIZES_AT + 8L * i);
    }
    byte[] owners = new byte[(int) m.allocatedBuckets];
    memory.read(OWNERS_AT, owners);
    for (int b = 0; b < owners.length; b++) {
      int owner = owners[b] & 0xff;
      if (owner != UNALLOCATED) {
        m.bucketsOf.get(owner).add(b);
      }
    }
    return m;
  }

  /** The virtual memory with the given id (0..254). */
  public Memory get(int id) {
    if (id < 0 || id >= MAX_MEMORIES) {
      throw new IllegalArgumentException("memory id must be in [0, 254], got " + id);
    }
    return new Virtual(id);
  }

  private final class Virtual implements Memory {
    private final int id;

    Virtual(int id) {
      this.id = id;
    }

    @Override
    public long size() {
      return sizes[id];
    }

    @Override
    public long grow(long pages) {
      if (pages < 0) {
        return -1;
      }
      long previous = sizes[id];
      long wanted = previous + pages;
      List<Integer> mine = bucketsOf.get(id);
      long neededBuckets = (wanted + bucketPages - 1) / bucketPages - mine.size();
      if (allocatedBuckets + neededBuckets > MAX_BUCKETS) {
        return -1;
      }
      long underlyingPages = 1 + (allocatedBuckets + neededBuckets) * bucketPages;
      if (underlyingPages > memory.size()
          && memory.grow(underlyingPages - memory.size()) < 0) {
        return -1;
      }
      for (long k = 0; k < neededBuckets; k++) {
        int bucket = (int) allocatedBuckets++;
        mine.add(bucket);
        memory.write(OWNERS_AT + bucket, new byte[] {(byte) id});
      }
      memory.writeLong(16, allocatedBuckets);
      sizes[id] = wanted;
      memory.writeLong(SIZES_AT + 8L * id, wanted);
      return previous;
    }

    private long physical(long offset) {
      long bucketBytes = bucketPages * PAGE_SIZE;
      int bucket = bucketsOf.get(id).get((int) (offset / bucketBytes));
      return PAGE_SIZE + bucket * bucketBytes + offset % bucketBytes;
    }

    private void check(long offset, int len) {
      if (offset < 0 || offset + len > sizes[id] * PAGE_SIZE) {
        throw new StableMemoryException("virtual memory " + id + ": access [" + offset + ", "
            + (offset + len) + ") out of bounds of " + sizes[id] + " pages");
      }
    }

    @Override
    public void read(long offset, byte[] dst) {
      check(offset, dst.length);
      long bucketBytes = bucketPages * PAGE_SIZE;
      int done = 0;
      while (done < dst.length) {
        long at = offset + done;
        int n = (int) Math.min(dst.length - done, bucketBytes - at % bucketBytes);
        byte[] chunk = new byte[n];
        memory.read(physical(at), chunk);
        System.arraycopy(chunk, 0, dst, done, n);
        done += n;
      }
    }

    @Override
    public void write(long offset, byte[] src) {
      check(offset, src.length);
      long bucketBytes = bucketPages * PAGE_SIZE;
      int done = 0;
      while (done < src.length) {
        long at = offset + done;
        int n = (int) Math.min(src.length - done, bucketBytes - at % bucketBytes);
        memory.write(physical(at), java.util.Arrays.copyOfRange(src, done, done + n));
        done += n;
      }
    }
  }
}
