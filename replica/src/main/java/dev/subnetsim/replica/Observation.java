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

  /**
   * The replica holds a combined (threshold or multi-) signature: a random beacon, notarization,
   * finalization, certification or chain-key signature. {@code publicKey} is the key it claims
   * the signature verifies under (for a multi-signature, the signers' aggregate key).
   */
  record CombinedSignature(SubnetId subnet, String kind, long height, byte[] publicKey,
      byte[] message, byte[] signature) implements Observation {
    public CombinedSignature {
      Objects.requireNonNull(subnet, "subnet");
      Objects.requireNonNull(kind, "kind");
      publicKey = publicKey.clone();
      message = message.clone();
      signature = signature.clone();
    }

    @Override
    public byte[] publicKey() {
      return publicKey.clone();
    }

    @Override
    public byte[] message() {
      return message.clone();
    }

    @Override
    public byte[] signature() {
      return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CombinedSignature c && subnet.equals(c.subnet) && kind.equals(c.kind)
          && height == c.height && Arrays.equals(publicKey, c.publicKey)
          && Arrays.equals(message, c.message) && Arrays.equals(signature, c.signature);
    }

    @Override
    public int hashCode() {
      return Objects.hash(subnet, kind, height, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
      return "CombinedSignature[" + subnet + " " + kind + " h=" + height + " sig="
          + HexFormat.of().formatHex(signature) + "]";
    }
  }

  /**
   * A chain-key request was answered when executing {@code height}: the management method, the
   * calling canister, the request's argument and the combined reply (both as the management
   * canister's CBOR), and when the request was queued and answered (virtual nanoseconds). Every
   * replica that executes the block reports it; consumers deduplicate by (subnet, requestId).
   */
  record ChainKeyCompleted(SubnetId subnet, long height, long requestId, String method,
      byte[] callerCanister, byte[] arg, byte[] reply, long queuedAtNanos, long answeredAtNanos)
      implements Observation {
    public ChainKeyCompleted {
      callerCanister = callerCanister.clone();
      arg = arg.clone();
      reply = reply.clone();
    }

    @Override
    public byte[] callerCanister() {
      return callerCanister.clone();
    }

    @Override
    public byte[] arg() {
      return arg.clone();
    }

    @Override
    public byte[] reply() {
      return reply.clone();
    }
  }

  /**
   * A user's signed ingress message finished at {@code height}: its request id, and the reply
   * data or the reject code and message (what the user reads from /request_status).
   */
  record IngressCompleted(SubnetId subnet, long height, byte[] requestId, boolean replied,
      byte[] reply, long rejectCode, String rejectMessage) implements Observation {
    public IngressCompleted {
      requestId = requestId.clone();
      reply = reply.clone();
    }

    @Override
    public byte[] requestId() {
      return requestId.clone();
    }

    @Override
    public byte[] reply() {
      return reply.clone();
    }
  }

  /**
   * The replica answered a user's signed query ({@code requestId}) on its state at {@code height},
   * the latest it holds a certification for: the reply or the reject message, and the data
   * certificate of that state (CBOR; revealing {@code /time} and the queried canister's
   * {@code certified_data}, with the root subnet's delegation on other subnets). A request that
   * could not run (malformed, bad signature, expired) is rejected with an empty certificate.
   */
  record QueryAnswered(SubnetId subnet, long height, byte[] requestId, boolean replied,
      byte[] reply, String rejectMessage, byte[] certificate) implements Observation {
    public QueryAnswered {
      Objects.requireNonNull(subnet, "subnet");
      requestId = requestId.clone();
      reply = reply.clone();
      Objects.requireNonNull(rejectMessage, "rejectMessage");
      certificate = certificate.clone();
    }

    @Override
    public byte[] requestId() {
      return requestId.clone();
    }

    @Override
    public byte[] reply() {
      return reply.clone();
    }

    @Override
    public byte[] certificate() {
      return certificate.clone();
    }
  }
}
