package dev.subnetsim.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.types.SubnetId;
import org.junit.jupiter.api.Test;

class MetricKeyTest {
  @Test
  void aNameIsTheKeysPrefixFollowedByTheSubject() {
    assertThat(MetricKey.INGRESS_DONE.of(42L)).isEqualTo("ingress_done/42");
    assertThat(MetricKey.STATE_DIVERGENCE.of(new SubnetId("app")))
        .isEqualTo("state_divergence/" + new SubnetId("app"));
    assertThat(MetricKey.PRESIGNATURE_STASH.of("signing/ecdsa/SECP256K1"))
        .isEqualTo("presignature_stash/signing/ecdsa/SECP256K1");
  }

  @Test
  void theSubjectOfANameIsWhatItWasBuiltFrom() {
    String name = MetricKey.PRESIGNATURE_STASH.of("signing/schnorr/BIP340");
    assertThat(MetricKey.PRESIGNATURE_STASH.subject(name)).isEqualTo("signing/schnorr/BIP340");
    assertThat(MetricKey.INGRESS_REJECTED.subject(MetricKey.INGRESS_REJECTED.of(7L)))
        .isEqualTo("7");
  }

  @Test
  void aKeyDoesNotMatchAnotherKeysNames() {
    String done = MetricKey.INGRESS_DONE.of(1L);
    assertThat(MetricKey.INGRESS_DONE.matches(done)).isTrue();
    assertThat(MetricKey.INGRESS_REJECTED.matches(done)).isFalse();
    assertThat(MetricKey.PRESIGNATURE_STASH.matches("ingress_pool/app")).isFalse();
  }

  @Test
  void askingForTheSubjectOfAnotherKeysNameIsAClearError() {
    assertThatThrownBy(() -> MetricKey.INGRESS_DONE.subject("ingress_rejected/3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ingress_rejected/3");
  }
}
