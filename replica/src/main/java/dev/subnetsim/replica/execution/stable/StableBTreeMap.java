package dev.subnetsim.replica.execution.stable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An ordered map from byte strings to byte strings that lives entirely in a {@link Memory}, in the
 * spirit of ic-stable-structures' StableBTreeMap: a B-tree of minimum degree {@value #B} whose
 * nodes are fixed-size chunks of the memory, so the map is part of the canister's stable state
 * (hashed, checkpointed and synced with it) and can be reopened from the memory alone.
 *
 * <p>Keys are ordered as unsigned byte strings. Key and value sizes are bounded (fixed when the map
 * is created) because nodes are fixed-size chunks. Insertion splits full nodes on the way down and
 * deletion fixes underfull nodes on the way down (CLRS, ch. 18), so every operation touches
 * O(log n) nodes.
 *
 * <p>Layout: header "BTR\1", max key size (u32 @4), max value size (u32 @8), root (u64 @16), length
 * (u64 @24), chunk size (u64 @32), bump pointer (u64 @40), free-list head (u64 @48); chunks from 64.
 * A node chunk: leaf flag (u8), entry count (u8), then {@value #CAPACITY} entry slots (u32 key
 * length, key, u32 value length, value) and {@value #CAPACITY}+1 child addresses (u64).
 */
public final class StableBTreeMap {
  static final int B = 6;
  static final int CAPACITY = 2 * B - 1;
  private static final byte[] MAGIC = "BTR\1".getBytes(StandardCharsets.US_ASCII);
  private static final long DATA_START = 64;

  private final Memory memory;
  private final int maxKey;
  private final int maxValue;
  private final long chunkSize;

  private StableBTreeMap(Memory memory, int maxKey, int maxValue) {
    this.memory = memory;
    this.maxKey = maxKey;
    this.maxValue = maxValue;
    this.chunkSize = 2 + (long) CAPACITY * (8 + maxKey + maxValue) + 8L * (CAPACITY + 1);
  }

  /** Opens the map stored in {@code memory}, or creates an empty one if the memory is empty. */
  public static StableBTreeMap init(Memory memory, int maxKeySize, int maxValueSize) {
    if (memory.size() > 0) {
      byte[] magic = new byte[4];
      memory.read(0, magic);
      if (Arrays.equals(magic, MAGIC)) {
        StableBTreeMap m = load(memory);
        if (m.maxKey != maxKeySize || m.maxValue != maxValueSize) {
          throw new StableMemoryException("map was created with key/value bounds " + m.maxKey
              + "/" + m.maxValue + ", not " + maxKeySize + "/" + maxValueSize);
        }
        return m;
      }
    }
    if (maxKeySize < 1 || maxValueSize < 0) {
      throw new IllegalArgumentException("bounds must be positive");
    }
    StableBTreeMap m = new StableBTreeMap(memory, maxKeySize, maxValueSize);
    memory.ensureCapacity(DATA_START);
    memory.write(0, MAGIC);
    m.writeU32(4, maxKeySize);
    m.writeU32(8, maxValueSize);
    memory.writeLong(16, 0);
    memory.writeLong(24, 0);
    memory.writeLong(32, m.chunkSize);
    memory.writeLong(40, DATA_START);
    memory.writeLong(48, 0);
    return m;
  }

  /** Reopens a map from its memory (e.g. after a restart from a checkpoint). */
  public static StableBTreeMap load(Memory memory) {
    byte[] magic = new byte[4];
    memory.read(0, magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new StableMemoryException("no StableBTreeMap header in this memory");
    }
    byte[] b = new byte[8];
    memory.read(4, b);
    int maxKey = u32(b, 0);
    int maxValue = u32(b, 4);
    return new StableBTreeMap(memory, maxKey, maxValue);
  }

  public long size() {
    return memory.readLong(24);
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  public byte[] get(byte[] key) {
    long address = root();
    while (address != 0) {
      Node n = readNode(address);
      int i = n.search(key);
      if (i >= 0) {
        return n.values.get(i);
      }
      if (n.leaf) {
        return null;
      }
      address = n.children.get(-i - 1);
    }
    return null;
  }

  public boolean containsKey(byte[] key) {
    return get(key) != null;
  }

  /** Inserts or replaces; returns the previous value or null. */
  public byte[] insert(byte[] key, byte[] value) {
    checkBounds(key, value);
    long rootAddress = root();
    if (rootAddress == 0) {
      Node r = new Node(allocate(), true);
      r.keys.add(key.clone());
      r.values.add(value.clone());
      writeNode(r);
      setRoot(r.address);
      setSize(1);
      return null;
    }
    Node r = readNode(rootAddress);
    if (r.keys.size() == CAPACITY) {
      int existing = r.search(key);
      if (existing >= 0) {
        return replace(r, existing, value);
      }
      Node newRoot = new Node(allocate(), false);
      newRoot.children.add(r.address);
      splitChild(newRoot, 0, r);
      setRoot(newRoot.address);
      r = newRoot;
    }
    byte[] previous = insertNonFull(r, key, value);
    if (previous == null) {
      setSize(size() + 1);
    }
    return previous;
  }

  /** Removes a key; returns its value or null if absent. */
  public byte[] remove(byte[] key) {
    long rootAddress = root();
    if (rootAddress == 0) {
      return null;
    }
    Node r = readNode(rootAddress);
    byte[] removed = delete(r, key);
    r = readNode(rootAddress);
    if (r.keys.isEmpty()) {
      setRoot(r.leaf ? 0 : r.children.get(0));
      deallocate(r.address);
    }
    if (removed != null) {
      setSize(size() - 1);
    }
    return removed;
  }

  /** All entries in key order. */
  public List<Map.Entry<byte[], byte[]>> entries() {
    return range(null, null);
  }

  /** Entries with {@code from <= key < to} in key order; null bounds are open. */
  public List<Map.Entry<byte[], byte[]>> range(byte[] from, byte[] to) {
    List<Map.Entry<byte[], byte[]>> out = new ArrayList<>();
    if (root() != 0) {
      collect(readNode(root()), from, to, out);
    }
    return out;
  }

  private void collect(Node n, byte[] from, byte[] to, List<Map.Entry<byte[], byte[]>> out) {
    for (int i = 0; i <= n.keys.size(); i++) {
      // Child i holds keys strictly between keys[i-1] and keys[i]: skip it when that interval
      // lies entirely below 'from' or at/above 'to'.
      boolean below = from != null && i < n.keys.size() && compare(n.keys.get(i), from) < 0;
      boolean above = to != null && i > 0 && compare(n.keys.get(i - 1), to) >= 0;
      if (!n.leaf && !below && !above) {
        collect(readNode(n.children.get(i)), from, to, out);
      }
      if (i < n.keys.size()) {
        byte[] k = n.keys.get(i);
        if ((from == null || compare(k, from) >= 0) && (to == null || compare(k, to) < 0)) {
          out.add(Map.entry(k, n.values.get(i)));
        }
      }
    }
  }

  // ---- insertion (CLRS 18.2) ----

  private byte[] replace(Node n, int i, byte[] value) {
    byte[] old = n.values.get(i);
    n.values.set(i, value.clone());
    writeNode(n);
    return old;
  }

  private byte[] insertNonFull(Node n, byte[] key, byte[] value) {
    while (true) {
      int i = n.search(key);
      if (i >= 0) {
        return replace(n, i, value);
      }
      int at = -i - 1;
      if (n.leaf) {
        n.keys.add(at, key.clone());
        n.values.add(at, value.clone());
        writeNode(n);
        return null;
      }
      Node child = readNode(n.children.get(at));
      if (child.keys.size() == CAPACITY) {
        int inChild = child.search(key);
        if (inChild >= 0) {
          return replace(child, inChild, value);
        }
        splitChild(n, at, child);
        int c = compare(key, n.keys.get(at));
        if (c == 0) {
          return replace(n, at, value);
        }
        child = readNode(n.children.get(c > 0 ? at + 1 : at));
      }
      n = child;
    }
  }

  /** Splits the full child at index i of parent around its median, which moves up. */
  private void splitChild(Node parent, int i, Node full) {
    Node right = new Node(allocate(), full.leaf);
    right.keys.addAll(full.keys.subList(B, CAPACITY));
    right.values.addAll(full.values.subList(B, CAPACITY));
    if (!full.leaf) {
      right.children.addAll(full.children.subList(B, CAPACITY + 1));
    }
    byte[] midKey = full.keys.get(B - 1);
    byte[] midValue = full.values.get(B - 1);
    full.keys.subList(B - 1, CAPACITY).clear();
    full.values.subList(B - 1, CAPACITY).clear();
    if (!full.leaf) {
      full.children.subList(B, CAPACITY + 1).clear();
    }
    parent.keys.add(i, midKey);
    parent.values.add(i, midValue);
    parent.children.add(i + 1, right.address);
    writeNode(full);
    writeNode(right);
    writeNode(parent);
  }

  // ---- deletion (CLRS 18.3): every node descended into has at least B keys ----

  private byte[] delete(Node n, byte[] key) {
    int i = n.search(key);
    if (i >= 0) {
      byte[] value = n.values.get(i);
      if (n.leaf) {
        n.keys.remove(i);
        n.values.remove(i);
        writeNode(n);
        return value;
      }
      Node left = readNode(n.children.get(i));
      Node right = readNode(n.children.get(i + 1));
      if (left.keys.size() >= B) {
        Map.Entry<byte[], byte[]> pred = max(left);
        delete(left, pred.getKey());
        n = readNode(n.address);
        n.keys.set(i, pred.getKey());
        n.values.set(i, pred.getValue());
        writeNode(n);
      } else if (right.keys.size() >= B) {
        Map.Entry<byte[], byte[]> succ = min(right);
        delete(right, succ.getKey());
        n = readNode(n.address);
        n.keys.set(i, succ.getKey());
        n.values.set(i, succ.getValue());
        writeNode(n);
      } else {
        Node merged = merge(n, i, left, right);
        delete(merged, key);
      }
      return value;
    }
    if (n.leaf) {
      return null;
    }
    int at = -i - 1;
    Node child = readNode(n.children.get(at));
    if (child.keys.size() < B) {
      child = fill(n, at, child);
    }
    return delete(child, key);
  }

  /** Gives the child at index i at least B keys by borrowing from a sibling or merging. */
  private Node fill(Node parent, int i, Node child) {
    if (i > 0) {
      Node left = readNode(parent.children.get(i - 1));
      if (left.keys.size() >= B) {
        child.keys.add(0, parent.keys.get(i - 1));
        child.values.add(0, parent.values.get(i - 1));
        parent.keys.set(i - 1, left.keys.remove(left.keys.size() - 1));
        parent.values.set(i - 1, left.values.remove(left.values.size() - 1));
        if (!left.leaf) {
          child.children.add(0, left.children.remove(left.children.size() - 1));
        }
        writeNode(left);
        writeNode(child);
        writeNode(parent);
        return child;
      }
    }
    if (i < parent.keys.size()) {
      Node right = readNode(parent.children.get(i + 1));
      if (right.keys.size() >= B) {
        child.keys.add(parent.keys.get(i));
        child.values.add(parent.values.get(i));
        parent.keys.set(i, right.keys.remove(0));
        parent.values.set(i, right.values.remove(0));
        if (!right.leaf) {
          child.children.add(right.children.remove(0));
        }
        writeNode(right);
        writeNode(child);
        writeNode(parent);
        return child;
      }
      return merge(parent, i, child, right);
    }
    return merge(parent, i - 1, readNode(parent.children.get(i - 1)), child);
  }

  /** Merges children i and i+1 of parent with the separating key; frees the right node. */
  private Node merge(Node parent, int i, Node left, Node right) {
    left.keys.add(parent.keys.remove(i));
    left.values.add(parent.values.remove(i));
    left.keys.addAll(right.keys);
    left.values.addAll(right.values);
    left.children.addAll(right.children);
    parent.children.remove(i + 1);
    writeNode(left);
    writeNode(parent);
    deallocate(right.address);
    return left;
  }

  private Map.Entry<byte[], byte[]> max(Node n) {
    while (!n.leaf) {
      n = readNode(n.children.get(n.children.size() - 1));
    }
    return Map.entry(n.keys.get(n.keys.size() - 1), n.values.get(n.values.size() - 1));
  }

  private Map.Entry<byte[], byte[]> min(Node n) {
    while (!n.leaf) {
      n = readNode(n.children.get(0));
    }
    return Map.entry(n.keys.get(0), n.values.get(0));
  }

  // ---- chunks ----

  private long allocate() {
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

  private void deallocate(long address) {
    memory.writeLong(address, memory.readLong(48));
    memory.writeLong(48, address);
  }

  private Node readNode(long address) {
    byte[] raw = new byte[(int) chunkSize];
    memory.read(address, raw);
    Node n = new Node(address, raw[0] == 1);
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

  private void writeNode(Node n) {
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

  private long root() {
    return memory.readLong(16);
  }

  private void setRoot(long address) {
    memory.writeLong(16, address);
  }

  private void setSize(long size) {
    memory.writeLong(24, size);
  }

  private void checkBounds(byte[] key, byte[] value) {
    if (key.length > maxKey) {
      throw new IllegalArgumentException("key of " + key.length + " bytes exceeds the bound " + maxKey);
    }
    if (value.length > maxValue) {
      throw new IllegalArgumentException(
          "value of " + value.length + " bytes exceeds the bound " + maxValue);
    }
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

  static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  /** A node as loaded from its chunk; written back explicitly after changes. */
  private static final class Node {
    final long address;
    final boolean leaf;
    final List<byte[]> keys = new ArrayList<>();
    final List<byte[]> values = new ArrayList<>();
    final List<Long> children = new ArrayList<>();

    Node(long address, boolean leaf) {
      this.address = address;
      this.leaf = leaf;
    }

    /** Index of the key, or -(insertion point) - 1. */
    int search(byte[] key) {
      int lo = 0;
      int hi = keys.size() - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = compare(keys.get(mid), key);
        if (c < 0) {
          lo = mid + 1;
        } else if (c > 0) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -lo - 1;
    }
  }
}
