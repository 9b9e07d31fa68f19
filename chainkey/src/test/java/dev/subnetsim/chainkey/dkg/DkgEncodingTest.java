package dev.subnetsim.chainkey.dkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Canonical encodings of dealings, complaints and transcripts, and rejection of malformed bytes. */
class DkgEncodingTest {

  private static final byte[] ID = "encoding".getBytes(StandardCharsets.UTF_8);
  private DkgConfig config;
  private List<Dealing> dealings;
  private Complaint complaint;
  private Transcript transcript;

  @BeforeEach
  void setUp() {
    SeededRandom rng = SeededRandom.fromSeed(77);
    DkgCommittee committee = new DkgCommittee(4, rng.fork("committee"));
    config = DkgConfig.fresh(ID, 4, committee.publicKeys(), 2);
    dealings = new ArrayList<>(DkgCommittee.freshDealings(config, rng));
    dealings.set(3, DkgCommittee.withBadShareFor(dealings.get(3), 0));
    List<Complaint> complaints = DkgCommittee.openAll(committee.receivers(config), dealings, rng);
    complaint = complaints.get(0);
    List<Complaint> withFalse = new ArrayList<>(complaints);
    withFalse.add(committee.receivers(config).get(2).complaintAgainst(dealings.get(1), rng.fork("false")));
    transcript = TranscriptBuilder.build(config, dealings, withFalse);
  }

  @Test
  void dealingsComplaintsAndTranscriptsRoundTripWithTheDocumentedSizes() {
    Dealing d = dealings.get(0);
    assertThat(d.toBytes()).hasSize(1 + 4 + 4 + 2 * 96 + 48 + 4 + 4 * 32);
    assertThat(Dealing.fromBytes(d.toBytes())).isEqualTo(d);
    assertThat(complaint.toBytes()).hasSize(Complaint.BYTES).hasSize(121);
    assertThat(Complaint.fromBytes(complaint.toBytes())).isEqualTo(complaint);
    Transcript back = Transcript.fromBytes(transcript.toBytes());
    assertThat(back).isEqualTo(transcript);
    assertThat(back.attributions()).hasSize(2);
    assertThat(back.toBytes()).isEqualTo(transcript.toBytes());
    TranscriptBuilder.verify(config, back);
  }

  @Test
  void theSameSeedGivesByteIdenticalDealings() {
    SeededRandom a = SeededRandom.fromSeed(5);
    SeededRandom b = SeededRandom.fromSeed(5);
    assertThat(new DkgDealer(config, 1).createDealing(a).toBytes())
        .isEqualTo(new DkgDealer(config, 1).createDealing(b).toBytes());
  }

  @Test
  void truncatedOrExtendedDealingsAreRejected() {
    byte[] b = dealings.get(0).toBytes();
    assertThatThrownBy(() -> Dealing.fromBytes(new byte[0]))
        .isInstanceOf(MalformedDkgBytesException.class).hasMessageContaining("dealing: version: truncated");
    assertThatThrownBy(() -> Dealing.fromBytes(Arrays.copyOf(b, 100)))
        .isInstanceOf(MalformedDkgBytesException.class).hasMessageContaining("commitment threshold").hasMessageContaining("needs 192 bytes");
    assertThatThrownBy(() -> Dealing.fromBytes(Arrays.copyOf(b, b.length - 1)))
        .isInstanceOf(MalformedDkgBytesException.class).hasMessageContaining("ciphertext count");
    assertThatThrownBy(() -> Dealing.fromBytes(Arrays.copyOf(b, b.length + 1)))
        .isInstanceOf(MalformedDkgBytesException.class).hasMessageContaining("1 trailing bytes");
    for (int len = 0; len < b.length; len++) {
      byte[] prefix = Arrays.copyOf(b, len);
      assertThat(catchThrowable(() -> Dealing.fromBytes(prefix))).isInstanceOf(MalformedDkgBytesException.class);
    }
  }

  @Test
  void malformedFieldsOfADealingAreNamed() {
    byte[] b = dealings.get(0).toBytes();
    byte[] version = b.clone();
    version[0] = 2;
    assertThatThrownBy(() -> Dealing.fromBytes(version)).hasMessageContaining("unsupported version 2");
    byte[] hugeDealer = b.clone();
    hugeDealer[1] = (byte) 0x80;
    assertThatThrownBy(() -> Dealing.fromBytes(hugeDealer)).hasMessageContaining("dealer index").hasMessageContaining("exceeds");
    byte[] zeroThreshold = b.clone();
    Arrays.fill(zeroThreshold, 5, 9, (byte) 0);
    assertThatThrownBy(() -> Dealing.fromBytes(zeroThreshold)).hasMessageContaining("commitment threshold").hasMessageContaining("count 0");
    byte[] hugeThreshold = b.clone();
    hugeThreshold[5] = 0x7f;
    assertThatThrownBy(() -> Dealing.fromBytes(hugeThreshold)).hasMessageContaining("commitment threshold");
    byte[] badCoefficient = b.clone();
    badCoefficient[9 + 96] &= 0x7f; // compression flag of coefficient 1
    assertThatThrownBy(() -> Dealing.fromBytes(badCoefficient))
        .isInstanceOf(MalformedDkgBytesException.class).hasMessageContaining("coefficient 1");
    byte[] badR = b.clone();
    badR[9 + 192] = (byte) 0x40; // infinity flag without compression flag
    assertThatThrownBy(() -> Dealing.fromBytes(badR)).hasMessageContaining("ephemeral key");
    byte[] nonCanonical = b.clone();
    Arrays.fill(nonCanonical, 9 + 192 + 48 + 4, 9 + 192 + 48 + 4 + 32, (byte) 0xff);
    assertThatThrownBy(() -> Dealing.fromBytes(nonCanonical))
        .hasMessageContaining("ciphertext 0").hasMessageContaining("not below the group order");
    byte[] hugeCount = b.clone();
    hugeCount[9 + 192 + 48 + 2] = 0x7f;
    assertThatThrownBy(() -> Dealing.fromBytes(hugeCount)).hasMessageContaining("ciphertext count");
  }

