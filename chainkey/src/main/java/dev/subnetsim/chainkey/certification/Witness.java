package dev.subnetsim.chainkey.certification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Prunes a hash tree down to a witness for selected paths (interface spec, "Certification":
 * "pruning this tree with the following paths"): the subtree at each selected path is kept whole;
 * for a path whose label is absent, the neighbouring labels are kept (their subtrees pruned) so
 * the witness still proves the absence; everything else is replaced by {@code Pruned(hash)}. The
 * root hash is unchanged, so the witness verifies under the same signature.
 */
public final class Witness {
  private Witness() {}

  /** Selected paths as a trie; {@code whole} marks where a selected path ends. */
  private static final class Trie {
    boolean whole;
    final TreeMap<byte[], Trie> children = new TreeMap<>(Arrays::compareUnsigned);
  }

  public static HashTree prune(HashTree tree, List<List<byte[]>> paths) {
    Trie trie = new Trie();
    for (List<byte[]> path : paths) {
      Trie cur = trie;
      for (byte[] label : path) {
        cur = cur.children.computeIfAbsent(label.clone(), k -> new Trie());
      }
      cur.whole = true;
    }
    return reveal(tree, trie);
  }

  private static HashTree reveal(HashTree tree, Trie trie) {
    if (trie.whole) {
      return tree;
    }
    if (!(tree instanceof HashTree.Fork) && !(tree instanceof HashTree.Labeled)) {
      return tree; // Empty, Leaf, Pruned: nothing below to select; shown as is (lookups give Absent/Error/Unknown)
    }
    List<byte[]> labels = new ArrayList<>();
    for (HashTree t : Lookup.flattenForks(tree)) {
      if (t instanceof HashTree.Labeled l) {
        labels.add(l.label().toArray());
      }
    }
    if (labels.isEmpty()) {
      return tree; // a forest without labels proves every label absent; keep it
    }
    TreeMap<byte[], Boolean> boundaries = new TreeMap<>(Arrays::compareUnsigned);
    for (byte[] q : trie.children.keySet()) {
      if (!containsLabel(labels, q)) {
        byte[] below = null;
        byte[] above = null;
        for (byte[] l : labels) {
          if (Arrays.compareUnsigned(l, q) < 0) {
            below = l;
          } else if (above == null) {
            above = l;
          }
        }
        if (below != null) {
          boundaries.put(below, Boolean.TRUE);
        }
        if (above != null) {
          boundaries.put(above, Boolean.TRUE);
        }
      }
    }
    HashTree out = rebuild(tree, trie, boundaries);
    return out == null ? HashTree.pruned(tree.digest()) : out;
  }

  /** The kept form of a forest node, or null if nothing in it is kept. */
  private static HashTree rebuild(HashTree node, Trie trie, TreeMap<byte[], Boolean> boundaries) {
    if (node instanceof HashTree.Fork f) {
      HashTree l = rebuild(f.left(), trie, boundaries);
      HashTree r = rebuild(f.right(), trie, boundaries);
      if (l == null && r == null) {
        return null;
      }
      return HashTree.fork(
          l == null ? HashTree.pruned(f.left().digest()) : l,
          r == null ? HashTree.pruned(f.right().digest()) : r);
    }
    if (node instanceof HashTree.Labeled lab) {
      Trie child = trie.children.get(lab.label().toArray());
      if (child != null) {
        return HashTree.labeled(lab.label(), reveal(lab.subtree(), child));
      }
      if (boundaries.containsKey(lab.label().toArray())) {
        return HashTree.labeled(lab.label(), HashTree.pruned(lab.subtree().digest()));
      }
      return null;
    }
    return null; // Empty, Leaf, Pruned inside a forest carry nothing selected
  }

  private static boolean containsLabel(List<byte[]> labels, byte[] q) {
    for (byte[] l : labels) {
      if (Arrays.equals(l, q)) {
        return true;
      }
    }
    return false;
  }
}
