package dev.subnetsim.replica.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known answer for the random tape seed of a block's message (it feeds simulated behaviour). */
class BlockExecutorSeedTest {

  @Test
  void theSeedIsSha256OfTheRandomnessThenHeightAndMessageIndexAsU64s() {
    byte[] seed = BlockExecutor.messageSeed(new byte[] {1, 2, 3}, 5, 6);
    assertThat(HexFormat.of().formatHex(seed))
        .isEqualTo("f67524703515f64bf98089abae9d60d3f95661e7eede4082030dfd5034f4f3d6");
  }
}
