package dev.subnetsim.consensus.artifacts;

import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.types.MessageKind;
import java.util.List;

/**
 * Every artifact replicas exchange. Indices are committee indices; signatures are compressed
 * BLS12-381 G1 points (48 bytes), real and verifiable.
 */
public sealed interface ConsensusMessage {

  long height();

  /** This message's kind on the wire (its stable name is traced and counted). */
  MessageKind kind();

  record BlockProposal(Block block, byte[] signature) implements ConsensusMessage {
    public long height() {
      return block.height();
    }

    public MessageKind kind() {
      return MessageKind.BLOCK_PROPOSAL;
    }
  }

  /**
   * A signed consensus DKG item ({@link dev.subnetsim.consensus.dkg.DkgItem}: a resharing dealing
   * or a complaint), gossiped so block makers include it.
   */
  record DkgItemMessage(long height, byte[] item) implements ConsensusMessage {
    public MessageKind kind() {
      return MessageKind.DKG_ITEM;
    }
  }

  record BeaconShare(long height, int signer, byte[] share) implements ConsensusMessage {
    public MessageKind kind() {
      return MessageKind.BEACON_SHARE;
    }
  }

  record Beacon(long height, byte[] signature) implements ConsensusMessage {
    public MessageKind kind() {
      return MessageKind.RANDOM_BEACON;
    }
  }

  /**
   * A notarization share; under a variant with a fast path ({@code ConsensusProtocol#votes}) the
   * signer's first share at a height also carries its vote, a signature over {@code
   * SignedMessages#fastVoteMessage} (empty when the share is no vote).
   */
  record NotarizationShare(long height, byte[] blockHash, int signer, byte[] signature,
      byte[] vote) implements ConsensusMessage {
    /** A share that is no vote. */
    public NotarizationShare(long height, byte[] blockHash, int signer, byte[] signature) {
      this(height, blockHash, signer, signature, new byte[0]);
    }

    public boolean isVote() {
      return vote.length > 0;
    }

    public MessageKind kind() {
      return MessageKind.NOTARIZATION_SHARE;
    }
  }

  record Notarization(long height, byte[] blockHash, List<Integer> signers, byte[] signature)
      implements ConsensusMessage {
    public MessageKind kind() {
      return MessageKind.NOTARIZATION;
    }
  }

  record FinalizationShare(long height, byte[] blockHash, int signer, byte[] signature)
      implements ConsensusMessage {
    public MessageKind kind() {
      return MessageKind.FINALIZATION_SHARE;
    }
  }

  record Finalization(long height, byte[] blockHash, List<Integer> signers, byte[] signature)
      implements ConsensusMessage {
    public MessageKind kind() {
      return MessageKind.FINALIZATION;
    }
  }

  record CertificationShare(long height, byte[] stateRoot, int signer, byte[] share)
      implements ConsensusMessage {
    public MessageKind kind() {
      return MessageKind.CERTIFICATION_SHARE;
    }
  }

  record Certification(long height, byte[] stateRoot, byte[] signature)
      implements ConsensusMessage {
    public MessageKind kind() {
      return MessageKind.CERTIFICATION;
    }
  }

  /**
   * A share of the threshold signature (certification key, n-f) over a catch-up package's content,
   * identified by its {@code contentHash} ({@link CatchUpPackage#contentHash()}).
   */
  record CupShare(long height, byte[] contentHash, int signer, byte[] share)
      implements ConsensusMessage {
    public MessageKind kind() {
      return MessageKind.CUP_SHARE;
    }
  }

  /** Two different signed proposals of one proposer at one height: the proposer equivocated. */
  record EquivocationProof(BlockProposal first, BlockProposal second) implements ConsensusMessage {
    public long height() {
      return first.height();
    }

    public MessageKind kind() {
      return MessageKind.EQUIVOCATION_PROOF;
    }
  }

  /** A restarted replica asks peers for their latest catch-up package. */
  record CatchUpRequest(long height) implements ConsensusMessage {
    public MessageKind kind() {
      return MessageKind.CUP_REQUEST;
    }
  }

  /**
   * A catch-up package with the state at its height and the finalized chain after it (blocks with
   * their finalizations, and the random beacons after it, which later rounds build on), so the requester can verify, adopt the state and execute up to the tip.
   */
  record CatchUpResponse(CatchUpPackage cup, byte[] state, List<Block> blocks,
      List<Finalization> finalizations, List<Beacon> beacons) implements ConsensusMessage {
    public long height() {
      return cup.height();
    }

    public MessageKind kind() {
      return MessageKind.CUP_RESPONSE;
    }
  }
}
