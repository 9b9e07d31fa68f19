package dev.subnetsim.consensus.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.consensus.wire.MessageCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** fast-icc's thresholds, its size requirement, the goodness rule and the vote on the wire. */
class FastIccTest {
  private static final FastIcc FAST = (FastIcc) ConsensusProtocol.named("fast-icc").orElseThrow();
  private static final Bytes B = Bytes.of(new byte[32]);
  private static final Bytes C = Bytes.of(filled(1));
  private static final Bytes D = Bytes.of(filled(2));

  private static byte[] filled(int v) {
    byte[] b = new byte[32];
    Arrays.fill(b, (byte) v);
    return b;
  }

  private static ConsensusConfig config(int n, ConsensusProtocol protocol) {
    List<NodeId> committee = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      committee.add(new NodeId(i));
    }
    return new ConsensusConfig(new SubnetId("s"), committee, 1_000_000_000L, 300_000_000L, 100,
        10, 0, protocol);
  }

  /** A pool of n = 6 with {@code counts[i]} votes at height 1 for B, C, D. */
  private static ConsensusPool votes(int... counts) {
    ConsensusConfig config = config(6, FAST);
    ConsensusPool pool = new ConsensusPool(config, ConsensusNode.genesis(config));
    List<Bytes> blocks = List.of(B, C, D);
    int signer = 0;
    for (int i = 0; i < counts.length; i++) {
      for (int k = 0; k < counts[i]; k++) {
        pool.fastVotes.computeIfAbsent(1L, h -> new TreeMap<>())
            .computeIfAbsent(blocks.get(i), b -> new TreeMap<>()).put(signer++, new byte[48]);
      }
    }
    return pool;
  }

  @Test
  void fiveFOnePlusOneReplicasGiveAFastQuorumOfNMinusF() {
    assertThat(FAST.fastPathSlack(6)).isEqualTo(1);
    assertThat(FAST.faultBound(6)).isEqualTo(1);
    assertThat(FAST.fastQuorum(6)).isEqualTo(5);
    assertThat(FAST.faultBound(11)).isEqualTo(2);
    assertThat(FAST.fastQuorum(11)).isEqualTo(9);
    FastIcc slackOne = FastIcc.withSlack(1);
    assertThat(slackOne.faultBound(9)).isEqualTo(2);
    assertThat(slackOne.fastQuorum(9)).isEqualTo(8);
  }

  @Test
  void aSubnetTooSmallForTheFastPathsThresholdsIsRefusedWithTheRequirement() {
    assertThat(FAST.unsupported(4)).isEmpty();
    assertThat(FAST.unsupported(3)).get().asString().contains("n >= 4").contains("got n = 3");
    assertThat(FastIcc.withSlack(2).unsupported(7)).get().asString().contains("n >= 8");
    assertThatThrownBy(() -> config(5, FastIcc.withSlack(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n >= 6");
  }

  @Test
  void theMostVotedBlockAloneIsGoodOnceNMinusFVotesAreIn() {
    ConsensusPool pool = votes(3, 2);
    assertThat(FAST.mayNotarize(pool, 1, B)).isTrue();
    assertThat(FAST.mayNotarize(pool, 1, C)).isFalse();
    assertThat(FAST.alsoSign(pool, 1)).containsExactly(B);
  }

  @Test
  void noBlockIsGoodWithFewerThanNMinusFVotes() {
    ConsensusPool pool = votes(4);
    assertThat(FAST.mayNotarize(pool, 1, B)).isFalse();
    assertThat(FAST.fastFinalization(pool)).isEmpty();
  }

  @Test
  void everyBlockIsGoodOnceMoreThanFPlusPVotesAreForOthers() {
    ConsensusPool pool = votes(2, 2, 1); // 5 - 2 = 3 > f + p = 2: no block can be fast-final
    assertThat(FAST.mayNotarize(pool, 1, B)).isTrue();
    assertThat(FAST.mayNotarize(pool, 1, D)).isTrue();
    assertThat(FAST.alsoSign(pool, 1)).isEmpty();
  }

  @Test
  void iccNotarizesEveryBlockAndHasNoFastPath() {
    ConsensusProtocol icc = ConsensusProtocol.named("icc").orElseThrow();
    ConsensusPool pool = votes(1);
    assertThat(icc.mayNotarize(pool, 1, C)).isTrue();
    assertThat(icc.votes()).isFalse();
    assertThat(icc.fastFinalization(pool)).isEmpty();
    assertThat(icc.slowPathFloor(pool)).isEqualTo(pool.finalizedHeight);
    assertThat(ConsensusProtocol.named("pbft")).isEmpty();
  }

  @Test
  void aVoteTravelsWithItsShareAndAShareWithoutOneEncodesAsBefore() {
    byte[] sig = filled(7);
    var plain = new ConsensusMessage.NotarizationShare(3, filled(3), 2,
        Arrays.copyOf(sig, 48));
    var voting = new ConsensusMessage.NotarizationShare(3, filled(3), 2,
        Arrays.copyOf(sig, 48), Arrays.copyOf(filled(9), 48));
    var decoded = (ConsensusMessage.NotarizationShare) MessageCodec.decode(
        MessageCodec.encode(voting));
    assertThat(decoded.vote()).isEqualTo(voting.vote());
    assertThat(((ConsensusMessage.NotarizationShare) MessageCodec.decode(
        MessageCodec.encode(plain))).isVote()).isFalse();
    // Field 5 is absent when empty (ICC's bytes are unchanged): a vote adds only its tag, length
    // and 48 bytes, and one byte to the length of the enclosing message.
    assertThat(MessageCodec.encode(voting).length - MessageCodec.encode(plain).length)
        .isEqualTo(2 + 48 + 1);
  }
}
