package dev.subnetsim.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.subnetsim.fixture.cycles.first.First;
import dev.subnetsim.fixture.cycles.second.Second;
import dev.subnetsim.fixture.cycles.third.Third;
import org.junit.jupiter.api.Test;

/** The cycle rule and the cycle naming have teeth, on a fixture where first and second loop. */
class PackageCycleRulesCanFailTest {
  private static final String FIXTURE = "dev.subnetsim.fixture.cycles";

  private final JavaClasses fixture =
      new ClassFileImporter().importClasses(First.class, Second.class, Third.class);

  @Test
  void aCycleBetweenTwoPackagesFailsTheRule() {
    assertThatThrownBy(() -> PackageCycles.freeOfCycles(FIXTURE).check(fixture))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
  }

  @Test
  void aCycleIsNamedByItsPackagesFromTheAlphabeticallyFirst() {
    assertThat(PackageCycles.in(fixture, FIXTURE)).containsExactly("first -> second -> first");
  }

  @Test
  void packagesOutsideTheCycleAreNotNamed() {
    JavaClasses acyclic = new ClassFileImporter().importClasses(Second.class, Third.class);
    assertThat(PackageCycles.in(acyclic, FIXTURE)).isEmpty();
  }
}
