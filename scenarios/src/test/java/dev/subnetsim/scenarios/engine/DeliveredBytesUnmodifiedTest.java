package dev.subnetsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.ReplicaLogicFactory;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The receivers of a broadcast share the sender's bytes (the driver hands every receiver the same
 * array), which is safe only while no replica modifies what it was delivered. This runs replicas
 * of every kind of traffic, with an {@code arbitrary} node on every subnet tampering with what it
 * sends and replays, and checks after each step that every delivered body still has the digest it
 * had before the step.
 */
class DeliveredBytesUnmodifiedTest {
  private static final ScenarioSpec SPEC = ScenarioParser.parse("shared-bytes.yaml", """
      name: shared-bytes
      seed: 3
      duration: 8s
      subnets:
        - {name: root, role: root, nodes: 4}
        - {name: signing, role: signing, nodes: 4}
        - {name: app, role: app, nodes: 4}
      consensus: {unit_delay: 500ms, initial_notary_delay: 150ms, dkg_interval: 10}
      workload:
        ingress_rate: 10/s
        ingress_subnet: app
        requests:
          - {kind: sign-with-ecdsa, rate: 2/s, from: app}
          - {kind: sign-with-schnorr, rate: 2/s, from: app}
          - {kind: vetkd-derive-key, rate: 1/s, from: app}
      faults:
        - {at: 0s, kind: byzantine, subnet: root, nodes: [3], behaviour: arbitrary, probability: 0.3}
        - {at: 0s, kind: byzantine, subnet: signing, nodes: [3], behaviour: arbitrary, probability: 0.3}
        - {at: 0s, kind: byzantine, subnet: app, nodes: [3], behaviour: arbitrary, probability: 0.3}
        - {at: 1s, kind: reshare, from: root, to: signing, keys: [ecdsa, schnorr, vetkd]}
      """);

  /** Wraps every logic: digests of delivered bodies before the step, compared after it. */
  private static final class Watch implements UnaryOperator<ReplicaLogicFactory> {
    final AtomicLong checked = new AtomicLong();
    final Queue<String> modified = new ConcurrentLinkedQueue<>();
    final UnaryOperator<ReplicaLogic> bug;

    Watch(UnaryOperator<ReplicaLogic> bug) {
      this.bug = bug;
    }

    @Override
    public ReplicaLogicFactory apply(ReplicaLogicFactory real) {
      return (node, incarnation) -> {
        ReplicaLogic logic = bug.apply(real.create(node, incarnation));
        return (now, events) -> {
          List<byte[]> bodies = new ArrayList<>();
          List<byte[]> before = new ArrayList<>();
          for (InboundEvent e : events) {
            if (e instanceof InboundEvent.MessageDelivered d) {
              bodies.add(d.envelope().payload());
              before.add(sha256(d.envelope().payload()));
            }
          }
          var out = logic.step(now, events);
          for (int i = 0; i < bodies.size(); i++) {
            checked.incrementAndGet();
            if (!Arrays.equals(before.get(i), sha256(bodies.get(i)))) {
              modified.add(node + " at " + now);
            }
          }
          return out;
        };
      };
    }
  }

  @Test
  void noReplicaModifiesTheBytesItWasDeliveredEvenUnderArbitraryNodes() {
    Watch watch = new Watch(UnaryOperator.identity());

    ScenarioRun run = InvariantsViolatedOnPurposeTest.run(SPEC, watch);

    assertThat(run.result().passed()).as(run.result().invariants().toString()).isTrue();
    assertThat(watch.checked.get()).isGreaterThan(1_000);
    assertThat(watch.modified).isEmpty();
  }

  @Test
  void theWatchSeesAReplicaThatModifiesWhatItWasDelivered() {
    Watch watch = new Watch(logic -> (now, events) -> {
      for (InboundEvent e : events) {
        if (e instanceof InboundEvent.MessageDelivered d && d.envelope().payload().length > 0) {
          d.envelope().payload()[0] ^= 1; // the planted bug
        }
      }
      return logic.step(now, events);
    });

    InvariantsViolatedOnPurposeTest.run(InvariantsViolatedOnPurposeTest.root("mutating", "2s",
        "cheap", ""), watch);

    assertThat(watch.modified).isNotEmpty();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
