package dev.subnetsim.consensus.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.artifacts.ConsensusMessage.DkgItemMessage;
import dev.subnetsim.consensus.dkg.DkgItem;
import dev.subnetsim.consensus.dkg.ThresholdKey;
import dev.subnetsim.consensus.testing.PoolFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The interval dealer gossips this replica's resharings of both threshold keys for the interval
 * after next, once per interval, and nothing on a subnet without DKG intervals.
 */
class IntervalDealerTest {
  private static List<DkgItemMessage> run(PoolFixture fx, IntervalDealer dealer) {
    Changes changes = new Changes();
    dealer.onStateChange(fx.pool(), 0, changes);
    return changes.outgoing.stream().map(o -> (DkgItemMessage) o.message()).toList();
  }

  @Test
  void intervalDealerDealsBothKeysForTheIntervalAfterNextOnce() {
    PoolFixture fx = PoolFixture.builder().dkgInterval(4).build();
    IntervalDealer dealer = new IntervalDealer(fx.node());

    List<DkgItemMessage> sent = run(fx, dealer);

    assertThat(sent).hasSize(2).allSatisfy(m -> assertThat(m.height()).isEqualTo(1));
    List<DkgItem> items = sent.stream().map(m -> DkgItem.decode(m.item())).toList();
    assertThat(items).allSatisfy(i -> {
      assertThat(i.kind()).isEqualTo(DkgItem.Kind.DEALING);
      assertThat(i.targetEpoch()).isEqualTo(2);
      assertThat(i.signer()).isEqualTo(fx.self());
    });
    assertThat(items).extracting(DkgItem::key)
        .containsExactlyInAnyOrder(ThresholdKey.BEACON, ThresholdKey.CERTIFICATION);
    assertThat(run(fx, dealer)).as("once per interval").isEmpty();
  }

  @Test
  void intervalDealerDealsNothingWithoutDkgIntervals() {
    PoolFixture fx = PoolFixture.committeeOfFour();

    assertThat(run(fx, new IntervalDealer(fx.node()))).isEmpty();
  }
}
