package dev.subnetsim.consensus.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Beacon;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BeaconShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpRequest;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpResponse;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CertificationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CupShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.DkgItemMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.EquivocationProof;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.FinalizationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Notarization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protobuf wire forms: every message kind round-trips; malformed bytes are named. */
class MessageCodecTest {
  private static byte[] fill(int n, int v) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) v);
    return b;
  }

  private static final byte[] HASH = fill(32, 1);
  private static final byte[] SIG = fill(48, 2);
  private static final Block BLOCK = new Block(7, HASH, 1, 3, 123_456_789L,
      List.of(new byte[] {'W', 1}, new byte[0]), List.of(fill(60, 4)), fill(72, 8));
  private static final BlockProposal PROPOSAL = new BlockProposal(BLOCK, SIG);

  static List<ConsensusMessage> all() {
    Finalization fin = new Finalization(7, HASH, List.of(0, 1, 2), SIG);
    return List.of(PROPOSAL, new BeaconShare(7, 2, SIG), new Beacon(7, SIG),
        new NotarizationShare(7, HASH, 1, SIG), new Notarization(7, HASH, List.of(0, 2, 3), SIG),
        new FinalizationShare(7, HASH, 0, SIG), fin, new CertificationShare(7, HASH, 3, SIG),
        new Certification(7, HASH, SIG),
        new EquivocationProof(PROPOSAL, new BlockProposal(new Block(7, HASH, 1, 3, 1, List.of()), SIG)),
        new CatchUpRequest(5), new DkgItemMessage(7, fill(80, 5)),
        new CatchUpResponse(new CatchUpPackage(0, HASH, HASH, HASH, new byte[0], fill(30, 6),
            fill(48, 7)), fill(100, 9),
            List.of(BLOCK), List.of(fin), List.of(new Beacon(7, SIG))),
        new CupShare(10, HASH, 2, SIG));
  }

  @Test
  void everyMessageKindSurvivesItsProtobufForm() {
    for (ConsensusMessage m : all()) {
      byte[] wire = MessageCodec.encode(m);
      ConsensusMessage back = MessageCodec.decode(wire);
      assertThat(back.kind()).isEqualTo(m.kind());
      assertThat(back.height()).isEqualTo(m.height());
      assertThat(MessageCodec.encode(back)).as(m.kind().wireName()).isEqualTo(wire);
    }
    BlockProposal back = (BlockProposal) MessageCodec.decode(MessageCodec.encode(PROPOSAL));
    assertThat(back.block().hash()).isEqualTo(BLOCK.hash());
    assertThat(back.block().timeNanos()).isEqualTo(123_456_789L);
    assertThat(back.block().dkg()).singleElement().isEqualTo(fill(60, 4));
    CatchUpResponse cup = (CatchUpResponse) MessageCodec.decode(MessageCodec.encode(all().get(12)));
    assertThat(cup.cup().dkgSummary()).isEqualTo(fill(30, 6));
    assertThat(cup.cup().signature()).isEqualTo(fill(48, 7));
  }

  @Test
  void aWrongLengthSignatureIsNamedWithItsMessageKind() {
    byte[] wire = MessageCodec.encode(new NotarizationShare(7, HASH, 1, fill(47, 2)));
    assertThatThrownBy(() -> MessageCodec.decode(wire)).isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("notarization_share").hasMessageContaining("signature must be 48 bytes");
  }

  @Test
  void garbageEmptyAndTruncatedBytesAreRejectedClearly() {
    assertThatThrownBy(() -> MessageCodec.decode(new byte[0]))
        .isInstanceOf(MalformedMessageException.class).hasMessageContaining("no kind set");
    assertThatThrownBy(() -> MessageCodec.decode(new byte[] {(byte) 0xff, (byte) 0xff, 0x01}))
        .isInstanceOf(MalformedMessageException.class);
    byte[] wire = MessageCodec.encode(PROPOSAL);
    assertThatThrownBy(() -> MessageCodec.decode(java.util.Arrays.copyOf(wire, wire.length - 10)))
        .isInstanceOf(MalformedMessageException.class);
  }

  @Test
  void protobufSizesAreWhatTheBandwidthModelSees() {
    // A notarization share is tag + height + 32 B hash + signer + 48 B signature + framing.
    int size = MessageCodec.encode(new NotarizationShare(7, HASH, 1, SIG)).length;
    assertThat(size).isBetween(32 + 48 + 4, 32 + 48 + 12);
  }
}
