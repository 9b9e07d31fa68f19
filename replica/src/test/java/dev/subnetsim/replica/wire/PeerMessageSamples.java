package dev.subnetsim.replica.wire;

import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.certification.HashTreeCbor;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.replica.chainkey.ChainKeyShareMessage;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.xnet.XNetSlice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** At least one well-formed message of every kind, for round trips and as fuzzing seeds. */
public final class PeerMessageSamples {
  private PeerMessageSamples() {}

  private static byte[] fill(int n, int v) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) v);
    return b;
  }

  private static final byte[] HASH = fill(32, 1);
  private static final byte[] SIG = fill(48, 2);

  /** The samples by kind; a kind without one is missing here (a test says so). */
  public static Map<MessageKind, List<PeerMessage>> byKind() {
    Map<MessageKind, List<PeerMessage>> out = new EnumMap<>(MessageKind.class);
    for (PeerMessage m : all()) {
      out.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m);
    }
    return out;
  }

  public static List<PeerMessage> all() {
    Block block = new Block(7, HASH, 1, 3, 123_456_789L,
        List.of(new PayloadItem.Workload(1, 2, 0, "increment", new byte[0]).encode()),
        List.of(fill(60, 4)), fill(72, 8));
    var proposal = new ConsensusMessage.BlockProposal(block, SIG);
    var fin = new ConsensusMessage.Finalization(7, HASH, List.of(0, 1, 2), SIG);
    List<ConsensusMessage> consensus = List.of(proposal,
        new ConsensusMessage.DkgItemMessage(7, fill(80, 5)),
        new ConsensusMessage.BeaconShare(7, 2, SIG), new ConsensusMessage.Beacon(7, SIG),
        new ConsensusMessage.NotarizationShare(7, HASH, 1, SIG),
        new ConsensusMessage.Notarization(7, HASH, List.of(0, 2, 3), SIG),
        new ConsensusMessage.FinalizationShare(7, HASH, 0, SIG), fin,
        new ConsensusMessage.CertificationShare(7, HASH, 3, SIG),
        new ConsensusMessage.Certification(7, HASH, SIG),
        new ConsensusMessage.CupShare(10, HASH, 2, SIG),
        new ConsensusMessage.EquivocationProof(proposal, new ConsensusMessage.BlockProposal(
            new Block(7, HASH, 1, 3, 1, List.of()), SIG)),
        new ConsensusMessage.CatchUpRequest(5),
        new ConsensusMessage.CatchUpResponse(new CatchUpPackage(0, HASH, HASH, HASH, new byte[0],
            fill(30, 6), fill(48, 7)), fill(100, 9), List.of(block), List.of(fin),
            List.of(new ConsensusMessage.Beacon(7, SIG))));
    List<PeerMessage> out = new ArrayList<>();
    consensus.forEach(m -> out.add(new PeerMessage.Consensus(m)));
    out.add(new PeerMessage.Ingress(new PayloadItem.Workload(4, 5, 0, "increment", new byte[] {1},
        SIG)));
    out.add(new PeerMessage.XNetSlice(new PayloadItem.XNet(new XNetSlice("root", 9, SIG,
        HashTreeCbor.encode(HashTree.labeled(utf8("streams"), HashTree.leaf(new byte[8])))))));
    out.add(new PeerMessage.ChainKeyShare(new ChainKeyShareMessage(11, 2, fill(33, 3))));
    out.add(new PeerMessage.ReshareDealing(new PayloadItem.ReshareDealing(1, "ecdsa:secp256k1", 2,
        fill(40, 4))));
    out.add(new PeerMessage.PresignatureDealing(new PayloadItem.PresignatureDealing(
        "ecdsa:secp256k1", 4, "kappa", 1, fill(40, 5))));
    out.add(new PeerMessage.DelegationRequest());
    out.add(new PeerMessage.Delegation(new Certificate(HashTree.labeled(utf8("time"),
        HashTree.leaf(new byte[] {1})), SIG, Optional.empty())));
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
