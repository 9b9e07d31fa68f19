package dev.subnetsim.scenarios.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class LookaheadIteratorTest {

  /** Counts its draws; yields 1..n, then null, then (if ever asked again) a bogus element. */
  private static final class Counting extends LookaheadIterator<Integer> {
    private final int n;
    int draws;

    Counting(int n) {
      this.n = n;
    }

    @Override
    protected Integer draw() {
      draws++;
      if (draws <= n) {
        return draws;
      }
      return draws == n + 1 ? null : Integer.valueOf(-1);
    }
  }

  @Test
  void yieldsTheDrawnElementsInOrderAndStopsAtTheFirstNull() {
    Counting it = new Counting(3);
    List<Integer> seen = new ArrayList<>();
    it.forEachRemaining(seen::add);

    assertThat(seen).containsExactly(1, 2, 3);
    assertThat(it.hasNext()).isFalse();
    assertThat(it.draws).isEqualTo(4);
  }

  @Test
  void repeatedHasNextDrawsOnlyOnce() {
    Counting it = new Counting(3);

    assertThat(it.hasNext()).isTrue();
    assertThat(it.hasNext()).isTrue();

    assertThat(it.draws).isEqualTo(1);
    assertThat(it.next()).isEqualTo(1);
  }

  @Test
  void nextWithoutHasNextDrawsOnDemand() {
    Counting it = new Counting(2);

    assertThat(it.next()).isEqualTo(1);
    assertThat(it.next()).isEqualTo(2);
    assertThat(it.draws).isEqualTo(2);
  }

  @Test
  void nextPastTheEndThrowsAndNeverDrawsAgain() {
    Counting it = new Counting(0);

    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    assertThat(it.draws).isEqualTo(1);
  }
}
