package dev.subnetsim.replica.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.replica.payload.PayloadItem;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SharedDecodesTest {
  private final SharedDecodes shared = new SharedDecodes();

  private static byte[] dealing(int fill, int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) fill);
    return new PayloadItem.PresignatureDealing("ecdsa/secp256k1", 3, "kappa", 1, bytes).encode();
  }

  @Test
  void twoReplicasCopiesOfOneLargeBodyDecodeToOneSharedMessage() {
    byte[] body = dealing(7, SharedDecodes.MIN_BYTES);
    PeerMessage first = shared.decode(MessageKind.PRESIGNATURE_DEALING, body);
    PeerMessage second = shared.decode(MessageKind.PRESIGNATURE_DEALING, body.clone());

    assertThat(second).isSameAs(first);
    assertThat(second.encode()).isEqualTo(body);
  }

  @Test
  void smallBodiesAndOtherContentsAreDecodedApart() {
    byte[] small = dealing(7, 16);
    assertThat(shared.decode(MessageKind.PRESIGNATURE_DEALING, small))
        .isNotSameAs(shared.decode(MessageKind.PRESIGNATURE_DEALING, small.clone()));

    PeerMessage a = shared.decode(MessageKind.PRESIGNATURE_DEALING, dealing(1, 8192));
    PeerMessage b = shared.decode(MessageKind.PRESIGNATURE_DEALING, dealing(2, 8192));
    assertThat(a).isNotSameAs(b);
    assertThat(((PeerMessage.PresignatureDealing) b).item().dealing()).containsOnly(2);
  }

  @Test
  void theSameBytesUnderAnotherKindAreJudgedForThatKind() {
    byte[] body = dealing(7, 8192);
    shared.decode(MessageKind.PRESIGNATURE_DEALING, body);

    assertThatThrownBy(() -> shared.decode(MessageKind.RESHARE_DEALING, body))
        .isInstanceOf(MalformedPeerMessageException.class);
  }

  @Test
  void aLargeBodyThatDoesNotDecodeIsRefusedEveryTimeAndNotRemembered() {
    byte[] junk = new byte[8192];
    Arrays.fill(junk, (byte) 0xff);

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> shared.decode(MessageKind.BLOCK_PROPOSAL, junk))
          .isInstanceOf(MalformedPeerMessageException.class);
    }
    assertThat(shared.size()).isZero();
  }
}
