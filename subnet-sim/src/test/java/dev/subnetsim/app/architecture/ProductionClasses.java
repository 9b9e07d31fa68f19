package dev.subnetsim.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The production classes of every module, as the architecture tests check them. */
final class ProductionClasses {
  static final String ROOT = "dev.subnetsim";

  private ProductionClasses() {}

  static JavaClasses importAll() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        // After `install`, other modules' test classes come as *-tests.jar, which the
        // predefined option (test-classes folders) does not recognise.
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages(ROOT);
  }

  /** The package pattern of a module's classes ({@code app} is the subnet-sim module). */
  static String module(String name) {
    return ROOT + "." + name + "..";
  }
}
