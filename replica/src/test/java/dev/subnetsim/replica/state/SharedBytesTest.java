package dev.subnetsim.replica.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SharedBytesTest {
  private final SharedBytes shared = new SharedBytes();

  @Test
  void equalContentsFromDifferentReplicasBecomeOneArray() {
    byte[] first = {1, 2, 3};
    byte[] second = {1, 2, 3};

    assertThat(shared.intern(first)).isSameAs(first);
    assertThat(shared.intern(second)).isSameAs(first);
  }

  @Test
  void differentContentsStayApartAndKeepTheirBytes() {
    byte[] a = {1, 2, 3};
    byte[] b = {1, 2, 4};

    assertThat(shared.intern(a)).isSameAs(a);
    assertThat(shared.intern(b)).isSameAs(b).containsExactly(1, 2, 4);
    assertThat(shared.size()).isEqualTo(2);
  }

  @Test
  void aContentNoReplicaHoldsAnyMoreIsForgotten() throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      shared.intern(new byte[] {(byte) i, 7});
    }
    // Nothing holds those arrays: the collector clears them and the next call drops the entries.
    for (int attempt = 0; attempt < 50 && shared.size() > 0; attempt++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(shared.size()).isZero();
  }

  @Test
  void replicasOnSeveralThreadsAllGetTheSameArrayForOneContent() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> got = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        got.add(pool.submit(() -> shared.intern(new byte[] {9, 9, 9, 9})));
      }
      byte[] one = got.get(0).get();
      for (Future<byte[]> f : got) {
        assertThat(f.get()).isSameAs(one);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
