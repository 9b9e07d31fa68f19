package dev.subnetsim.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No package cycles inside a module (slices: the module's first-level packages). Every module is
 * free of them; a new cycle fails the build, named by its packages ("ingress -> payload ->
 * ingress"). Break it by moving the type to the package that owns it, or by a small interface in
 * the lower package, rather than by listing it here.
 */
class PackageCyclesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importAllModules() {
    classes = ProductionClasses.importAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"chainkey", "consensus", "replica", "scenarios", "cluster", "reports", "app"})
  void everyModuleIsFreeOfPackageCycles(String module) {
    assertThat(PackageCycles.in(classes, ProductionClasses.ROOT + "." + module))
        .as("package cycles in %s", module)
        .isEmpty();
  }
}
