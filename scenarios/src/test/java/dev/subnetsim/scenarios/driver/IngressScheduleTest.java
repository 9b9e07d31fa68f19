package dev.subnetsim.scenarios.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.scenarios.driver.SimulationConfig.IngressInjection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngressScheduleTest {

  private static IngressInjection at(long t, int tag) {
    return new IngressInjection(t, new NodeId(tag), new byte[] {(byte) tag});
  }

  private static List<Integer> tags(Iterable<IngressInjection> s) {
    List<Integer> out = new ArrayList<>();
    s.forEach(i -> out.add(i.node().value()));
    return out;
  }

  @Test
  void mergingOrdersByTimeThenSourceThenPositionLikeOneListInSourceOrder() {
    List<IngressInjection> first = List.of(at(5, 1), at(1, 2), at(5, 3));
    List<IngressInjection> generated = List.of(at(1, 4), at(5, 5), at(9, 6));
    List<IngressInjection> last = List.of(at(5, 7), at(0, 8));
    IngressSchedule.Builder b = new IngressSchedule.Builder();
    first.forEach(b::add);
    b.addTimeOrdered(generated);
    last.forEach(b::add);

    // The driver's old order: every message in source order, stably sorted by time.
    List<IngressInjection> all = new ArrayList<>(first);
    all.addAll(generated);
    all.addAll(last);
    all.sort(Comparator.comparingLong(IngressInjection::atNanos));
    IngressSchedule s = b.build();
    assertThat(tags(s)).isEqualTo(tags(all)).containsExactly(8, 2, 4, 1, 3, 5, 7, 6);
    assertThat(tags(s)).as("iterating again starts over").isEqualTo(tags(all));
    assertThat(s.heldInMemory()).isEqualTo(5); // the two lists; the generated source is not held
  }

  @Test
  void aGeneratedSourceGoingBackInTimeIsAnInternalError() {
    IngressSchedule.Builder b = new IngressSchedule.Builder();
    b.addTimeOrdered(List.of(at(5, 1), at(4, 2)));
    assertThatThrownBy(() -> tags(b.build())).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("went back in time");
  }
}
