package dev.subnetsim.replica.execution.stable;

import static dev.subnetsim.replica.execution.stable.BTreeChunks.B;
import static dev.subnetsim.replica.execution.stable.BTreeChunks.CAPACITY;
import static dev.subnetsim.replica.execution.stable.BTreeNode.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An ordered map from byte strings to byte strings that lives entirely in a {@link Memory}, in the
 * spirit of ic-stable-structures' StableBTreeMap: a B-tree of minimum degree {@value BTreeChunks#B}
 * whose nodes are fixed-size chunks of the memory ({@link BTreeChunks} has the layout), so the map
 * is part of the canister's stable state (hashed, checkpointed and synced with it) and can be
 * reopened from the memory alone.
 *
 * <p>Keys are ordered as unsigned byte strings. Key and value sizes are bounded (fixed when the map
 * is created) because nodes are fixed-size chunks. Insertion splits full nodes on the way down and
 * deletion fixes underfull nodes on the way down (CLRS, ch. 18), so every operation touches
 * O(log n) nodes.
 */
public final class StableBTreeMap {
  private final BTreeChunks chunks;

  private StableBTreeMap(BTreeChunks chunks) {
    this.chunks = chunks;
  }

  /** Opens the map stored in {@code memory}, or creates an empty one if the memory is empty. */
  public static StableBTreeMap init(Memory memory, int maxKeySize, int maxValueSize) {
    if (BTreeChunks.hasHeader(memory)) {
      StableBTreeMap m = load(memory);
      if (m.chunks.maxKey != maxKeySize || m.chunks.maxValue != maxValueSize) {
        throw new StableMemoryException("map was created with key/value bounds " + m.chunks.maxKey
            + "/" + m.chunks.maxValue + ", not " + maxKeySize + "/" + maxValueSize);
      }
      return m;
    }
    if (maxKeySize < 1 || maxValueSize < 0) {
      throw new IllegalArgumentException("bounds must be positive");
    }
    return new StableBTreeMap(BTreeChunks.create(memory, maxKeySize, maxValueSize));
  }

  /** Reopens a map from its memory (e.g. after a restart from a checkpoint). */
  public static StableBTreeMap load(Memory memory) {
    return new StableBTreeMap(BTreeChunks.open(memory));
  }

