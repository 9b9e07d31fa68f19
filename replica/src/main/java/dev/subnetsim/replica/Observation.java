package dev.subnetsim.replica;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import java.util.Objects;

/**
 * What a replica reports about itself for the invariant checkers, metrics and the trace. These are
 * claims of the replica, not of the world: checkers compare them across honest replicas.
 */
public sealed interface Observation {

  /** The replica finalized {@code blockHash} at {@code height} of {@code subnet}. */
  record Finalized(SubnetId subnet, long height, Bytes blockHash) implements Observation {
    public Finalized {
      Objects.requireNonNull(subnet, "subnet");
      Objects.requireNonNull(blockHash, "blockHash");
    }

    @Override
    public String toString() {
      return "Finalized[" + subnet + " h=" + height + " " + blockHash.toHex() + "]";
    }
  }

  /** The replica holds a certification (threshold signature) of {@code rootHash} at height. */
  record StateCertified(SubnetId subnet, long height, Bytes rootHash) implements Observation {
    public StateCertified {
      Objects.requireNonNull(subnet, "subnet");
      Objects.requireNonNull(rootHash, "rootHash");
    }

    @Override
    public String toString() {
      return "StateCertified[" + subnet + " h=" + height + " " + rootHash.toHex() + "]";
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
  record CombinedSignature(SubnetId subnet, String kind, long height, Bytes publicKey,
      Bytes message, Bytes signature) implements Observation {
    public CombinedSignature {
      Objects.requireNonNull(subnet, "subnet");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(publicKey, "publicKey");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(signature, "signature");
    }

    @Override
    public String toString() {
      return "CombinedSignature[" + subnet + " " + kind + " h=" + height + " sig="
          + signature.toHex() + "]";
    }
  }

  /**
   * A chain-key request was answered when executing {@code height}: the management method, the
   * calling canister, the request's argument and the combined reply (both as the management
   * canister's CBOR), and when the request was queued and answered (virtual nanoseconds). Every
   * replica that executes the block reports it; consumers deduplicate by (subnet, requestId).
   */
  record ChainKeyCompleted(SubnetId subnet, long height, long requestId, String method,
      Bytes callerCanister, Bytes arg, Bytes reply, long queuedAtNanos, long answeredAtNanos)
      implements Observation {
    public ChainKeyCompleted {
      Objects.requireNonNull(callerCanister, "callerCanister");
      Objects.requireNonNull(arg, "arg");
      Objects.requireNonNull(reply, "reply");
    }
  }

  /**
   * A user's signed ingress message finished at {@code height}: its request id, and the reply
   * data or the reject code and message (what the user reads from /request_status).
   */
  record IngressCompleted(SubnetId subnet, long height, Bytes requestId, boolean replied,
      Bytes reply, long rejectCode, String rejectMessage) implements Observation {
    public IngressCompleted {
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(reply, "reply");
    }
  }

  /**
   * The replica answered a user's signed query ({@code requestId}) on its state at {@code height},
   * the latest it holds a certification for: the reply or the reject message, and the data
   * certificate of that state (CBOR; revealing {@code /time} and the queried canister's
   * {@code certified_data}, with the root subnet's delegation on other subnets). A request that
   * could not run (malformed, bad signature, expired) is rejected with an empty certificate.
   */
  record QueryAnswered(SubnetId subnet, long height, Bytes requestId, boolean replied,
      Bytes reply, String rejectMessage, Bytes certificate) implements Observation {
    public QueryAnswered {
      Objects.requireNonNull(subnet, "subnet");
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(reply, "reply");
      Objects.requireNonNull(rejectMessage, "rejectMessage");
      Objects.requireNonNull(certificate, "certificate");
    }
  }
}
