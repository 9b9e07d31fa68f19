package dev.subnetsim.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build-enforced layering (README.md, "Modules"; docs/ARCHITECTURE.md): a module depends only
 * on modules above it (chainkey, consensus, replica, scenarios, cluster, reports, subnet-sim),
 * chainkey/consensus/reports import no Pekko, only the cluster module uses Pekko Cluster, and
 * chainkey/consensus do no I/O and read no clock.
 * Runs over the production classes of every module (this module depends on all of them).
 */
class ModuleLayeringTest {

  private static final String ROOT = "dev.subnetsim";
  private static JavaClasses classes;

  @BeforeAll
  static void importAllModules() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // After `install`, other modules' test classes come as *-tests.jar, which the
            // predefined option (test-classes folders) does not recognise.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages(ROOT);
  }

  static String module(String name) {
    return ROOT + "." + name + "..";
  }

  @Test
  void chainkeyDependsOnNoOtherModule() {
    noClasses()
        .that().resideInAPackage(module("chainkey"))
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            module("consensus"), module("replica"), module("scenarios"), module("cluster"),
            module("reports"), module("app"))
        .check(classes);
  }

  @Test
  void consensusDependsOnlyOnChainkey() {
    noClasses()
        .that().resideInAPackage(module("consensus"))
        .should().dependOnClassesThat()
        .resideInAnyPackage(module("replica"), module("scenarios"), module("cluster"),
            module("reports"), module("app"))
        .check(classes);
  }

  @Test
  void replicaDoesNotReachUpIntoTheWorldOrTheApplication() {
    noClasses()
        .that().resideInAPackage(module("replica"))
        .should().dependOnClassesThat()
        .resideInAnyPackage(module("scenarios"), module("cluster"), module("reports"),
            module("app"))
        .check(classes);
  }

  @Test
  void scenariosDoNotDependOnReportsOrTheApplication() {
    noClasses()
        .that().resideInAPackage(module("scenarios"))
        .should().dependOnClassesThat()
        .resideInAnyPackage(module("cluster"), module("reports"), module("app"))
        .check(classes);
  }

  @Test
  void clusterDependsOnNeitherReportsNorTheApplication() {
    noClasses()
        .that().resideInAPackage(module("cluster"))
        .should().dependOnClassesThat()
        .resideInAnyPackage(module("reports"), module("app"))
        .check(classes);
  }

  /** A run without --cluster must not change: Pekko Cluster stays inside the cluster module. */
  @Test
  void onlyTheClusterModuleUsesPekkoClusterOrRemoting() {
    noClasses()
        .that().resideInAPackage(ROOT + "..")
        .and().resideOutsideOfPackage(module("cluster"))
        .should().dependOnClassesThat()
        .resideInAnyPackage("org.apache.pekko.cluster..", "org.apache.pekko.remote..")
        .check(classes);
  }

  @Test
  void reportsDependOnlyOnTheScenarioResultModelAndNotOnTheApplication() {
    noClasses()
        .that().resideInAPackage(module("reports"))
        .should().dependOnClassesThat()
        .resideInAnyPackage(module("app"), module("replica"), module("consensus"),
            module("cluster"))
        .check(classes);
  }

  static final ArchRule PURE_MODULES_IMPORT_NO_PEKKO =
      noClasses()
          .that().resideInAnyPackage(module("chainkey"), module("consensus"), module("reports"))
          .should().dependOnClassesThat().resideInAPackage("org.apache.pekko..");

  static final ArchRule PURE_MODULES_DO_NO_IO_AND_READ_NO_CLOCK =
        noClasses()
        .that().resideInAnyPackage(module("chainkey"), module("consensus"))
        .should().dependOnClassesThat()
        .resideInAnyPackage("java.nio.file..", "java.net..", "java.nio.channels..")
        .orShould().dependOnClassesThat().belongToAnyOf(
            java.io.File.class, java.io.FileInputStream.class, java.io.FileOutputStream.class,
            java.io.FileReader.class, java.io.FileWriter.class, java.io.RandomAccessFile.class,
            java.io.PrintStream.class)
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class);

  /**
   * The HTTP server is an edge of the application: Micronaut (and its Netty) only in the gateway
   * package, so the simulator, its CLI and every other module run without it.
   */
  static final ArchRule MICRONAUT_ONLY_IN_THE_GATEWAY =
      noClasses()
          .that().resideInAPackage(ROOT + "..")
          .and().resideOutsideOfPackage(ROOT + ".app.gateway..")
          .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "io.netty..");

  @Test
  void micronautOnlyInTheGatewayPackage() {
    MICRONAUT_ONLY_IN_THE_GATEWAY.check(classes);
  }

  @Test
  void onlyTheServeCommandStartsTheGateway() {
    // `run` and every other job never start (or even see) the HTTP server.
    noClasses()
        .that().resideOutsideOfPackage(ROOT + ".app.gateway..")
        .and().doNotHaveFullyQualifiedName(ROOT + ".app.cli.ServeCommand")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".app.gateway..")
        .check(classes);
  }

  @Test
  void pureModulesImportNoPekko() {
    PURE_MODULES_IMPORT_NO_PEKKO.check(classes);
  }

  @Test
  void chainkeyAndConsensusDoNoIoAndReadNoClock() {
    PURE_MODULES_DO_NO_IO_AND_READ_NO_CLOCK.check(classes);
  }

  @Test
  void noProductionCodeUsesUnseededRandomness() {
    noClasses()
        .that().resideInAnyPackage(module("chainkey"), module("consensus"), module("replica"),
            module("scenarios"))
        .should().callConstructor(java.util.Random.class)
        .orShould().callMethod(Math.class, "random")
        .check(classes); // SecureRandom, ThreadLocalRandom: DeterminismRulesTest
  }
}
