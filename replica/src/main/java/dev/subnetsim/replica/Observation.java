package dev.subnetsim.replica;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a replica reports about itself for the invariant checkers, metrics and the trace. These are
 * claims of the replica, not of the world: checkers compare them across honest replicas.
 */
public sealed interface Observation {

  /** The replica finalized {@code blockHash} at {@code height} of {@code subnet}. */
  record Finalized(SubnetId subnet, long height, byte[] blockHash) implements Observation {
    public Finalized {
      Objects.requireNonNull(subnet, "subnet");
      blockHash = Objects.requireNonNull(blockHash, "blockHash").clone();
    }

    @Override
    public byte[] blockHash() {
      return blockHash.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Finalized f
          && subnet.equals(f.subnet)
          && height == f.height
          && Arrays.equals(blockHash, f.blockHash);
    }

    @Override
    public int hashCode() {
      return Objects.hash(subnet, height, Arrays.hashCode(blockHash));
    }

    @Override
    public String toString() {
      return "Finalized[" + subnet + " h=" + height + " " + HexFormat.of().formatHex(blockHash) + "]";
    }
  }

  /** The replica holds a certification (threshold signature) of {@code rootHash} at height. */
  record StateCertified(SubnetId subnet, long height, byte[] rootHash) implements Observation {
    public StateCertified {
      Objects.requireNonNull(subnet, "subnet");
      rootHash = Objects.requireNonNull(rootHash, "rootHash").clone();
    }

    @Override
    public byte[] rootHash() {
      return rootHash.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof StateCertified s
          && subnet.equals(s.subnet)
          && height == s.height
          && Arrays.equals(rootHash, s.rootHash);
    }

    @Override
    public int hashCode() {
      return Objects.hash(subnet, height, Arrays.hashCode(rootHash));
    }

    @Override
    public String toString() {
      return "StateCertified[" + subnet + " h=" + height + " " + HexFormat.of().formatHex(rootHash)
          + "]";
    }
  }

  /** The replica rejected an artifact received from {@code from} (invalid share, bad block...). */
  record ArtifactRejected(NodeId from, String reason) implements Observation {
    public ArtifactRejected {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A named numeric sample (queue sizes, counters) for reports; not checked. */
  record Metric(String name, double value) implements Observation {
    public Metric {
      Objects.requireNonNull(name, "name");
    }
  }
}
