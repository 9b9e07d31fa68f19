package dev.subnetsim.consensus.dkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.DkgDealer;
import dev.subnetsim.chainkey.dkg.ReceiverKeyPair;
import dev.subnetsim.chainkey.dkg.Transcript;
import dev.subnetsim.chainkey.dkg.TranscriptBuilder;
import dev.subnetsim.chainkey.fuzz.DecoderFuzz;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Beacon;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.wire.MalformedMessageException;
import dev.subnetsim.consensus.wire.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every consensus decoder of bytes a peer can send or put in a block is total: fuzzed inputs
 * ({@link DecoderFuzz}) decode or are rejected with the format's one exception, nothing else.
 */
class ConsensusDecodersFuzzTest {
  private static final SeededRandom RNG = SeededRandom.fromSeed(1820);

  private static void total(String decoder, List<byte[]> valid,
      Class<? extends Throwable> rejection, DecoderFuzz.Decoder d) {
    DecoderFuzz.Outcome o = DecoderFuzz.assertTotal(decoder, decoder.hashCode(), valid, rejection,
        d);
    assertThat(o.rejected()).as(decoder + " rejections").isPositive();
  }

  private static byte[] bytes(int n, int fill) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) fill);
    return b;
  }

  private static DkgItem dealingItem() {
    return new DkgItem(DkgItem.Kind.DEALING, 2, ThresholdKey.BEACON, 1, bytes(40, 3),
        bytes(48, 4));
  }

  private static DkgItem complaintItem() {
    return new DkgItem(DkgItem.Kind.COMPLAINT, 3, ThresholdKey.CERTIFICATION, 0, bytes(12, 1),
        bytes(48, 5));
  }

  private static Block block(long height) {
    return new Block(height, bytes(32, 1), 0, 2, 1_000 * height,
        List.of(new byte[] {'W', 1}, bytes(5, 9)), List.of(dealingItem().encode()),
        height == 10 ? new IntervalSummary(1, bytes(32, 6), bytes(32, 7)).encode() : new byte[0]);
  }

  private static List<ConsensusMessage> messages() {
    BlockProposal proposal = new BlockProposal(block(10), bytes(48, 2));
    Finalization fin = new Finalization(10, bytes(32, 3), List.of(0, 1, 3), bytes(48, 4));
    Beacon beacon = new Beacon(10, bytes(48, 5));
    CatchUpPackage cup = new CatchUpPackage(10, bytes(32, 1), bytes(48, 2), bytes(32, 3),
        bytes(48, 4), bytes(20, 5), bytes(48, 6));
    List<ConsensusMessage> all = List.of(proposal,
        new ConsensusMessage.BeaconShare(3, 1, bytes(48, 1)), beacon,
        new ConsensusMessage.NotarizationShare(3, bytes(32, 1), 2, bytes(48, 2)),
        new ConsensusMessage.Notarization(3, bytes(32, 1), List.of(0, 2), bytes(48, 2)),
        new ConsensusMessage.FinalizationShare(3, bytes(32, 1), 2, bytes(48, 2)), fin,
        new ConsensusMessage.CertificationShare(3, bytes(32, 1), 2, bytes(48, 2)),
        new ConsensusMessage.Certification(3, bytes(32, 1), bytes(48, 2)),
        new ConsensusMessage.EquivocationProof(proposal, new BlockProposal(block(11),
            bytes(48, 3))),
        new ConsensusMessage.CupShare(10, bytes(32, 1), 2, bytes(48, 2)),
        new ConsensusMessage.DkgItemMessage(4, dealingItem().encode()),
        new ConsensusMessage.CatchUpRequest(7),
        new ConsensusMessage.CatchUpResponse(cup, bytes(30, 7), List.of(block(11)), List.of(fin),
            List.of(beacon)));
    return all;
  }

  /**
   * Every consensus kind of the wire vocabulary, seeded with its own samples: a kind added to
   * {@link MessageKind} is fuzzed here without a new test (and fails here until it has a sample).
   */
  @Test
  void messageCodecDecodeOfEveryConsensusKind() {
    Map<MessageKind, List<byte[]>> byKind = new EnumMap<>(MessageKind.class);
    messages().forEach(m -> byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>())
        .add(MessageCodec.encode(m)));
    for (MessageKind kind : MessageKind.consensusKinds()) {
      assertThat(byKind).as("samples of " + kind).containsKey(kind);
      total("MessageCodec.decode/" + kind, byKind.get(kind), MalformedMessageException.class,
          MessageCodec::decode);
    }
  }

  @Test
  void dkgItemDecode() {
    total("DkgItem.decode", List.of(dealingItem().encode(), complaintItem().encode()),
        IllegalArgumentException.class, b -> {
          DkgItem item = DkgItem.decode(b);
          return item.slot(); // reads the complaint header too
        });
  }

  @Test
  void intervalSummaryDecode() {
    total("IntervalSummary.decode", List.of(new IntervalSummary(3, bytes(32, 1), bytes(32, 2))
        .encode()), IllegalArgumentException.class, IntervalSummary::decode);
  }

  @Test
  void aDkgSummaryPresenceFlagOtherThanZeroOrOneIsRejected() {
    byte[] b = new DkgSummary(List.of(new DkgSummary.Entry(2, null, null, null, null)),
        List.of()).encode();
    assertThat(b[12]).isZero(); // u32 entries, u64 epoch, then the beacon's presence flag
    b[12] = 2;
    assertThatThrownBy(() -> DkgSummary.decode(b)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("presence flag 2");
  }

  @Test
  void dkgSummaryDecode() {
    List<G1Point> receivers = new ArrayList<>();
    for (int j = 0; j < 4; j++) {
      receivers.add(ReceiverKeyPair.random(RNG.fork("receiver" + j)).publicKey());
    }
    DkgConfig config = DkgConfig.fresh("fuzz".getBytes(StandardCharsets.UTF_8), 4, receivers, 2);
    List<Dealing> dealings = new ArrayList<>();
    for (int d = 0; d < 4; d++) {
      dealings.add(new DkgDealer(config, d).createDealing(RNG.fork("dealer" + d)));
    }
    Transcript t = TranscriptBuilder.build(config, dealings, List.of());
    DkgSummary summary = new DkgSummary(List.of(
        new DkgSummary.Entry(2, t, t.publicCoefficients(), null, null),
        new DkgSummary.Entry(3, null, null, t, t.publicCoefficients())),
        List.of(dealingItem(), complaintItem()));
    total("DkgSummary.decode", List.of(summary.encode(),
        new DkgSummary(List.of(), List.of()).encode()), IllegalArgumentException.class,
        DkgSummary::decode);
  }
}
