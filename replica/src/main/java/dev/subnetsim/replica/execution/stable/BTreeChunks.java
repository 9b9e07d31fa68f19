package dev.subnetsim.replica.execution.stable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The memory layout of a {@link StableBTreeMap}: its header, the allocation of fixed-size node
 * chunks (bump pointer plus free list) and the encoding of a {@link BTreeNode} in its chunk.
 *
 * <p>Header "BTR\1", max key size (u32 @4), max value size (u32 @8), root (u64 @16), length
 * (u64 @24), chunk size (u64 @32), bump pointer (u64 @40), free-list head (u64 @48); chunks from 64.
 * A node chunk: leaf flag (u8), entry count (u8), then {@value #CAPACITY} entry slots (u32 key
 * length, key, u32 value length, value) and {@value #CAPACITY}+1 child addresses (u64).
 */
final class BTreeChunks {
  /** Minimum degree of the B-tree. */
  static final int B = 6;
  static final int CAPACITY = 2 * B - 1;
  private static final byte[] MAGIC = "BTR\1".getBytes(StandardCharsets.US_ASCII);
  private static final long DATA_START = 64;

  private final Memory memory;
  final int maxKey;
  final int maxValue;
  private final long chunkSize;

  private BTreeChunks(Memory memory, int maxKey, int maxValue) {
    this.memory = memory;
    this.maxKey = maxKey;
    this.maxValue = maxValue;
    this.chunkSize = 2 + (long) CAPACITY * (8 + maxKey + maxValue) + 8L * (CAPACITY + 1);
  }

  /** Whether {@code memory} starts with a map's header. */
  static boolean hasHeader(Memory memory) {
    if (memory.size() == 0) {
      return false;
    }
    byte[] magic = new byte[4];
    memory.read(0, magic);
    return Arrays.equals(magic, MAGIC);
  }

  /** Writes the header of an empty map with these bounds. */
  static BTreeChunks create(Memory memory, int maxKey, int maxValue) {
    BTreeChunks c = new BTreeChunks(memory, maxKey, maxValue);
    memory.ensureCapacity(DATA_START);
    memory.write(0, MAGIC);
    c.writeU32(4, maxKey);
    c.writeU32(8, maxValue);
    memory.writeLong(16, 0);
    memory.writeLong(24, 0);
    memory.writeLong(32, c.chunkSize);
    memory.writeLong(40, DATA_START);
    memory.writeLong(48, 0);
    return c;
  }

  /** Reads the bounds from an existing header. */
  static BTreeChunks open(Memory memory) {
    byte[] magic = new byte[4];
    memory.read(0, magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new StableMemoryException("no StableBTreeMap header in this memory");
    }
    byte[] b = new byte[8];
    memory.read(4, b);
    return new BTreeChunks(memory, u32(b, 0), u32(b, 4));
  }

  long root() {
    return memory.readLong(16);
  }

  void setRoot(long address) {
    memory.writeLong(16, address);
  }

  long size() {
    return memory.readLong(24);
  }

  void setSize(long size) {
    memory.writeLong(24, size);
  }

  long allocate() {
    long free = memory.readLong(48);
    if (free != 0) {
      memory.writeLong(48, memory.readLong(free));
      return free;
    }
    long bump = memory.readLong(40);
    memory.ensureCapacity(bump + chunkSize);
    memory.writeLong(40, bump + chunkSize);
    return bump;
  }

  void deallocate(long address) {
    memory.writeLong(address, memory.readLong(48));
    memory.writeLong(48, address);
  }

  /** @throws StableMemoryException if the chunk holds more entries or longer ones than allowed */
  BTreeNode read(long address) {
    byte[] raw = new byte[(int) chunkSize];
    memory.read(address, raw);
    BTreeNode n = new BTreeNode(address, raw[0] == 1);
    int count = raw[1] & 0xff;
    if (count > CAPACITY) {
      throw new StableMemoryException("corrupt node at " + address + ": " + count + " entries");
    }
    int slot = 8 + maxKey + maxValue;
    for (int i = 0; i < count; i++) {
      int off = 2 + i * slot;
      int kl = u32(raw, off);
      int vl = u32(raw, off + 4 + maxKey);
      if (kl > maxKey || vl > maxValue) {
        throw new StableMemoryException("corrupt node at " + address + ": entry sizes " + kl + "/" + vl);
      }
      n.keys.add(Arrays.copyOfRange(raw, off + 4, off + 4 + kl));
      n.values.add(Arrays.copyOfRange(raw, off + 8 + maxKey, off + 8 + maxKey + vl));
    }
    if (!n.leaf) {
      int childrenAt = 2 + CAPACITY * slot;
      for (int i = 0; i <= count; i++) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
          v = (v << 8) | (raw[childrenAt + 8 * i + k] & 0xff);
        }
        n.children.add(v);
      }
    }
    return n;
  }

  void write(BTreeNode n) {
    byte[] raw = new byte[(int) chunkSize];
    raw[0] = (byte) (n.leaf ? 1 : 0);
    raw[1] = (byte) n.keys.size();
    int slot = 8 + maxKey + maxValue;
    for (int i = 0; i < n.keys.size(); i++) {
      int off = 2 + i * slot;
      byte[] k = n.keys.get(i);
      byte[] v = n.values.get(i);
      putU32(raw, off, k.length);
      System.arraycopy(k, 0, raw, off + 4, k.length);
      putU32(raw, off + 4 + maxKey, v.length);
      System.arraycopy(v, 0, raw, off + 8 + maxKey, v.length);
    }
    int childrenAt = 2 + CAPACITY * slot;
    for (int i = 0; i < n.children.size(); i++) {
      long c = n.children.get(i);
      for (int k = 7; k >= 0; k--) {
        raw[childrenAt + 8 * i + k] = (byte) c;
        c >>>= 8;
      }
    }
    memory.write(n.address, raw);
  }

  private void writeU32(long offset, int v) {
    byte[] b = new byte[4];
    putU32(b, 0, v);
    memory.write(offset, b);
  }

  private static int u32(byte[] b, int off) {
    return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8)
        | (b[off + 3] & 0xff);
  }

  private static void putU32(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }
}
