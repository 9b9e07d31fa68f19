package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.bytes.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * The interface spec's {@code well_formed} ("Lookup"): in every forest the labels are strictly
 * increasing and no leaf is mixed with other nodes. The lookup algorithm assumes it; trees the IC
 * (and {@link HashTreeBuilder}) produce have it. Pruned subtrees are opaque and pass.
 */
public final class WellFormedness {
  private WellFormedness() {}

  public static boolean isWellFormed(HashTree tree) {
    return problem(tree) == null;
  }

  /** A description of the first violation found, or null. */
  public static String problem(HashTree tree) {
    List<HashTree> pending = new ArrayList<>();
    pending.add(tree);
    while (!pending.isEmpty()) {
      HashTree t = pending.remove(pending.size() - 1);
      if (t instanceof HashTree.Leaf) {
        continue;
      }
      List<HashTree> forest = Lookup.flattenForks(t);
      Bytes previous = null;
      for (HashTree node : forest) {
        if (node instanceof HashTree.Leaf) {
          return "a leaf sits in a forest (under a fork) instead of directly under a label";
        }
        if (node instanceof HashTree.Labeled l) {
          if (previous != null && previous.compareTo(l.label()) >= 0) {
            return "labels are not strictly increasing";
          }
          previous = l.label();
          pending.add(l.subtree());
        }
      }
    }
    return null;
  }
}
