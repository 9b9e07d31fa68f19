package dev.subnetsim.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.byzantine.AdversaryPlan;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.consensus.types.NodeId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An {@code arbitrary} node that lies about every DKG item it gossips (relabelled to other
 * epochs, keys, dealers or receivers, its own re-signed) next to three honest nodes: every
 * refusal names it, the honest nodes keep one finalized chain, and every interval still reshares
 * both keys to shares that verify.
 */
class ArbitraryDkgItemsTest {
  private static final long MS = 1_000_000L;
  private static final long UNIT = 100 * MS;
  private static final int INTERVAL = 5;

  @Test
  void relabelledDkgItemsAreRefusedAndBlamedOnTheirSenderWhileTheHonestNodesReshareAndFinalize() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 41, UNIT,
        Map.of(0, Set.of(ByzantineBehaviour.ARBITRARY)), ConsensusCrypto.Mode.REAL, INTERVAL);
    net.nodes.get(0).withAdversary(new AdversaryPlan(1.0, Set.of(MessageKind.DKG_ITEM),
        SeededRandom.fromSeed(42), r -> new byte[0]));

    net.runUntil(1_600 * MS, 10 * MS);

    var rejections = net.results.stream().flatMap(r -> r.rejections().stream()).toList();
    assertThat(rejections).isNotEmpty()
        .allSatisfy(rej -> assertThat(rej.sender()).isEqualTo(new NodeId(0)));
    // Another epoch or key: the dealing fails its checks on arrival. Swapped receivers: it passes
    // them (dealings carry no proof of correct sharing), so the victims complain and every honest
    // node upholds the complaint against the sender.
    assertThat(rejections).anySatisfy(rej -> assertThat(rej.reason())
        .contains("dkg-item: invalid dkg dealing of node index 0"));
    assertThat(rejections).anySatisfy(rej -> assertThat(rej.reason())
        .contains("upheld complaint"));
    for (int i = 1; i < 4; i++) {
      assertThat(net.finalizedHeight(i)).isGreaterThan(6 * INTERVAL);
      for (var e : net.finalized.get(i).entrySet()) {
        byte[] other = net.finalized.get(1).get(e.getKey());
        if (other != null) {
          assertThat(e.getValue()).as("node %d at height %d", i, e.getKey()).isEqualTo(other);
        }
      }
      for (long epoch = 2; epoch <= 5; epoch++) {
        EpochKeys k = net.nodes.get(i).thresholdKeys(epoch * INTERVAL + 1).orElseThrow();
        assertThat(k.beacon().publicKey()).isEqualTo(net.keys.publicKeys().beaconKey()
            .publicKey());
        assertThat(k.beacon().verifyShare(i, k.myBeaconShare())).isTrue();
        assertThat(k.certification().verifyShare(i, k.myCertificationShare())).isTrue();
      }
    }
  }
}
