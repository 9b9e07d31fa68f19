package dev.subnetsim.consensus.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bytes.Bytes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockTest {

  private static Block block(int height, String ingress) {
    return new Block(height, new byte[32], 0, 1, 1_000L * height, List.of(ingress.getBytes()));
  }

  @Test
  void blocksWithTheSameContentAreEqualAndShareOneId() {
    Block a = block(3, "x");
    Block b = block(3, "x");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.id()).isEqualTo(b.id());
    assertThat(block(3, "y").id()).isNotEqualTo(a.id());
  }

  @Test
  void theIdIsTheHashAndNeitherChangesWhenTheReturnedArrayIsWritten() {
    Block a = block(1, "x");
    byte[] hash = a.hash();
    hash[0] ^= 1;

    assertThat(a.hash()).isNotEqualTo(hash).isEqualTo(a.id().toArray());
  }

  @Test
  void idsOrderAsTheirLowercaseHexDid() {
    // The pool's maps by block were keyed by hex text; keyed by id they must iterate alike.
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      blocks.add(block(i, "item-" + i));
    }
    List<Block> byId = new ArrayList<>(blocks);
    byId.sort((x, y) -> x.id().compareTo(y.id()));
    List<Block> byHex = new ArrayList<>(blocks);
    byHex.sort((x, y) -> x.id().toHex().compareTo(y.id().toHex()));

    assertThat(byId).containsExactlyElementsOf(byHex);
    assertThat(blocks.stream().map(Block::id).map(Bytes::toHex))
        .anyMatch(h -> h.charAt(0) >= '8'); // some ids start with a byte a signed order would flip
  }
}
