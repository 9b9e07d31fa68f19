package dev.subnetsim.chainkey.threshold;

import dev.subnetsim.chainkey.bls12381.Scalar;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The IC convention for Shamir evaluation points: the node with index i in 0..n-1 (its position in
 * the committee) holds the polynomial evaluated at x = i+1, never at 0 (which is the secret).
 */
public final class NodeIndex {
  private NodeIndex() {}

  /** x = i+1 for node index i. */
  public static Scalar evaluationPoint(int nodeIndex) {
    checkIndex(nodeIndex);
    return Scalar.fromLong(nodeIndex + 1L);
  }

  /** @throws IllegalArgumentException for a negative index */
  public static void checkIndex(int nodeIndex) {
    if (nodeIndex < 0) {
      throw new IllegalArgumentException("node index must be non-negative, got " + nodeIndex);
    }
  }

  /** @throws IllegalArgumentException naming the first repeated or negative index */
  public static void checkDistinct(Collection<Integer> nodeIndices) {
    Set<Integer> seen = new HashSet<>();
    for (int i : nodeIndices) {
      checkIndex(i);
      if (!seen.add(i)) {
        throw new IllegalArgumentException("duplicate node index " + i);
      }
    }
  }
}
