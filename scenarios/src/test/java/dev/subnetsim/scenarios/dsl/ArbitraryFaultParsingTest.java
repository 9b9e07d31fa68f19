package dev.subnetsim.scenarios.dsl;

import dev.subnetsim.consensus.types.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.scenarios.spec.ByzantineBehaviour;
import dev.subnetsim.scenarios.spec.FaultSpec;
import org.junit.jupiter.api.Test;

class ArbitraryFaultParsingTest {
  private static final String BASE = """
      name: small
      duration: 30s
      subnets:
        - {name: root, role: root, nodes: 4}
      faults:
      """;

  private static FaultSpec.Byzantine parseOne(String fault) {
    return (FaultSpec.Byzantine) ScenarioParser.parse("test.yaml", BASE + fault).faults().get(0);
  }

  @Test
  void anArbitraryNodeGetsItsProbabilityAndKinds() {
    FaultSpec.Byzantine b = parseOne("  - {at: 0s, kind: byzantine, subnet: root, nodes: [3], "
        + "behaviour: arbitrary, probability: 5%, kinds: [ingress, notarization-share]}\n");

    assertThat(b.behaviour()).isEqualTo(ByzantineBehaviour.ARBITRARY);
    assertThat(b.probability()).isEqualTo(0.05);
    assertThat(b.kinds()).containsExactly(MessageKind.INGRESS, MessageKind.NOTARIZATION_SHARE);
  }

  @Test
  void anArbitraryNodeWithoutSettingsTampersWithOneMessageInTenOfEveryKind() {
    FaultSpec.Byzantine b = parseOne(
        "  - {at: 0s, kind: byzantine, subnet: root, nodes: [3], behaviour: arbitrary}\n");

    assertThat(b.probability()).isEqualTo(FaultSpec.Byzantine.DEFAULT_PROBABILITY);
    assertThat(b.kinds()).isEmpty();
  }

  @Test
  void anUnknownMessageKindIsRejectedWithLineFieldAndTheKnownKinds() {
    assertThatThrownBy(() -> parseOne("  - {at: 0s, kind: byzantine, subnet: root, nodes: [3], "
        + "behaviour: arbitrary, kinds: [notarisation-share]}\n"))
        .isInstanceOfSatisfying(ScenarioException.class, e -> {
          assertThat(e.line()).isEqualTo(6);
          assertThat(e.field()).startsWith("faults[0].kinds");
        })
        .hasMessageContaining("unknown message kind 'notarisation-share'")
        .hasMessageContaining("notarization-share");
  }

  @Test
  void aProbabilityOutsideZeroToOneIsRejected() {
    assertThatThrownBy(() -> parseOne("  - {at: 0s, kind: byzantine, subnet: root, nodes: [3], "
        + "behaviour: arbitrary, probability: 1.5}\n"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("faults[0].probability");
  }

  @Test
  void probabilityIsOnlyForArbitraryNodes() {
    assertThatThrownBy(() -> parseOne("  - {at: 0s, kind: byzantine, subnet: root, nodes: [3], "
        + "behaviour: withholding, probability: 0.5}\n"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("only for behaviour 'arbitrary'");
  }
}