  public long size() {
    return chunks.size();
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  public byte[] get(byte[] key) {
    long address = chunks.root();
    while (address != 0) {
      BTreeNode n = chunks.read(address);
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
    long rootAddress = chunks.root();
    if (rootAddress == 0) {
      BTreeNode r = new BTreeNode(chunks.allocate(), true);
      r.keys.add(key.clone());
      r.values.add(value.clone());
      chunks.write(r);
      chunks.setRoot(r.address);
      chunks.setSize(1);
      return null;
    }
    BTreeNode r = chunks.read(rootAddress);
    if (r.keys.size() == CAPACITY) {
      int existing = r.search(key);
      if (existing >= 0) {
        return replace(r, existing, value);
      }
      BTreeNode newRoot = new BTreeNode(chunks.allocate(), false);
      newRoot.children.add(r.address);
      splitChild(newRoot, 0, r);
      chunks.setRoot(newRoot.address);
      r = newRoot;
    }
    byte[] previous = insertNonFull(r, key, value);
    if (previous == null) {
      chunks.setSize(chunks.size() + 1);
    }
    return previous;
  }

  /** Removes a key; returns its value or null if absent. */
  public byte[] remove(byte[] key) {
    long rootAddress = chunks.root();
    if (rootAddress == 0) {
      return null;
    }
    BTreeNode r = chunks.read(rootAddress);
    byte[] removed = delete(r, key);
    r = chunks.read(rootAddress);
    if (r.keys.isEmpty()) {
      chunks.setRoot(r.leaf ? 0 : r.children.get(0));
      chunks.deallocate(r.address);
    }
    if (removed != null) {
      chunks.setSize(chunks.size() - 1);
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
    if (chunks.root() != 0) {
      collect(chunks.read(chunks.root()), from, to, out);
    }
    return out;
  }

  private void collect(BTreeNode n, byte[] from, byte[] to, List<Map.Entry<byte[], byte[]>> out) {
    for (int i = 0; i <= n.keys.size(); i++) {
      // Child i holds keys strictly between keys[i-1] and keys[i]: skip it when that interval
      // lies entirely below 'from' or at/above 'to'.
      boolean below = from != null && i < n.keys.size() && compare(n.keys.get(i), from) < 0;
      boolean above = to != null && i > 0 && compare(n.keys.get(i - 1), to) >= 0;
      if (!n.leaf && !below && !above) {
        collect(chunks.read(n.children.get(i)), from, to, out);
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

  private byte[] replace(BTreeNode n, int i, byte[] value) {
    byte[] old = n.values.get(i);
    n.values.set(i, value.clone());
    chunks.write(n);
    return old;
  }

  private byte[] insertNonFull(BTreeNode n, byte[] key, byte[] value) {
    while (true) {
      int i = n.search(key);
      if (i >= 0) {
        return replace(n, i, value);
      }
      int at = -i - 1;
      if (n.leaf) {
        n.keys.add(at, key.clone());
        n.values.add(at, value.clone());
        chunks.write(n);
        return null;
      }
      BTreeNode child = chunks.read(n.children.get(at));
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
        child = chunks.read(n.children.get(c > 0 ? at + 1 : at));
      }
      n = child;
    }
  }

  /** Splits the full child at index i of parent around its median, which moves up. */
  private void splitChild(BTreeNode parent, int i, BTreeNode full) {
    BTreeNode right = new BTreeNode(chunks.allocate(), full.leaf);
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
    chunks.write(full);
    chunks.write(right);
    chunks.write(parent);
  }

  // ---- deletion (CLRS 18.3): every node descended into has at least B keys ----

  private byte[] delete(BTreeNode n, byte[] key) {
    int i = n.search(key);
    if (i >= 0) {
      byte[] value = n.values.get(i);
      if (n.leaf) {
        n.keys.remove(i);
        n.values.remove(i);
        chunks.write(n);
        return value;
      }
      BTreeNode left = chunks.read(n.children.get(i));
      BTreeNode right = chunks.read(n.children.get(i + 1));
      if (left.keys.size() >= B) {
        Map.Entry<byte[], byte[]> pred = max(left);
        delete(left, pred.getKey());
        n = chunks.read(n.address);
        n.keys.set(i, pred.getKey());
        n.values.set(i, pred.getValue());
        chunks.write(n);
      } else if (right.keys.size() >= B) {
        Map.Entry<byte[], byte[]> succ = min(right);
        delete(right, succ.getKey());
        n = chunks.read(n.address);
        n.keys.set(i, succ.getKey());
        n.values.set(i, succ.getValue());
        chunks.write(n);
      } else {
        BTreeNode merged = merge(n, i, left, right);
        delete(merged, key);
      }
      return value;
    }
    if (n.leaf) {
      return null;
    }
    int at = -i - 1;
    BTreeNode child = chunks.read(n.children.get(at));
    if (child.keys.size() < B) {
      child = fill(n, at, child);
    }
    return delete(child, key);
  }

  /** Gives the child at index i at least B keys by borrowing from a sibling or merging. */
  private BTreeNode fill(BTreeNode parent, int i, BTreeNode child) {
    if (i > 0) {
      BTreeNode left = chunks.read(parent.children.get(i - 1));
      if (left.keys.size() >= B) {
        child.keys.add(0, parent.keys.get(i - 1));
        child.values.add(0, parent.values.get(i - 1));
        parent.keys.set(i - 1, left.keys.remove(left.keys.size() - 1));
        parent.values.set(i - 1, left.values.remove(left.values.size() - 1));
        if (!left.leaf) {
          child.children.add(0, left.children.remove(left.children.size() - 1));
        }
        chunks.write(left);
        chunks.write(child);
        chunks.write(parent);
        return child;
      }
    }
    if (i < parent.keys.size()) {
      BTreeNode right = chunks.read(parent.children.get(i + 1));
      if (right.keys.size() >= B) {
        child.keys.add(parent.keys.get(i));
        child.values.add(parent.values.get(i));
        parent.keys.set(i, right.keys.remove(0));
        parent.values.set(i, right.values.remove(0));
        if (!right.leaf) {
          child.children.add(right.children.remove(0));
        }
        chunks.write(right);
        chunks.write(child);
        chunks.write(parent);
        return child;
      }
      return merge(parent, i, child, right);
    }
    return merge(parent, i - 1, chunks.read(parent.children.get(i - 1)), child);
  }

  /** Merges children i and i+1 of parent with the separating key; frees the right node. */
  private BTreeNode merge(BTreeNode parent, int i, BTreeNode left, BTreeNode right) {
    left.keys.add(parent.keys.remove(i));
    left.values.add(parent.values.remove(i));
    left.keys.addAll(right.keys);
    left.values.addAll(right.values);
    left.children.addAll(right.children);
    parent.children.remove(i + 1);
    chunks.write(left);
    chunks.write(parent);
    chunks.deallocate(right.address);
    return left;
  }

  private Map.Entry<byte[], byte[]> max(BTreeNode n) {
    while (!n.leaf) {
      n = chunks.read(n.children.get(n.children.size() - 1));
    }
    return Map.entry(n.keys.get(n.keys.size() - 1), n.values.get(n.values.size() - 1));
  }

  private Map.Entry<byte[], byte[]> min(BTreeNode n) {
    while (!n.leaf) {
      n = chunks.read(n.children.get(0));
    }
    return Map.entry(n.keys.get(0), n.values.get(0));
  }

  private void checkBounds(byte[] key, byte[] value) {
    if (key.length > chunks.maxKey) {
      throw new IllegalArgumentException(
          "key of " + key.length + " bytes exceeds the bound " + chunks.maxKey);
    }
    if (value.length > chunks.maxValue) {
      throw new IllegalArgumentException(
          "value of " + value.length + " bytes exceeds the bound " + chunks.maxValue);
    }
  }
}
