package dev.subnetsim.replica.execution.stable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One node of a {@link StableBTreeMap} as loaded from its chunk ({@link BTreeChunks}); changes are
 * written back explicitly, so a node is a working copy, never a live view of the memory.
 */
final class BTreeNode {
  final long address;
  final boolean leaf;
  final List<byte[]> keys = new ArrayList<>();
  final List<byte[]> values = new ArrayList<>();
  final List<Long> children = new ArrayList<>();

  BTreeNode(long address, boolean leaf) {
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

  /** Keys are ordered as unsigned byte strings. */
  static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }
}
