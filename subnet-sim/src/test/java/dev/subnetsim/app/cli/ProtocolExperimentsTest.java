package dev.subnetsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published results the repository's protocol experiments reproduce: ICC's optimistic latency
 * of three message delays, and Fast ICC's fast path saving one of them at n = 5f + 1, on a
 * constant and on a wide-area network, falling back at ICC's latency when too few voters are up,
 * the block rate of mainnet-like parameters against the notary delay, and the block time of a
 * 13-node subnet against its number of crashed nodes as the rank and notary-delay functions
 * predict. Each experiment's expectations hold (exit 0).
 */
@Tag("slow")
class ProtocolExperimentsTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"icc-optimistic-latency", "fast-icc-vs-icc", "fast-icc-vs-icc-wan",
      "fast-icc-fallback", "mainnet-like", "crashed-block-makers"})
  void theExperimentsExpectationsHold(String name) throws Exception {
    Path file = Path.of("..", "experiments", name + ".yaml");
    Path out = tmp.resolve(name);
    assertThat(SubnetSimCli.execute("experiment", file.toString(), "--out", out.toString()))
        .isEqualTo(0);
    JsonNode verdicts = new ObjectMapper().readTree(out.resolve("verdicts.json").toFile());
    assertThat(verdicts).isNotEmpty()
        .allSatisfy(v -> assertThat(v.path("holds").asBoolean()).as(v.toString()).isTrue());
  }
}
