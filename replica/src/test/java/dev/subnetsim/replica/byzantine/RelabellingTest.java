package dev.subnetsim.replica.byzantine;

import dev.subnetsim.consensus.types.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.chainkey.ChainKeyShareMessage;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.xnet.XNetSlice;
import org.junit.jupiter.api.Test;

class RelabellingTest {
  private final SeededRandom random = SeededRandom.fromSeed(12);

  @Test
  void aChainKeyShareKeepsItsShareButMovesToAnotherRequestOrSigner() {
    ChainKeyShareMessage honest = new ChainKeyShareMessage(100, 2, new byte[] {9, 9, 9});
    int moved = 0;
    for (int i = 0; i < 50; i++) {
      ChainKeyShareMessage lie = ChainKeyShareMessage.decode(Relabelling.of(
          MessageKind.CHAINKEY_SHARE, honest.encode(), random).orElseThrow());
      assertThat(lie.share()).containsExactly(9, 9, 9);
      if (lie.requestId() != honest.requestId() || lie.signer() != honest.signer()) {
        moved++;
      }
    }
    assertThat(moved).isGreaterThan(30);
  }

  @Test
  void dealingsAndSlicesKeepTheirContentUnderAnotherLabel() {
    byte[] dealing = new PayloadItem.ReshareDealing(0, "vetkd", 3, new byte[] {7}).encode();
    byte[] slice = new PayloadItem.XNet(new XNetSlice("app", 5, new byte[] {1}, new byte[] {2}))
        .encode();
    for (int i = 0; i < 20; i++) {
      var d = (PayloadItem.ReshareDealing) PayloadItem.decode(
          Relabelling.of(MessageKind.RESHARE_DEALING, dealing, random).orElseThrow());
      assertThat(d.dealing()).containsExactly(7);
      var s = ((PayloadItem.XNet) PayloadItem.decode(
          Relabelling.of(MessageKind.XNET_SLICE, slice, random).orElseThrow())).slice();
      assertThat(s.witness()).containsExactly(2);
      assertThat(s.signature()).containsExactly(1);
    }
  }

  @Test
  void garbageOrKindsWithoutATypedLabelAreLeftToTheByteLevelMenu() {
    assertThat(Relabelling.of(MessageKind.RESHARE_DEALING, new byte[] {1, 2}, random)).isEmpty();
    assertThat(Relabelling.of(MessageKind.NOTARIZATION_SHARE, new byte[] {1, 2}, random)).isEmpty();
  }
}
