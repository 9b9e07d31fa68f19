package dev.subnetsim.scenarios.net;

import dev.subnetsim.consensus.types.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.net.Envelope;
import dev.subnetsim.scenarios.RunRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class LinkModelTest {
  private static final long MS = 1_000_000L;
  private static final NodeId A = new NodeId(0);
  private static final NodeId B = new NodeId(1);
  private static final NodeId C = new NodeId(2);

  private static Envelope env(NodeId from, NodeId to, int payload) {
    return new Envelope(from, to, MessageKind.INGRESS, new byte[payload]);
  }

  private static long arrival(Transmission t) {
    assertThat(t).isInstanceOf(Transmission.Arrives.class);
    return ((Transmission.Arrives) t).atNanos();
  }

  @Test
  void constantLatencyAddsExactlyItsDelayAndIsTheLookahead() {
    LinkModel m = LinkModel.builder(new ConstantLatency(5 * MS)).build(1);
    assertThat(arrival(m.transmit(env(A, B, 10), 100))).isEqualTo(100 + 5 * MS);
    assertThat(m.lookaheadNanos()).isEqualTo(5 * MS);
  }

  @Test
  void uniformAndLogNormalSamplesStayAboveTheirMinimum() {
    RandomGenerator rng = RunRandom.forPurpose(3, "test");
    UniformLatency u = new UniformLatency(2 * MS, 4 * MS);
    LogNormalLatency ln = new LogNormalLatency(10 * MS, 20 * MS, 1.0);
    List<Long> lnSamples = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      assertThat(u.sampleNanos(A, B, rng)).isBetween(2 * MS, 4 * MS);
      lnSamples.add(ln.sampleNanos(A, B, rng));
    }
    assertThat(lnSamples).allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(10 * MS));
    long below = lnSamples.stream().filter(s -> s < 30 * MS).count();
    assertThat(below).as("about half below floor + median").isBetween(850L, 1150L);
  }

  @Test
  void theSameSeedGivesTheSameSamplesAndAnotherSeedOthers() {
    LatencyModel ln = new LogNormalLatency(MS, 20 * MS, 0.8);
    List<Long> a = new ArrayList<>();
    List<Long> b = new ArrayList<>();
    List<Long> c = new ArrayList<>();
    LinkModel ma = LinkModel.builder(ln).loss(0.1).build(11);
    LinkModel mb = LinkModel.builder(ln).loss(0.1).build(11);
    LinkModel mc = LinkModel.builder(ln).loss(0.1).build(12);
    for (int i = 0; i < 50; i++) {
      a.add(outcome(ma.transmit(env(A, B, 1), 0)));
      b.add(outcome(mb.transmit(env(A, B, 1), 0)));
      c.add(outcome(mc.transmit(env(A, B, 1), 0)));
    }
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }

  private static long outcome(Transmission t) {
    return t instanceof Transmission.Arrives x ? x.atNanos() : -1;
  }

  @Test
  void lossDropsAboutTheConfiguredFractionAndPerLinkLossOverridesIt() {
    LinkModel m = LinkModel.builder(new ConstantLatency(MS)).loss(0.25).loss(new Link(A, C), 1.0)
        .build(5);
    int dropped = 0;
    for (int i = 0; i < 4_000; i++) {
      if (m.transmit(env(A, B, 1), 0) instanceof Transmission.Dropped) {
        dropped++;
      }
      assertThat(m.transmit(env(A, C, 1), 0)).isEqualTo(new Transmission.Dropped("loss"));
    }
    assertThat(dropped).isBetween(900, 1100);
  }

  @Test
  void bandwidthSerializesMessagesFifoPerLink() {
    // 1000 B/s: a 980 B payload + 14 B frame + 7 B kind ("ingress") = 1001 B takes 1.001 s.
    LinkModel m = LinkModel.builder(new ConstantLatency(MS)).bandwidth(1_000).build(1);
    long first = arrival(m.transmit(env(A, B, 980), 0));
    long second = arrival(m.transmit(env(A, B, 980), 0));
    long otherLink = arrival(m.transmit(env(A, C, 980), 0));

    assertThat(first).isEqualTo(1_001 * MS + MS);
    assertThat(second).as("waits for the first on the same link").isEqualTo(2_002 * MS + MS);
    assertThat(otherLink).as("another link has its own queue").isEqualTo(first);
  }

  @Test
  void aPartitionCutsLinksBetweenGroupsUntilHealed() {
    LinkModel m = LinkModel.builder(new ConstantLatency(MS)).build(1);
    m.partition(new Partition(List.of(Set.of(A))));

    assertThat(m.transmit(env(A, B, 1), 0)).isEqualTo(new Transmission.Dropped("partition"));
    assertThat(m.transmit(env(B, A, 1), 0)).isEqualTo(new Transmission.Dropped("partition"));
    assertThat(m.transmit(env(B, C, 1), 0)).isInstanceOf(Transmission.Arrives.class);
    m.heal();
    assertThat(m.transmit(env(A, B, 1), 0)).isInstanceOf(Transmission.Arrives.class);
  }

  @Test
  void aNodeInTwoPartitionGroupsIsRejected() {
    assertThatThrownBy(() -> new Partition(List.of(Set.of(A, B), Set.of(B))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node-1");
  }

  @Test
  void matricesPickTheModelOfTheLinkOrRegionAndReportTheSmallestMinimum() {
    RandomGenerator rng = RunRandom.forPurpose(1, "m");
    LinkLatencyMatrix links = new LinkLatencyMatrix(new ConstantLatency(20 * MS),
        Map.of(new Link(A, B), new ConstantLatency(3 * MS)));
    assertThat(links.sampleNanos(A, B, rng)).isEqualTo(3 * MS);
    assertThat(links.sampleNanos(B, A, rng)).isEqualTo(20 * MS);
    assertThat(links.minNanos()).isEqualTo(3 * MS);

    RegionLatencyMatrix regions = new RegionLatencyMatrix(n -> n.equals(C) ? "us" : "eu",
        new ConstantLatency(5 * MS), Map.of("us", Map.of("eu", new ConstantLatency(40 * MS))));
    assertThat(regions.sampleNanos(A, B, rng)).isEqualTo(5 * MS);
    assertThat(regions.sampleNanos(A, C, rng)).isEqualTo(40 * MS);
    assertThat(regions.sampleNanos(C, A, rng)).as("symmetric").isEqualTo(40 * MS);
  }

  @Test
  void invalidParametersAreRejectedWithTheirValue() {
    assertThatThrownBy(() -> new ConstantLatency(0)).hasMessageContaining("0");
    assertThatThrownBy(() -> new UniformLatency(5, 4)).hasMessageContaining("min=5");
    assertThatThrownBy(() -> LinkModel.builder(new ConstantLatency(1)).loss(1.5))
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> LinkModel.builder(new ConstantLatency(1)).bandwidth(-1))
        .hasMessageContaining("-1");
  }

  @Test
  void clockSkewConvertsBothWays() {
    ClockSkew skew = new ClockSkew(Map.of(A, 5L));
    assertThat(skew.toLocal(A, 100)).isEqualTo(105);
    assertThat(skew.toVirtual(A, 105)).isEqualTo(100);
    assertThat(skew.toLocal(B, 100)).isEqualTo(100);
  }

  @Test
  void unlistedNodesAreTogetherByDefaultOrEachIsolatedOnRequest() {
    NodeId d = new NodeId(3);
    Partition together = new Partition(List.of(Set.of(A)));
    Partition isolating = Partition.isolatingUnlisted(List.of(Set.of(A, B)));

    assertThat(together.separates(C, d)).isFalse();
    assertThat(isolating.separates(C, d)).isTrue();
    assertThat(isolating.separates(A, B)).isFalse();
    assertThat(isolating.separates(A, C)).isTrue();
    assertThat(isolating.separates(C, C)).as("a node still reaches itself").isFalse();
  }
}
