package dev.subnetsim.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No package cycles inside a module (slices: the module's first-level packages). Modules free of
 * cycles today must stay so. consensus, replica and scenarios have cycles that are being worked
 * on elsewhere; they are listed here by name, and any cycle not on the list fails the build. When
 * a listed cycle is broken, delete its line so it cannot come back unnoticed.
 */
class PackageCyclesTest {

  /** consensus: the wire codec maps records both ways, and the CUP embeds blocks. */
  static final Set<String> KNOWN_CONSENSUS_CYCLES = Set.of(
      "artifacts -> catchup -> wire -> artifacts",
      "artifacts -> wire -> artifacts",
      "catchup -> wire -> catchup");

  /** scenarios: the driver feeds the checkers, and the world's stories are checked by them. */
  static final Set<String> KNOWN_SCENARIOS_CYCLES = Set.of(
      "driver -> invariants -> world -> driver",
      "invariants -> world -> invariants");

  /** replica: execution, state, management, chainkey, xnet and payload know each other. */
  static final Set<String> KNOWN_REPLICA_CYCLES = Set.of(
      "chainkey -> execution -> chainkey",
      "chainkey -> execution -> management -> chainkey",
      "chainkey -> execution -> management -> state -> chainkey",
      "chainkey -> execution -> state -> chainkey",
      "chainkey -> management -> chainkey",
      "chainkey -> management -> execution -> chainkey",
      "chainkey -> management -> execution -> state -> chainkey",
      "chainkey -> management -> payload -> xnet -> execution -> chainkey",
      "chainkey -> management -> payload -> xnet -> execution -> state -> chainkey",
      "chainkey -> management -> state -> chainkey",
      "chainkey -> management -> state -> execution -> chainkey",
      "chainkey -> payload -> xnet -> execution -> chainkey",
      "chainkey -> payload -> xnet -> execution -> management -> chainkey",
      "chainkey -> payload -> xnet -> execution -> management -> state -> chainkey",
      "chainkey -> payload -> xnet -> execution -> state -> chainkey",
      "chainkey -> state -> chainkey",
      "chainkey -> state -> execution -> chainkey",
      "chainkey -> state -> execution -> management -> chainkey",
      "chainkey -> xnet -> execution -> chainkey",
      "chainkey -> xnet -> execution -> management -> chainkey",
      "chainkey -> xnet -> execution -> management -> state -> chainkey",
      "chainkey -> xnet -> execution -> state -> chainkey",
      "consensus -> query -> consensus",
      "execution -> ingress -> payload -> xnet -> execution",
      "execution -> management -> execution",
      "execution -> management -> payload -> xnet -> execution",
      "execution -> management -> state -> execution",
      "execution -> payload -> xnet -> execution",
      "execution -> state -> execution",
      "execution -> xnet -> execution",
      "ingress -> payload -> ingress");

  private static JavaClasses classes;

  @BeforeAll
  static void importAllModules() {
    classes = ProductionClasses.importAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"chainkey", "reports", "app"})
  void modulesWithoutCyclesStayFreeOfPackageCycles(String module) {
    PackageCycles.freeOfCycles(ProductionClasses.ROOT + "." + module).check(classes);
  }

  @Test
  void consensusHasNoPackageCycleBeyondTheKnownOnes() {
    assertNoNewCycles("consensus", KNOWN_CONSENSUS_CYCLES);
  }

  @Test
  void scenariosHaveNoPackageCycleBeyondTheKnownOnes() {
    assertNoNewCycles("scenarios", KNOWN_SCENARIOS_CYCLES);
  }

  @Test
  void replicaHasNoPackageCycleBeyondTheKnownOnes() {
    assertNoNewCycles("replica", KNOWN_REPLICA_CYCLES);
  }

  private static void assertNoNewCycles(String module, Set<String> known) {
    SortedSet<String> found = PackageCycles.in(classes, ProductionClasses.ROOT + "." + module);
    SortedSet<String> fresh = new TreeSet<>(found);
    fresh.removeAll(known);
    assertThat(fresh)
        .as("new package cycles in %s (break them; the known ones are listed in %s)", module,
            PackageCyclesTest.class.getSimpleName())
        .isEmpty();
  }
}
