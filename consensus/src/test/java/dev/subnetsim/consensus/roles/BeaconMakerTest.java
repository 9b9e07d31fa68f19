package dev.subnetsim.consensus.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.artifacts.ConsensusMessage.BeaconShare;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.testing.PoolFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The random beacon maker signs one share of the next height's beacon over the previous one. */
class BeaconMakerTest {
  private final PoolFixture fx = PoolFixture.committeeOfFour();
  private final ConsensusPool pool = fx.pool();
  private final BeaconMaker maker = new BeaconMaker(fx.node());

  private List<BeaconShare> run() {
    Changes changes = new Changes();
    maker.onStateChange(pool, 0, changes);
    return changes.outgoing.stream().map(o -> (BeaconShare) o.message()).toList();
  }

  @Test
  void beaconMakerSignsAShareOfTheNextBeaconOverTheHashOfThePreviousOne() {
    byte[] genesisBeacon = pool.beacons.get(0L);

    assertThat(run()).singleElement().satisfies(s -> {
      assertThat(s.height()).isEqualTo(1);
      assertThat(s.signer()).isEqualTo(fx.self());
      assertThat(fx.crypto().verifyBeaconShare(fx.self(), SignedMessages.beaconMessage(1,
          ConsensusPool.sha256(genesisBeacon)), s.share())).isTrue();
    });
    assertThat(pool.myBeaconShares).containsExactly(1L);
    assertThat(pool.beaconShares.get(1L)).containsOnlyKeys(fx.self());
  }

  @Test
  void beaconMakerSignsEachHeightOnce() {
    assertThat(run()).hasSize(1);
    assertThat(run()).isEmpty();
  }

  @Test
  void beaconMakerSignsNothingOnceTheBeaconIsKnown() {
    fx.addBeacon(1);

    assertThat(run()).isEmpty();
  }

  @Test
  void beaconMakerSignsTheHeightAboveTheNotarizedChain() {
    fx.addNotarizedChain(2);

    assertThat(run()).extracting(BeaconShare::height).containsExactly(3L);
  }

  @Test
  void beaconMakerWaitsForThePreviousBeacon() {
    fx.addNotarizedChain(2);
    pool.beacons.remove(2L);

    assertThat(run()).isEmpty();
    assertThat(pool.myBeaconShares).isEmpty();
  }
}
