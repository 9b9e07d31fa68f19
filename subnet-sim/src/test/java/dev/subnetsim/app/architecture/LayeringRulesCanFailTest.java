package dev.subnetsim.app.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.subnetsim.chainkey.violation.ViolatingChainkeyClass;
import org.junit.jupiter.api.Test;

/** The layering rules have teeth: a class breaking them in a pure module's package is rejected. */
class LayeringRulesCanFailTest {

  private final JavaClasses violating = new ClassFileImporter().importClasses(ViolatingChainkeyClass.class);

  @Test
  void pekkoInAPureModuleIsRejected() {
    assertThatThrownBy(() -> ModuleLayeringTest.PURE_MODULES_IMPORT_NO_PEKKO.check(violating))
        .isInstanceOf(AssertionError.class).hasMessageContaining("org.apache.pekko");
  }

  @Test
  void clockReadsAndFileIoInAPureModuleAreRejected() {
    assertThatThrownBy(
            () -> ModuleLayeringTest.PURE_MODULES_DO_NO_IO_AND_READ_NO_CLOCK.check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("currentTimeMillis").hasMessageContaining("java.io.File");
  }

  @Test
  void micronautOutsideTheGatewayPackageIsRejected() {
    JavaClasses leak = new ClassFileImporter().importClasses(
        dev.subnetsim.fixture.gatewayleak.MicronautOutsideGateway.class);
    assertThatThrownBy(() -> ModuleLayeringTest.MICRONAUT_ONLY_IN_THE_GATEWAY.check(leak))
        .isInstanceOf(AssertionError.class).hasMessageContaining("io.micronaut");
  }
}
