package dev.subnetsim.scenarios.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.scenarios.driver.SimulationConfig.IngressInjection;
import dev.subnetsim.scenarios.spec.WorkloadSpec.RequestKind;
import dev.subnetsim.scenarios.spec.WorkloadSpec.RequestStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chain-key requests are counted up front but made (client keys and all) only as the driver reads
 * them, in time order across streams, the same on every reading.
 */
class ChainKeyWorkloadMadeAsReadTest {
  private static final long S = 1_000_000_000L;
  private static final SubnetChainKeys KEYS = ChainKeyGenesis.generate("keys", 4, 0, 0,
      SeededRandom.fromSeed(3)).publicKeys();
  private static final SubnetId APP_SUBNET = new SubnetId("app");
  private static final List<NodeId> APP = List.of(new NodeId(4), new NodeId(5));
  private static final List<RequestStream> STREAMS = List.of(
      new RequestStream(RequestKind.ECDH_DERIVE, 3, 6, APP_SUBNET),
      new RequestStream(RequestKind.CANISTER_SIGNATURE, 5, 5, APP_SUBNET), // not served: skipped
      new RequestStream(RequestKind.DOCUMENT_KEY_RETRIEVE, 2, 2, APP_SUBNET));

  private static ChainKeyWorkload workload(SubnetChainKeys keys) {
    return ChainKeyWorkload.generate(7, STREAMS, keys, name -> APP, APP_SUBNET, 20 * S);
  }

  @Test
  void requestsAreCountedUpFrontAndMadeOnlyAsTheyAreRead() {
    ChainKeyWorkload w = workload(KEYS);
    long ecdh = w.count(RequestKind.ECDH_DERIVE);
    long docs = w.count(RequestKind.DOCUMENT_KEY_RETRIEVE);
    assertThat(ecdh).isBetween(60L, 120L); // ramped 3/s -> 6/s over 20 s: about 90
    assertThat(docs).isBetween(25L, 60L);
    assertThat(w.size()).isEqualTo(ecdh + docs);
    assertThat(w.bySequence(ChainKeyWorkload.SEQUENCE_BASE)).isEmpty();

    Iterator<IngressInjection> it = w.injections().iterator();
    List<IngressInjection> first = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      first.add(it.next());
    }
    long made = 0;
    for (long seq = ChainKeyWorkload.SEQUENCE_BASE; seq < ChainKeyWorkload.SEQUENCE_BASE + w.size();
        seq++) {
      made += w.bySequence(seq).isPresent() ? 1 : 0;
    }
    // Ten read; each stream may have made one more, which waits to be merged in.
    assertThat(made).isBetween(10L, 12L);
    assertThat(first).extracting(IngressInjection::atNanos).isSorted();
  }

  @Test
  void everyReadingMakesTheSameRequestsAndCountsMatchTheMadeOnes() {
    ChainKeyWorkload w = workload(KEYS);
    List<IngressInjection> a = new ArrayList<>();
    w.injections().forEach(a::add);
    List<IngressInjection> b = new ArrayList<>();
    workload(KEYS).injections().forEach(b::add);

    assertThat(a).hasSize(w.size()).extracting(IngressInjection::atNanos).isSorted();
    assertThat(b).hasSameSizeAs(a);
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i).atNanos()).isEqualTo(a.get(i).atNanos());
      assertThat(b.get(i).node()).isEqualTo(a.get(i).node());
      assertThat(b.get(i).message()).isEqualTo(a.get(i).message());
    }
    long ecdh = 0;
    for (long seq = ChainKeyWorkload.SEQUENCE_BASE; seq < ChainKeyWorkload.SEQUENCE_BASE + w.size();
        seq++) {
      var client = w.bySequence(seq).orElseThrow();
      ecdh += client.kind() == RequestKind.ECDH_DERIVE ? 1 : 0;
      assertThat(client.kind()).isEqualTo(seq < ChainKeyWorkload.SEQUENCE_BASE
          + w.count(RequestKind.ECDH_DERIVE) ? RequestKind.ECDH_DERIVE
          : RequestKind.DOCUMENT_KEY_RETRIEVE);
    }
    assertThat(ecdh).isEqualTo(w.count(RequestKind.ECDH_DERIVE));
    assertThat(workload(null).count(RequestKind.ECDH_DERIVE)).as("counting without keys")
        .isEqualTo(w.count(RequestKind.ECDH_DERIVE));
  }
}
