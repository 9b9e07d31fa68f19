package dev.subnetsim.replica.execution.stable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StableBTreeMapTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final java.util.Comparator<byte[]> UNSIGNED = Arrays::compareUnsigned;

  private static StableBTreeMap fresh() {
    return StableBTreeMap.init(new VectorMemory(1000), 16, 32);
  }

  @Test
  void behavesLikeASortedMapUnderRandomInsertsReplacesAndRemoves() {
    StableBTreeMap map = fresh();
    TreeMap<byte[], byte[]> model = new TreeMap<>(UNSIGNED);
    SplittableRandom rng = new SplittableRandom(42);
    for (int step = 0; step < 6000; step++) {
      byte[] key = b("k" + rng.nextInt(700));
      if (rng.nextInt(3) == 0) {
        assertThat(map.remove(key)).isEqualTo(model.remove(key));
      } else {
        byte[] value = b("v" + step);
        assertThat(map.insert(key, value)).isEqualTo(model.put(key, value));
      }
      if (step % 500 == 0) {
        assertThat(map.size()).isEqualTo(model.size());
      }
    }
    assertThat(map.size()).isEqualTo(model.size());
    List<Map.Entry<byte[], byte[]>> entries = map.entries();
    assertThat(entries).hasSize(model.size());
    int i = 0;
    for (Map.Entry<byte[], byte[]> e : model.entrySet()) {
      assertThat(entries.get(i).getKey()).isEqualTo(e.getKey());
      assertThat(entries.get(i).getValue()).isEqualTo(e.getValue());
      assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
      i++;
    }
  }

  @Test
  void removingEverythingEmptiesTheTreeAndReusesFreedChunks() {
    VectorMemory memory = new VectorMemory(1000);
    StableBTreeMap map = StableBTreeMap.init(memory, 8, 8);
    for (int round = 0; round < 3; round++) {
      for (int k = 0; k < 500; k++) {
        map.insert(b(String.format("%05d", k)), b("x"));
      }
      for (int k = 0; k < 500; k++) {
        assertThat(map.remove(b(String.format("%05d", k)))).isEqualTo(b("x"));
      }
      assertThat(map.isEmpty()).isTrue();
      assertThat(map.entries()).isEmpty();
    }
    // Freed chunks are reused: three rounds need no more memory than one.
    assertThat(memory.size()).isLessThanOrEqualTo(3);
  }

  @Test
  void rangeReturnsKeysInTheHalfOpenIntervalInOrder() {
    StableBTreeMap map = fresh();
    for (int k = 0; k < 200; k++) {
      map.insert(b(String.format("%03d", k)), b("v" + k));
    }
    List<String> keys = new ArrayList<>();
    map.range(b("050"), b("060")).forEach(e -> keys.add(new String(e.getKey(), StandardCharsets.UTF_8)));
    assertThat(keys).containsExactly("050", "051", "052", "053", "054", "055", "056", "057", "058", "059");
  }

  @Test
  void keysAreOrderedAsUnsignedBytes() {
    StableBTreeMap map = fresh();
    map.insert(new byte[] {(byte) 0xff}, b("high"));
    map.insert(new byte[] {0x01}, b("low"));
    assertThat(map.entries().get(0).getValue()).isEqualTo(b("low"));
  }

  @Test
  void theMapReopensFromItsMemoryAlone() {
    VectorMemory memory = new VectorMemory(100);
    StableBTreeMap map = StableBTreeMap.init(memory, 16, 16);
    for (int k = 0; k < 100; k++) {
      map.insert(b("key" + k), b("value" + k));
    }
    VectorMemory checkpoint = memory.copy();
    StableBTreeMap reopened = StableBTreeMap.load(checkpoint);
    assertThat(reopened.size()).isEqualTo(100);
    assertThat(reopened.get(b("key42"))).isEqualTo(b("value42"));
    assertThat(checkpoint.contentHash()).isEqualTo(memory.contentHash());
  }

  @Test
  void oversizedKeysAndValuesAreRejectedWithoutChangingTheMap() {
    StableBTreeMap map = fresh();
    map.insert(b("a"), b("1"));
    assertThatThrownBy(() -> map.insert(new byte[17], b("x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the bound 16");
    assertThatThrownBy(() -> map.insert(b("b"), new byte[33]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the bound 32");
    assertThat(map.size()).isEqualTo(1);
  }

  @Test
  void reopeningWithDifferentBoundsIsRefused() {
    VectorMemory memory = new VectorMemory(10);
    StableBTreeMap.init(memory, 8, 8);
    assertThatThrownBy(() -> StableBTreeMap.init(memory, 8, 9))
        .isInstanceOf(StableMemoryException.class).hasMessageContaining("bounds");
  }

  @Test
  void runningOutOfStableMemoryTraps() {
    StableBTreeMap map = StableBTreeMap.init(new VectorMemory(1), 64, 1024);
    assertThatThrownBy(() -> {
      for (int k = 0; k < 10_000; k++) {
        map.insert(b("key" + k), new byte[1024]);
      }
    }).isInstanceOf(StableMemoryException.class).hasMessageContaining("out of stable memory");
  }
}
