package dev.subnetsim.chainkey.threshold;

import dev.subnetsim.chainkey.bls12381.G1Point;
import java.util.List;

/**
 * The result of a verified combination: the threshold signature, the node indices whose shares
 * were interpolated, and the node indices whose shares failed verification (Byzantine senders).
 */
public record CombinedSignature(G1Point signature, List<Integer> usedIndices, List<Integer> invalidIndices) {
  public CombinedSignature {
    usedIndices = List.copyOf(usedIndices);
    invalidIndices = List.copyOf(invalidIndices);
  }
}
