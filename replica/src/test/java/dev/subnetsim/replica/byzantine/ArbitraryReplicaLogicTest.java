package dev.subnetsim.replica.byzantine;

import dev.subnetsim.consensus.types.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.byzantine.AdversaryPlan;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.StepOutput;
import dev.subnetsim.replica.net.Envelope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArbitraryReplicaLogicTest {
  private static final NodeId SELF = new NodeId(0);
  private static final NodeId PEER = new NodeId(1);
  private static final byte[] HONEST = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  private static final byte[] INGRESS = {'W', 9, 9, 9};

  /** Sends one "notarization-share" (HONEST) and one "ingress" (INGRESS) per step. */
  private static final ReplicaLogic HONEST_SENDER = (now, events) -> {
    StepOutput.Builder out = StepOutput.builder(SELF, List.of(PEER));
    out.network().send(PEER, MessageKind.NOTARIZATION_SHARE, HONEST.clone());
    out.network().send(PEER, MessageKind.INGRESS, INGRESS.clone());
    return out.build();
  };

  private static AdversaryPlan plan(double p, Set<MessageKind> kinds, long seed) {
    return new AdversaryPlan(p, kinds, SeededRandom.fromSeed(seed), BadPayloadItems::draw);
  }

  private static List<Envelope> run(ArbitraryReplicaLogic logic, int steps) {
    List<Envelope> sent = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      sent.addAll(logic.step(i, List.of(new InboundEvent.TimerFired(i))).sends());
    }
    return sent;
  }

  private static boolean honest(Envelope e) {
    return e.kind() == MessageKind.NOTARIZATION_SHARE ? Arrays.equals(e.payload(), HONEST)
        : e.kind() == MessageKind.INGRESS && Arrays.equals(e.payload(), INGRESS);
  }

  @Test
  void withProbabilityZeroEverythingGoesOutAsTheHonestReplicaSentIt() {
    ArbitraryReplicaLogic logic = new ArbitraryReplicaLogic(HONEST_SENDER, plan(0, Set.of(), 1));

    assertThat(run(logic, 200)).hasSize(400).allMatch(ArbitraryReplicaLogicTest::honest);
    assertThat(logic.tampered()).isZero();
  }

  @Test
  void itTampersWithAboutTheGivenShareOfMessagesAndDrawsEveryItemOfTheMenu() {
    ArbitraryReplicaLogic logic = new ArbitraryReplicaLogic(HONEST_SENDER,
        plan(0.5, Set.of(), 2));
    List<Envelope> sent = run(logic, 1_000);

    assertThat(logic.tampered()).isBetween(900L, 1_100L);
    assertThat(sent).anyMatch(e -> e.payload().length >= ArbitraryReplicaLogic.OVERSIZED_BYTES);
    assertThat(sent).anyMatch(e -> e.payload().length < HONEST.length && e.payload().length > 0
        && Arrays.equals(e.payload(), Arrays.copyOf(HONEST, e.payload().length)));
    assertThat(sent).anyMatch(e -> e.kind() == MessageKind.NOTARIZATION_SHARE
        && e.payload().length == HONEST.length && !honest(e)); // bit flips
    // A payload sent under the other kind (mislabelled).
    assertThat(sent).anyMatch(e -> e.kind() == MessageKind.INGRESS && Arrays.equals(e.payload(),
        HONEST));
    assertThat(sent.size()).isGreaterThan(2_000); // duplicates and replays add messages
  }

  @Test
  void itTouchesOnlyTheKindsItWasGiven() {
    ArbitraryReplicaLogic logic = new ArbitraryReplicaLogic(HONEST_SENDER,
        plan(1, Set.of(MessageKind.INGRESS), 3));
    List<Envelope> sent = run(logic, 300);

    assertThat(logic.tampered()).isEqualTo(300);
    // Every notarization share went out as it was (a tampered ingress may be mislabelled as one).
    assertThat(sent).filteredOn(e -> e.kind() == MessageKind.NOTARIZATION_SHARE
        && Arrays.equals(e.payload(), HONEST)).hasSizeGreaterThanOrEqualTo(300);
  }

  @Test
  void theSameSeedTampersIdentically() {
    List<Envelope> a = run(new ArbitraryReplicaLogic(HONEST_SENDER, plan(0.3, Set.of(), 9)), 300);
    List<Envelope> b = run(new ArbitraryReplicaLogic(HONEST_SENDER, plan(0.3, Set.of(), 9)), 300);
    List<Envelope> c = run(new ArbitraryReplicaLogic(HONEST_SENDER, plan(0.3, Set.of(), 10)), 300);

    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void badPayloadItemsCoverEveryItemFieldAndGarbage() {
    SeededRandom r = SeededRandom.fromSeed(4);
    Set<Integer> firstBytes = new java.util.TreeSet<>();
    for (int i = 0; i < 2_000; i++) {
      byte[] item = BadPayloadItems.draw(r);
      if (item.length > 0) {
        firstBytes.add(item[0] & 0xff);
      }
    }
    // The protobuf headers of the item fields 1-10 (workload, ingress, xnet, chain-key response,
    // reshare and presignature dealing, their complaints and openings), each length-delimited.
    assertThat(firstBytes).contains(0x0a, 0x12, 0x1a, 0x22, 0x2a, 0x32, 0x3a, 0x42, 0x4a, 0x52);
    assertThat(firstBytes.size()).isGreaterThan(20); // unknown fields and garbage too
  }
}
