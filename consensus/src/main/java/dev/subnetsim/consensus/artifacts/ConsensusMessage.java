package dev.subnetsim.consensus.artifacts;

import dev.subnetsim.consensus.catchup.CatchUpPackage;
import java.util.List;

/**
 * Every artifact replicas exchange. Indices are committee indices; signatures are compressed
 * BLS12-381 G1 points (48 bytes), real and verifiable.
 */
public sealed interface ConsensusMessage {

  long height();

  /** A short, stable type name for traces and message statistics. */
  String kind();

  record BlockProposal(Block block, byte[] signature) implements ConsensusMessage {
    public long height() {
      return block.height();
    }

    public String kind() {
      return "block-proposal";
    }
  }

  /**
   * A signed consensus DKG item ({@link dev.subnetsim.consensus.dkg.DkgItem}: a resharing dealing
   * or a complaint), gossiped so block makers include it.
   */
  record DkgItemMessage(long height, byte[] item) implements ConsensusMessage {
    public String kind() {
      return "dkg-item";
    }
  }

  record BeaconShare(long height, int signer, byte[] share) implements ConsensusMessage {
    public String kind() {
      return "beacon-share";
    }
  }

  record Beacon(long height, byte[] signature) implements ConsensusMessage {
    public String kind() {
      return "random-beacon";
    }
  }

  record NotarizationShare(long height, byte[] blockHash, int signer, byte[] signature)
      implements ConsensusMessage {
    public String kind() {
      return "notarization-share";
    }
  }

  record Notarization(long height, byte[] blockHash, List<Integer> signers, byte[] signature)
      implements ConsensusMessage {
    public String kind() {
      return "notarization";
    }
  }

  record FinalizationShare(long height, byte[] blockHash, int signer, byte[] signature)
      implements ConsensusMessage {
    public String kind() {
      return "finalization-share";
    }
  }

  record Finalization(long height, byte[] blockHash, List<Integer> signers, byte[] signature)
      implements ConsensusMessage {
    public String kind() {
      return "finalization";
    }
  }

  record CertificationShare(long height, byte[] stateRoot, int signer, byte[] share)
      implements ConsensusMessage {
    public String kind() {
      return "certification-share";
    }
  }

  record Certification(long height, byte[] stateRoot, byte[] signature)
      implements ConsensusMessage {
    public String kind() {
      return "certification";
    }
  }

  /**
   * A share of the threshold signature (certification key, n-f) over a catch-up package's content,
   * identified by its {@code contentHash} ({@link CatchUpPackage#contentHash()}).
   */
  record CupShare(long height, byte[] contentHash, int signer, byte[] share)
      implements ConsensusMessage {
    public String kind() {
      return "cup-share";
    }
  }

  /** Two different signed proposals of one proposer at one height: the proposer equivocated. */
  record EquivocationProof(BlockProposal first, BlockProposal second) implements ConsensusMessage {
    public long height() {
      return first.height();
    }

    public String kind() {
      return "equivocation-proof";
    }
  }

  /** A restarted replica asks peers for their latest catch-up package. */
  record CatchUpRequest(long height) implements ConsensusMessage {
    public String kind() {
      return "cup-request";
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

    public String kind() {
      return "cup-response";
    }
  }
}
