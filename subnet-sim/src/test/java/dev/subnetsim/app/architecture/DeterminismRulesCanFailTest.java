package dev.subnetsim.app.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.violation.DeterministicReplicaClass;
import dev.subnetsim.replica.violation.ViolatingReplicaClass;
import org.junit.jupiter.api.Test;

/** The determinism rules have teeth: a replica-package fixture breaking each one is rejected. */
class DeterminismRulesCanFailTest {

  private final JavaClasses violating =
      new ClassFileImporter().importClasses(ViolatingReplicaClass.class);

  @Test
  void constructingOrLookingUpASecureRandomIsRejected() {
    assertThatThrownBy(
            () -> DeterminismRulesTest.SECURE_RANDOM_IS_ONLY_MADE_BY_SEEDED_RANDOM.check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("SecureRandom.<init>()")
        .hasMessageContaining("SecureRandom.getInstanceStrong()");
  }

  @Test
  void seededRandomAloneMayConstructItsSuperclass() {
    JavaClasses both =
        new ClassFileImporter().importClasses(SeededRandom.class, ViolatingReplicaClass.class);
    assertThatThrownBy(
            () -> DeterminismRulesTest.SECURE_RANDOM_IS_ONLY_MADE_BY_SEEDED_RANDOM.check(both))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ViolatingReplicaClass")
        .hasMessageNotContaining("SeededRandom.<init>");
  }

  @Test
  void threadLocalRandomAndParallelStreamsAreRejected() {
    assertThatThrownBy(
            () -> DeterminismRulesTest
                .SIMULATION_LOGIC_HAS_NO_THREAD_DEPENDENT_RANDOMNESS_OR_PARALLEL_STREAMS
                .check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ThreadLocalRandom")
        .hasMessageContaining("parallelStream()")
        .hasMessageContaining("parallel()");
  }

  @Test
  void clockReadsInTheReplicaAreRejected() {
    assertThatThrownBy(() -> DeterminismRulesTest.REPLICA_READS_NO_CLOCK.check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("nanoTime()")
        .hasMessageContaining("LocalDateTime.now()");
  }

  @Test
  void hashMapHashSetAndHashCollectorsAreRejected() {
    assertThatThrownBy(() -> DeterminismRulesTest
            .CONSENSUS_AND_REPLICA_CONSTRUCT_NO_HASH_ORDERED_COLLECTIONS.check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("HashMap.<init>()")
        .hasMessageContaining("HashSet.<init>()")
        .hasMessageContaining("Collectors.toSet()");
  }

  @Test
  void aHashMapFieldIsRejected() {
    assertThatThrownBy(() -> DeterminismRulesTest.CONSENSUS_AND_REPLICA_KEEP_NO_HASH_ORDERED_FIELDS
            .check(violating))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ViolatingReplicaClass.byHash");
  }

  @Test
  void treeCollectionsLinkedHashMapAndMapFactoryCollectorsPass() {
    JavaClasses fine = new ClassFileImporter().importClasses(DeterministicReplicaClass.class);
    assertThatCode(() -> DeterminismRulesTest
        .CONSENSUS_AND_REPLICA_CONSTRUCT_NO_HASH_ORDERED_COLLECTIONS.check(fine))
        .doesNotThrowAnyException();
    assertThatCode(() -> DeterminismRulesTest.CONSENSUS_AND_REPLICA_KEEP_NO_HASH_ORDERED_FIELDS
        .check(fine)).doesNotThrowAnyException();
  }
}
