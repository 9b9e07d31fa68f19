package dev.subnetsim.consensus.dkg;

import dev.subnetsim.chainkey.dkg.Attribution;
import dev.subnetsim.chainkey.dkg.Complaint;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.InsufficientDealingsException;
import dev.subnetsim.chainkey.dkg.Transcript;
import dev.subnetsim.chainkey.dkg.TranscriptBuilder;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The transcript phase of the DKG: an epoch's transcript of a key from the finalized dealings and
 * complaints (chainkey's {@code TranscriptBuilder} judges each complaint and excludes blamed
 * dealers), and the blames its judgement yields.
 */
final class DkgTranscripts {
  private final ConsensusCrypto crypto;
  private final ResharingConfigs configs;

  DkgTranscripts(ConsensusCrypto crypto, ResharingConfigs configs) {
    this.crypto = crypto;
    this.configs = configs;
  }

  /**
   * The transcript of {@code key} for epoch {@code target} from the given dealings and complaints,
   * built once per run (all honest replicas build it from the same finalized items); null if too
   * few dealings remain.
   */
  Transcript transcript(long target, ThresholdKey key, List<DkgItem> dealingItems,
      List<DkgItem> complaintItems) {
    DkgConfig c = configs.forEpoch(target, key).orElseThrow();
    String memo = "dkg-transcript/" + HexFormat.of().formatHex(ConsensusCrypto.sha256(c.toBytes()))
        + "/" + dealingItems.stream().map(DkgItem::slot).toList()
        + "/" + complaintItems.stream().map(DkgItem::slot).toList();
    return crypto.memo(memo, () -> {
      // Decoding a dealing checks its points' subgroups: done once per run, not per replica.
      List<Dealing> dealings = new ArrayList<>();
      dealingItems.forEach(i -> dealings.add(Dealing.fromBytes(i.body())));
      List<Complaint> complaints = new ArrayList<>();
      complaintItems.forEach(i -> complaints.add(Complaint.fromBytes(i.body())));
      try {
        return TranscriptBuilder.build(c, dealings, complaints);
      } catch (InsufficientDealingsException ex) {
        return null;
      }
    });
  }

  /** The nodes transcript {@code t}'s judgement blames, and why. */
  static List<SubnetDkg.Blame> blames(Transcript t, ThresholdKey key, long target) {
    List<SubnetDkg.Blame> out = new ArrayList<>();
    for (Attribution a : t.attributions()) {
      out.add(switch (a.kind()) {
        case UPHELD_COMPLAINT -> new SubnetDkg.Blame(a.accused(), "dkg: upheld complaint of node "
            + "index " + a.reporter() + " against the " + key + " dealing for epoch " + target);
        case FALSE_COMPLAINT -> new SubnetDkg.Blame(a.accused(), "dkg: false complaint against "
            + "node index " + a.reporter() + " in the " + key + " dkg for epoch " + target);
        default -> new SubnetDkg.Blame(a.accused(), "dkg: " + a.kind() + " in the " + key
            + " dkg for epoch " + target);
      });
    }
    return out;
  }
}