  @Test
  void everySingleBitFlipOfADealingDecodesToAnotherDealingOrFailsWithMalformedBytes() {
    byte[] b = dealings.get(0).toBytes();
    int decoded = 0;
    for (int i = 0; i < b.length; i++) {
      byte[] flipped = b.clone();
      flipped[i] ^= (byte) (1 << (i % 8));
      Throwable t = catchThrowable(() -> Dealing.fromBytes(flipped));
      if (t == null) {
        decoded++;
        assertThat(Dealing.fromBytes(flipped)).isNotEqualTo(dealings.get(0));
      } else {
        assertThat(t).isInstanceOf(MalformedDkgBytesException.class);
      }
    }
    assertThat(decoded).isPositive(); // e.g. flips inside ciphertexts decode
  }

  @Test
  void malformedComplaintsAreRejected() {
    byte[] b = complaint.toBytes();
    assertThatThrownBy(() -> Complaint.fromBytes(Arrays.copyOf(b, 120))).hasMessageContaining("complaint: proof response: truncated");
    assertThatThrownBy(() -> Complaint.fromBytes(Arrays.copyOf(b, 122))).hasMessageContaining("trailing");
    byte[] badKey = b.clone();
    badKey[9] &= 0x7f;
    assertThatThrownBy(() -> Complaint.fromBytes(badKey)).isInstanceOf(MalformedDkgBytesException.class).hasMessageContaining("DH key");
    for (int len = 0; len < b.length; len++) {
      byte[] prefix = Arrays.copyOf(b, len);
      assertThat(catchThrowable(() -> Complaint.fromBytes(prefix))).isInstanceOf(MalformedDkgBytesException.class);
    }
  }

  @Test
  void malformedTranscriptsAreRejected() {
    byte[] b = transcript.toBytes();
    for (int len = 0; len < b.length; len += 7) {
      byte[] prefix = Arrays.copyOf(b, len);
      assertThat(catchThrowable(() -> Transcript.fromBytes(prefix))).isInstanceOf(MalformedDkgBytesException.class);
    }
    int flagAt = 1 + 4 + ID.length + 4 + 4;
    byte[] flag = b.clone();
    flag[flagAt] = 2;
    assertThatThrownBy(() -> Transcript.fromBytes(flag)).hasMessageContaining("resharing flag");
    // Swap the two dealings: no longer ascending by dealer index.
    List<Dealing> swapped = List.of(transcript.dealings().get(1), transcript.dealings().get(0));
    byte[] unordered = withDealings(b, swapped);
    assertThatThrownBy(() -> Transcript.fromBytes(unordered))
        .isInstanceOf(MalformedDkgBytesException.class).hasMessageContaining("strictly ascending");
    byte[] badInner = b.clone();
    badInner[flagAt + 1 + 4 + 4] = 9; // version byte of dealing 0
    assertThatThrownBy(() -> Transcript.fromBytes(badInner)).hasMessageContaining("dealing 0").hasMessageContaining("version");
    int kindAt = b.length - (4 + 2 * 96) - 2 * 9;
    byte[] badKind = b.clone();
    badKind[kindAt] = 9;
    assertThatThrownBy(() -> Transcript.fromBytes(badKind)).hasMessageContaining("attribution 0 kind").hasMessageContaining("unknown kind 9");
  }

  private byte[] withDealings(byte[] original, List<Dealing> ds) {
    Transcript t = transcript;
    BigEndianWriter w = new BigEndianWriter().u8(1).lengthPrefixed(ID).u32(t.threshold()).u32(t.receiverCount()).u8(0).u32(ds.size());
    for (Dealing d : ds) {
      w.lengthPrefixed(d.toBytes());
    }
    w.u32(0);
    return w.u32(t.publicCoefficients().threshold()).raw(t.publicCoefficients().toBytes()).toBytes();
  }

  @Test
  void configsRoundTripAndMalformedConfigsAreRejected() {
    assertThat(DkgConfig.fromBytes(config.toBytes())).isEqualTo(config);
    assertThat(config.toBytes()).hasSize(1 + 4 + ID.length + 4 + 4 + 4 + 4 + 4 * 48 + 1);
    DkgConfig resharing = DkgConfig.resharing(ID, transcript.publicCoefficients(), 4, config.receiverKeys(), 3);
    DkgConfig back = DkgConfig.fromBytes(resharing.toBytes());
    assertThat(back).isEqualTo(resharing);
    assertThat(back.resharedKey()).contains(transcript.publicCoefficients());
    assertThat(back.collectionThreshold()).isEqualTo(2);
    byte[] b = config.toBytes();
    byte[] badThreshold = b.clone();
    badThreshold[1 + 4 + ID.length + 4 + 3] = 9; // threshold 9 > 4 receivers
    assertThatThrownBy(() -> DkgConfig.fromBytes(badThreshold))
        .isInstanceOf(MalformedDkgBytesException.class).hasMessageContaining("threshold");
    assertThatThrownBy(() -> DkgConfig.fromBytes(Arrays.copyOf(b, b.length - 1)))
        .isInstanceOf(MalformedDkgBytesException.class).hasMessageContaining("resharing flag");
    byte[] badKey = b.clone();
    badKey[1 + 4 + ID.length + 16 + 48] &= 0x7f;
    assertThatThrownBy(() -> DkgConfig.fromBytes(badKey)).hasMessageContaining("receiver key 1");
  }
}
