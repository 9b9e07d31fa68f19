package dev.subnetsim.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static dev.subnetsim.app.architecture.ProductionClasses.module;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.BaseStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Determinism rules beyond {@link ModuleLayeringTest} (which already forbids {@code new Random()},
 * {@code Math.random} and clock reads in chainkey and consensus): a run must be a function of its
 * seed, so no entropy-seeded generator, no thread-timing, no wall clock and no hash-ordered
 * collection may reach the simulation logic.
 */
class DeterminismRulesTest {

  /**
   * SecureRandom is chainkey's injected strategy for randomness: methods take one as a parameter
   * and every instance in a run is a {@link SeededRandom} (a DRBG forked from the run seed). So
   * the type may be used everywhere, but only SeededRandom (its {@code super(spi, null)}) may
   * construct one; nobody may construct or look up an entropy-seeded one.
   */
  static final ArchRule SECURE_RANDOM_IS_ONLY_MADE_BY_SEEDED_RANDOM =
      noClasses()
          .that().resideInAnyPackage(module("chainkey"), module("consensus"), module("replica"),
              module("scenarios"))
          .and().doNotBelongToAnyOf(SeededRandom.class)
          .should().callConstructorWhere(
              target(SecureRandom.class, Set.of(JavaConstructor.CONSTRUCTOR_NAME)))
          .orShould().callMethodWhere(target(SecureRandom.class,
              Set.of("getInstance", "getInstanceStrong")))
          .because("a run's randomness comes from SeededRandom forked from its seed");

  /** Thread-local generators and parallel streams make results depend on thread timing. */
  static final ArchRule SIMULATION_LOGIC_HAS_NO_THREAD_DEPENDENT_RANDOMNESS_OR_PARALLEL_STREAMS =
      noClasses()
          .that().resideInAnyPackage(module("consensus"), module("replica"), module("scenarios"))
          .should().dependOnClassesThat().belongToAnyOf(ThreadLocalRandom.class)
          .orShould().callMethodWhere(describe(
              "Collection.parallelStream() or BaseStream.parallel()",
              (JavaCall<?> call) -> isParallelStream(call)))
          .because("replicas run on a thread pool; only the driver's canonical order may decide");

  /** chainkey and consensus: ModuleLayeringTest. The replica reads no clock either. */
  static final ArchRule REPLICA_READS_NO_CLOCK =
      noClasses()
          .that().resideInAPackage(module("replica"))
          .should().callMethod(System.class, "currentTimeMillis")
          .orShould().callMethod(System.class, "nanoTime")
          .orShould().callMethodWhere(describe("a java.time now(...)",
              (JavaCall<?> call) -> call.getTarget().getName().equals("now")
                  && call.getTarget().getOwner().getPackageName().equals("java.time")))
          .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
          .because("a replica's time is the virtual time its step is given");

  /**
   * HashMap/HashSet iterate in hash order (stable for one JDK, but an accident of hashCode and
   * capacity, not a choice); consensus and replica state is iterated into messages, blocks and
   * hashes, so they use TreeMap/TreeSet (or LinkedHashMap/LinkedHashSet for insertion order).
   * Collectors that build a HashMap/HashSet are forbidden for the same reason.
   */
  static final ArchRule CONSENSUS_AND_REPLICA_CONSTRUCT_NO_HASH_ORDERED_COLLECTIONS =
      noClasses()
          .that().resideInAnyPackage(module("consensus"), module("replica"))
          .should().accessTargetWhere(describe(
              "a constructor (call or reference) of HashMap or HashSet",
              (JavaAccess<?> access) -> access.getTarget().getName()
                  .equals(JavaConstructor.CONSTRUCTOR_NAME)
                  && (isExactly(access.getTarget().getOwner(), HashMap.class)
                      || isExactly(access.getTarget().getOwner(), HashSet.class))))
          .orShould().callMethodWhere(describe(
              "a Collector building a HashMap or HashSet (toSet, toMap, groupingBy without a map"
                  + " factory)", (JavaCall<?> call) -> buildsHashCollection(call)))
          .because("iteration order feeds messages, blocks and hashes");

  /** Nor may a hash-ordered collection made elsewhere sit in a field (locals are invisible). */
  static final ArchRule CONSENSUS_AND_REPLICA_KEEP_NO_HASH_ORDERED_FIELDS =
      noFields()
          .that().areDeclaredInClassesThat()
          .resideInAnyPackage(module("consensus"), module("replica"))
          .should().haveRawType(HashMap.class)
          .orShould().haveRawType(HashSet.class)
          .because("iteration order feeds messages, blocks and hashes");

  private static JavaClasses classes;

  @BeforeAll
  static void importAllModules() {
    classes = ProductionClasses.importAll();
  }

  @Test
  void secureRandomIsOnlyConstructedBySeededRandom() {
    SECURE_RANDOM_IS_ONLY_MADE_BY_SEEDED_RANDOM.check(classes);
  }

  @Test
  void simulationLogicUsesNoThreadLocalRandomAndNoParallelStreams() {
    SIMULATION_LOGIC_HAS_NO_THREAD_DEPENDENT_RANDOMNESS_OR_PARALLEL_STREAMS.check(classes);
  }

  @Test
  void replicaReadsNoClock() {
    REPLICA_READS_NO_CLOCK.check(classes);
  }

  @Test
  void consensusAndReplicaConstructNoHashMapOrHashSet() {
    CONSENSUS_AND_REPLICA_CONSTRUCT_NO_HASH_ORDERED_COLLECTIONS.check(classes);
  }

  @Test
  void consensusAndReplicaDeclareNoHashMapOrHashSetField() {
    CONSENSUS_AND_REPLICA_KEEP_NO_HASH_ORDERED_FIELDS.check(classes);
  }

  private static com.tngtech.archunit.base.DescribedPredicate<JavaCall<?>> target(Class<?> owner,
      Set<String> names) {
    return describe(owner.getSimpleName() + " " + names,
        call -> isExactly(call.getTarget().getOwner(), owner)
            && names.contains(call.getTarget().getName()));
  }

  private static boolean isExactly(JavaClass c, Class<?> type) {
    return c.getName().equals(type.getName());
  }

  private static boolean isParallelStream(JavaCall<?> call) {
    String name = call.getTarget().getName();
    JavaClass owner = call.getTarget().getOwner();
    return (name.equals("parallelStream") && owner.isAssignableTo(Collection.class))
        || (name.equals("parallel") && owner.isAssignableTo(BaseStream.class));
  }

  private static boolean buildsHashCollection(JavaCall<?> call) {
    if (!isExactly(call.getTarget().getOwner(), Collectors.class)) {
      return false;
    }
    int params = call.getTarget().getParameterTypes().size();
    return switch (call.getTarget().getName()) {
      case "toSet" -> true;
      case "toMap" -> params < 4; // the 4-argument form takes the map's factory
      case "groupingBy" -> params < 3; // the 3-argument form takes the map's factory
      default -> false;
    };
  }
}
