package dev.subnetsim.app.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.scenarios.dsl.ScenarioException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepGridTest {

  private static SweepAxis axis(String arg) {
    return SweepAxis.parse(arg, "--set " + arg);
  }

  @Test
  void aGridIsTheProductOfTheValuesTheFirstFieldVaryingSlowest() {
    SweepGrid grid = new SweepGrid(List.of(axis("subnets[0].nodes=4,7"),
        axis("consensus.unit_delay=100ms,200ms,400ms")), false);
    assertThat(grid.points()).extracting(SweepPoint::values).containsExactly(
        List.of("4", "100ms"), List.of("4", "200ms"), List.of("4", "400ms"),
        List.of("7", "100ms"), List.of("7", "200ms"), List.of("7", "400ms"));
  }

  @Test
  void zippedFieldsMoveTogether() {
    SweepGrid grid = new SweepGrid(List.of(axis("subnets[0].nodes=4,7,13"),
        axis("network.loss=0,1%,2%")), true);
    assertThat(grid.points()).extracting(SweepPoint::label).containsExactly(
        "subnets[0].nodes=4, network.loss=0", "subnets[0].nodes=7, network.loss=1%",
        "subnets[0].nodes=13, network.loss=2%");
  }

  @Test
  void zippingFieldsWithDifferentValueCountsIsAnErrorNamingBoth() {
    assertThatThrownBy(() -> new SweepGrid(List.of(axis("subnets[0].nodes=4,7"),
        axis("network.loss=0,1%,2%")), true))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("--set network.loss=0,1%,2%")
        .hasMessageContaining("subnets[0].nodes has 2, network.loss has 3");
  }

  @Test
  void sweepingOneFieldTwiceIsAnError() {
    assertThatThrownBy(() -> new SweepGrid(List.of(axis("network.loss=0"),
        axis("network.loss=1%")), false)).hasMessageContaining("is swept twice");
  }

  @Test
  void noSweptFieldIsOnePointTheBaseScenario() {
    assertThat(new SweepGrid(List.of(), false).points()).singleElement()
        .satisfies(p -> assertThat(p.label()).isEqualTo("base"));
  }

  @Test
  void aSetWithoutValuesOrEqualsSignIsRejected() {
    assertThatThrownBy(() -> axis("network.loss")).hasMessageContaining("expected PATH=V1,V2");
    assertThatThrownBy(() -> axis("network.loss=1%,,2%")).hasMessageContaining("empty value");
  }

  @Test
  void seedsAcceptRangesListsAndBoth() {
    assertThat(Seeds.parse("1-4")).containsExactly(1L, 2L, 3L, 4L);
    assertThat(Seeds.parse("3,1,9")).containsExactly(3L, 1L, 9L);
    assertThat(Seeds.parse("1-3,7")).containsExactly(1L, 2L, 3L, 7L);
    assertThatThrownBy(() -> Seeds.parse("1-3,2")).hasMessageContaining("seed 2 is listed twice");
    assertThatThrownBy(() -> Seeds.parse("5-1")).hasMessageContaining("ascending");
    assertThatThrownBy(() -> Seeds.parse("1-1000000")).hasMessageContaining("at most");
    assertThatThrownBy(() -> Seeds.parse("one")).hasMessageContaining("expected seeds like");
  }

  @Test
  void aGridOfMoreThanTenThousandPointsIsRefusedBeforeAnyIsRead() {
    String hundred = String.join(",", java.util.stream.IntStream.range(0, 101)
        .mapToObj(i -> i + "ms").toList());
    assertThatThrownBy(() -> new SweepGrid(List.of(axis("network.latency.value=" + hundred),
        axis("consensus.unit_delay=" + hundred)), false))
        .hasMessageContaining("more than 10000 points");
  }

  @Test
  void pointFolderNamesKeepOnlySafeCharacters() {
    SweepPoint p = new SweepPoint(List.of("subnets[1].nodes", "network.loss"), List.of("4", "1%"));
    assertThat(p.folderName()).isEqualTo("subnets_1_.nodes=4_network.loss=1_");
  }
}
