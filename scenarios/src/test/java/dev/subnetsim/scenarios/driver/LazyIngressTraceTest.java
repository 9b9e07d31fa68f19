package dev.subnetsim.scenarios.driver;

import static dev.subnetsim.scenarios.toy.ToyWorld.MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.scenarios.driver.SimulationConfig.IngressInjection;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.topology.Topology;
import dev.subnetsim.scenarios.toy.ToyWorld;
import dev.subnetsim.scenarios.world.PoissonIngress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A generated ingress source gives the same run as the same messages handed over as a list, and
 * the driver pulls it only as far as the run goes.
 */
class LazyIngressTraceTest {
  private static final Topology FOUR = Topology.singleSubnet("app", 4);
  private static final long END = 1_500 * MS;

  private static SimulationConfig.Builder base() {
    return ToyWorld.config(FOUR, 9, FaultSchedule.none(), END, 2);
  }

  /** Messages at the same instants as the Poisson ones, so ties between sources are exercised. */
  private static List<IngressInjection> echoes(List<IngressInjection> poisson) {
    List<IngressInjection> out = new ArrayList<>();
    for (int i = poisson.size() - 1; i >= 0; i -= 3) { // reversed: the list source sorts them
      IngressInjection p = poisson.get(i);
      out.add(new IngressInjection(p.atNanos(), new NodeId(3), new byte[] {(byte) i, 7}));
    }
    return out;
  }

  @Test
  void aStreamedPoissonScheduleGivesTheTraceHashOfTheSameScheduleAsAList() {
    List<NodeId> targets = FOUR.allNodes();
    List<IngressInjection> list = PoissonIngress.schedule(9, 40, targets, END);
    assertThat(list).hasSizeGreaterThan(30);

    DriverOutcome eager = SimulationDriver.run(base().ingress(list).ingress(echoes(list)).build());
    DriverOutcome lazy = SimulationDriver.run(base()
        .ingress(PoissonIngress.stream(9, 40, targets, END)).ingress(echoes(list)).build());
    DriverOutcome without = SimulationDriver.run(base().ingress(echoes(list)).build());

    assertThat(lazy.traceHash()).isEqualTo(eager.traceHash());
    assertThat(without.traceHash()).isNotEqualTo(eager.traceHash()); // the ingress is traced
  }

  @Test
  void theDriverPullsAGeneratedSourceOnlyAsFarAsTheRunReaches() {
    // One message every millisecond for an hour, of which the 1.5 s run can use 1 500.
    long[] pulled = {0};
    IngressStream hour = () -> new Iterator<>() {
      private long t;

      @Override
      public boolean hasNext() {
        return t < 3_600_000 * MS;
      }

      @Override
      public IngressInjection next() {
        pulled[0]++;
        t += MS;
        return new IngressInjection(t, new NodeId(1), new byte[] {1});
      }
    };

    DriverOutcome r = SimulationDriver.run(base().ingress(hour).build());

    assertThat(r.stopReason()).isEqualTo(StopReason.END_TIME);
    assertThat(pulled[0]).isBetween(END / MS - 1, END / MS + 1);
  }
}
