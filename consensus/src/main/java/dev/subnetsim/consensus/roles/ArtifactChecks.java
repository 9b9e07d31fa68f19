package dev.subnetsim.consensus.roles;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.roles.Validator.InvalidArtifactException;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** Checks the {@link Validator}'s artifact families share; each failure names what is wrong. */
final class ArtifactChecks {
  private ArtifactChecks() {}

  /**
   * Whether a share of {@code signer} on a block it has not yet signed at this height would
   * exceed {@link ConsensusPool#perSignerLimit()}.
   */
  static boolean overSignerLimit(ConsensusPool pool,
      TreeMap<Long, TreeMap<Bytes, TreeMap<Integer, byte[]>>> shares, long height,
      byte[] blockHash, int signer) {
    TreeMap<Bytes, TreeMap<Integer, byte[]>> byBlock = shares.get(height);
    if (byBlock == null || byBlock.getOrDefault(Bytes.of(blockHash), new TreeMap<>())
        .containsKey(signer)) {
      return false;
    }
    return ConsensusPool.blocksSignedBy(byBlock, signer) >= pool.perSignerLimit();
  }

  static String shortHex(Bytes root) {
    String hex = root.toHex();
    return hex.length() > 16 ? hex.substring(0, 16) + "..." : hex;
  }

  static void checkSigners(List<Integer> signers, int quorum, int n) {
    check(new TreeSet<>(signers).size() == signers.size(), "duplicate signers");
    check(signers.size() >= quorum, "only " + signers.size() + " signers, need " + quorum);
    check(signers.stream().allMatch(i -> i >= 0 && i < n), "signer index out of range");
  }

  static void check(boolean ok, String reason) {
    if (!ok) {
      throw new InvalidArtifactException(reason);
    }
  }
}
