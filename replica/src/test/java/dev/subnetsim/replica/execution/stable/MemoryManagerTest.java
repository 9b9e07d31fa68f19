package dev.subnetsim.replica.execution.stable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MemoryManagerTest {

  @Test
  void virtualMemoriesAreIndependentEvenWhenTheirBucketsInterleave() {
    VectorMemory physical = new VectorMemory(1000);
    MemoryManager mm = MemoryManager.init(physical, 1);
    Memory a = mm.get(0);
    Memory b = mm.get(1);
    for (int round = 0; round < 3; round++) {
      a.grow(1);
      b.grow(1);
    }
    byte[] big = new byte[Memory.PAGE_SIZE * 2 + 10];
    java.util.Arrays.fill(big, (byte) 7);
    a.write(100, big);
    b.write(0, "b's data".getBytes(StandardCharsets.US_ASCII));
    byte[] back = new byte[big.length];
    a.read(100, back);
    assertThat(back).isEqualTo(big);
    byte[] bBack = new byte[8];
    b.read(0, bBack);
    assertThat(new String(bBack, StandardCharsets.US_ASCII)).isEqualTo("b's data");
  }

  @Test
  void severalMapsShareOneMemoryAndSurviveReload() {
    VectorMemory physical = new VectorMemory(1000);
    MemoryManager mm = MemoryManager.init(physical, 2);
    StableBTreeMap users = StableBTreeMap.init(mm.get(0), 16, 16);
    StableBTreeMap notes = StableBTreeMap.init(mm.get(1), 16, 64);
    for (int k = 0; k < 300; k++) {
      users.insert(("u" + k).getBytes(StandardCharsets.UTF_8), ("name" + k).getBytes(StandardCharsets.UTF_8));
      notes.insert(("n" + k).getBytes(StandardCharsets.UTF_8), ("note" + k).getBytes(StandardCharsets.UTF_8));
    }
    MemoryManager reloaded = MemoryManager.load(physical.copy());
    assertThat(StableBTreeMap.load(reloaded.get(0)).get("u7".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("name7".getBytes(StandardCharsets.UTF_8));
    assertThat(StableBTreeMap.load(reloaded.get(1)).size()).isEqualTo(300);
  }

  @Test
  void accessBeyondAVirtualMemorysSizeTraps() {
    MemoryManager mm = MemoryManager.init(new VectorMemory(10), 1);
    Memory a = mm.get(3);
    a.grow(1);
    assertThatThrownBy(() -> a.read(Memory.PAGE_SIZE - 2, new byte[4]))
        .isInstanceOf(StableMemoryException.class).hasMessageContaining("out of bounds");
  }

  @Test
  void growingPastThePhysicalLimitFailsWithMinusOne() {
    MemoryManager mm = MemoryManager.init(new VectorMemory(3), 1);
    assertThat(mm.get(0).grow(2)).isEqualTo(0);
    assertThat(mm.get(1).grow(1)).isEqualTo(-1);
    assertThat(mm.get(1).size()).isZero();
  }

  @Test
  void loadingAMemoryWithoutAHeaderIsRefused() {
    VectorMemory m = new VectorMemory(2);
    m.grow(1);
    assertThatThrownBy(() -> MemoryManager.load(m)).isInstanceOf(StableMemoryException.class);
  }
}
