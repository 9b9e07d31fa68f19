package dev.subnetsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.MetricKey;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import org.junit.jupiter.api.Test;

/** What the recorder turns replicas' reports into for the report's charts. */
class RunRecorderTest {
  private static final long S = 1_000_000_000L;
  private static final SubnetId SIGNING = new SubnetId("signing");
  private static final String STASH = MetricKey.PRESIGNATURE_STASH.of("signing/ecdsa/SECP256K1");

  private static void executed(RunRecorder r, long t, int node, long height, double stash) {
    r.onObservation(t, new NodeId(node),
        new Observation.Finalized(SIGNING, height, Bytes.of(new byte[32])));
    r.onObservation(t, new NodeId(node), new Observation.Metric(STASH, stash));
  }

  @Test
  void theStashLevelFollowsTheNewestHeightAndIgnoresAReplicaCatchingUpOnOldOnes() {
    RunRecorder r = new RunRecorder(FaultSchedule.none());
    executed(r, 1 * S, 0, 3, 10);
    executed(r, 2 * S, 1, 5, 9);
    executed(r, 3 * S, 2, 4, 10); // a lagging replica re-executing an older height
    executed(r, 4 * S, 0, 7, 8);

    var points = r.stashSeries.get("signing ecdsa/secp256k1").build().points();
    assertThat(points).extracting(p -> p[1]).containsExactly(10.0, 9.0, 8.0);
    assertThat(points).extracting(p -> p[0]).containsExactly(1.0, 2.0, 4.0);
  }

  private static void combined(RunRecorder r, long t, int node, String kind, long height) {
    r.onObservation(t, new NodeId(node), new Observation.CombinedSignature(SIGNING, kind, height,
        Bytes.of(new byte[48]), Bytes.of(new byte[8]), Bytes.of(new byte[48])));
  }

  @Test
  void aHeightsFinalizationLatencyRunsFromItsBeaconAndParentNotarizationToItsFirstFinalization() {
    RunRecorder r = new RunRecorder(FaultSchedule.none());
    combined(r, 1 * S, 0, "notarization", 4);
    combined(r, 2 * S, 1, "random-beacon", 5); // the later of the two starts the round
    combined(r, 3 * S, 2, "notarization", 4); // not the first: ignored
    r.onObservation(5 * S, new NodeId(3),
        new Observation.Finalized(SIGNING, 5, Bytes.of(new byte[32])));
    r.onObservation(6 * S, new NodeId(0),
        new Observation.Finalized(SIGNING, 5, Bytes.of(new byte[32])));
    r.onObservation(7 * S, new NodeId(0),
        new Observation.Finalized(SIGNING, 6, Bytes.of(new byte[32]))); // no beacon of 6 seen
    assertThat(r.finalizationLatency.get("signing")).containsExactly(
        org.assertj.core.api.Assertions.entry(5L, 3 * S));
  }
}
