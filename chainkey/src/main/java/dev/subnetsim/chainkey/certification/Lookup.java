package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.bytes.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * The spec's {@code lookup_path}, {@code flatten_forks} and {@code find_label} (interface spec,
 * "Lookup"), literally: the labeled children of a node are the flattened forest, assumed sorted.
 */
final class Lookup {
  private Lookup() {}

  static LookupResult lookupPath(List<byte[]> path, HashTree tree) {
    HashTree cur = tree;
    for (byte[] label : path) {
      FindResult r = findLabel(Bytes.of(label), flattenForks(cur));
      if (r.result != null) {
        return r.result;
      }
      cur = r.subtree;
    }
    if (cur instanceof HashTree.Empty) {
      return LookupResult.ABSENT;
    } else if (cur instanceof HashTree.Leaf leaf) {
      return new LookupResult.Found(leaf.value());
    } else if (cur instanceof HashTree.Pruned) {
      return LookupResult.UNKNOWN;
    } else {
      return LookupResult.ERROR;
    }
  }

  /** The children of a node: forks flattened away, Empty dropped. */
  static List<HashTree> flattenForks(HashTree tree) {
    List<HashTree> out = new ArrayList<>();
    flatten(tree, out);
    return out;
  }

  private static void flatten(HashTree t, List<HashTree> out) {
    // Explicit stack: a hostile, deeply left-nested fork chain must not overflow the Java stack.
    ArrayList<HashTree> stack = new ArrayList<>();
    stack.add(t);
    while (!stack.isEmpty()) {
      HashTree cur = stack.remove(stack.size() - 1);
      if (cur instanceof HashTree.Fork f) {
        stack.add(f.right());
        stack.add(f.left());
      } else if (!(cur instanceof HashTree.Empty)) {
        out.add(cur);
      }
    }
  }

  private record FindResult(HashTree subtree, LookupResult result) {}

  private static FindResult findLabel(Bytes l, List<HashTree> forest) {
    if (forest.isEmpty()) {
      return new FindResult(null, LookupResult.ABSENT);
    }
    if (forest.size() == 1 && forest.get(0) instanceof HashTree.Leaf) {
      return new FindResult(null, LookupResult.ABSENT);
    }
    for (int i = 0; i < forest.size(); i++) {
      if (forest.get(i) instanceof HashTree.Labeled lab) {
        int c = l.compareTo(lab.label());
        if (c == 0) {
          return new FindResult(lab.subtree(), null);
        }
        if (c < 0) {
          // l sorts before this label: absent iff its left neighbour is a label below l (or none).
          boolean leftBound = i == 0 || forest.get(i - 1) instanceof HashTree.Labeled;
          return new FindResult(null, leftBound ? LookupResult.ABSENT : LookupResult.UNKNOWN);
        }
      }
    }
    // l is above every label: absent iff the last node is a label.
    boolean rightBound = forest.get(forest.size() - 1) instanceof HashTree.Labeled;
    return new FindResult(null, rightBound ? LookupResult.ABSENT : LookupResult.UNKNOWN);
  }
}
