package dev.subnetsim.scenarios.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BehaviourMappingTest {
  private static final Class<dev.subnetsim.scenarios.spec.ByzantineBehaviour> SPEC =
      dev.subnetsim.scenarios.spec.ByzantineBehaviour.class;

  @Test
  void everyScenarioBehaviourTurnsOnAtLeastOneReplicaBehaviour() {
    for (var behaviour : SPEC.getEnumConstants()) {
      assertThat(BehaviourMapping.toConsensus(behaviour)).as(behaviour.name()).isNotEmpty();
    }
  }

  @Test
  void invalidDecryptionSharesIsTheReplicasInvalidChainKeyShares() {
    assertThat(BehaviourMapping.toConsensus(
        dev.subnetsim.scenarios.spec.ByzantineBehaviour.INVALID_DECRYPTION_SHARES))
        .containsExactly(ByzantineBehaviour.INVALID_CHAIN_KEY_SHARES);
  }

  @Test
  void invalidSignatureSharesCoversConsensusAndChainKeyShares() {
    assertThat(BehaviourMapping.toConsensus(
        dev.subnetsim.scenarios.spec.ByzantineBehaviour.INVALID_SIGNATURE_SHARES))
        .containsExactlyInAnyOrder(ByzantineBehaviour.INVALID_SIGNATURE_SHARES,
            ByzantineBehaviour.INVALID_CHAIN_KEY_SHARES);
  }

  @Test
  void everyReplicaBehaviourOfferedToScenariosMapsBackToItself() {
    for (ByzantineBehaviour behaviour : ByzantineBehaviour.values()) {
      Optional<dev.subnetsim.scenarios.spec.ByzantineBehaviour> offered =
          BehaviourMapping.inScenarios(behaviour);
      offered.ifPresent(s -> assertThat(BehaviourMapping.toConsensus(s))
          .as(behaviour.name()).contains(behaviour));
    }
  }

  @Test
  void onlyRelabelledCertificationsIsNotOfferedToScenarios() {
    Set<ByzantineBehaviour> hidden = EnumSet.noneOf(ByzantineBehaviour.class);
    Arrays.stream(ByzantineBehaviour.values())
        .filter(b -> BehaviourMapping.inScenarios(b).isEmpty()).forEach(hidden::add);
    assertThat(hidden).containsExactly(ByzantineBehaviour.RELABELLED_CERTIFICATIONS);
  }
}
