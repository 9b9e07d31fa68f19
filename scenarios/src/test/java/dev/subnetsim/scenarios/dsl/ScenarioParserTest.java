package dev.subnetsim.scenarios.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.spec.ByzantineBehaviour;
import dev.subnetsim.scenarios.spec.ConsensusSpec;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.LatencySpec;
import dev.subnetsim.scenarios.spec.PassCriterion;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.spec.SubnetRole;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {

  private static final String MINIMAL = """
      name: small
      duration: 30s
      subnets:
        - {name: root, role: root, nodes: 4}
      """;

  private static ScenarioSpec parse(String yaml) {
    return ScenarioParser.parse("test.yaml", yaml);
  }

  private static void failsAt(String yaml, int line, String field, String fragment) {
    ThrowingCallable call = () -> parse(yaml);
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ScenarioException.class, e -> {
          assertThat(e.file()).isEqualTo("test.yaml");
          assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
          assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
        })
        .hasMessageContaining(fragment);
  }

  @Test
  void minimalScenarioGetsDefaultsForEverythingUnsaid() {
    ScenarioSpec s = parse(MINIMAL);
    assertThat(s.name()).isEqualTo("small");
    assertThat(s.durationNanos()).isEqualTo(30_000_000_000L);
    assertThat(s.seed()).isEqualTo(1);
    assertThat(s.subnets()).singleElement().satisfies(sub -> {
      assertThat(sub.role()).isEqualTo(SubnetRole.ROOT);
      assertThat(sub.f()).isEqualTo(1);
    });
    assertThat(s.invariants()).hasSize(5);
    assertThat(s.faults()).isEmpty();
  }

  @Test
  void theBundledFlagshipScenarioParsesWithItsFaultsAndCriteria() {
    ScenarioSpec s = ScenarioLoader.catalog("flagship");
    assertThat(s.subnets()).extracting(x -> x.name().name())
        .containsExactly("root", "signing", "app");
    assertThat(s.network().latency()).isInstanceOf(LatencySpec.LogNormal.class);
    assertThat(s.network().loss()).isEqualTo(0.001);
    assertThat(s.network().bytesPerSecond()).isEqualTo(1.25e8);
    assertThat(s.network().regionLatencyNanos().get("eu").get("asia")).isEqualTo(150_000_000L);
    assertThat(s.faults()).filteredOn(f -> f instanceof FaultSpec.Byzantine).hasSize(3)
        .allSatisfy(f -> assertThat(((FaultSpec.Byzantine) f).behaviour()).isIn(
            ByzantineBehaviour.INVALID_SIGNATURE_SHARES, ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER));
    assertThat(s.pass()).first().isEqualTo(
        new PassCriterion.LatencyBelow("p99 ecdsa latency < 8s", 99, "ecdsa", 8_000_000_000L));
  }

  @Test
  void nodeRangesAndPartitionGroupsExpand() {
    ScenarioSpec s = parse(MINIMAL.replace("nodes: 4", "nodes: 7") + """
        faults:
          - {at: 1s, kind: partition, groups: ["root:0-4", "root:5,6"]}
          - {at: 2s, kind: heal}
        """);
    FaultSpec.Partition p = (FaultSpec.Partition) s.faults().get(0);
    assertThat(p.groups().get(0).indices()).containsExactly(0, 1, 2, 3, 4);
    assertThat(p.groups().get(1).indices()).containsExactly(5, 6);
    assertThat(p.line()).isEqualTo(6);
  }

  @Test
  void subnetReferencesBecomeSubnetIdsAndABlankOneIsRefusedWhereItStands() {
    ScenarioSpec s = parse(MINIMAL + """
        faults:
          - {at: 1s, kind: crash, subnet: root, nodes: [0]}
          - {at: 2s, kind: subnet-loss, subnet: root}
        """);
    assertThat(((FaultSpec.Crash) s.faults().get(0)).nodes().subnet())
        .isEqualTo(new SubnetId("root"));
    assertThat(((FaultSpec.SubnetLoss) s.faults().get(1)).subnet()).isEqualTo(new SubnetId("root"));
    assertThat(s.subnet(new SubnetId("root")).nodes()).isEqualTo(4);

    failsAt(MINIMAL + "faults:\n  - {at: 1s, kind: subnet-loss, subnet: \"\"}\n", 6,
        "faults[0].subnet", "expected a subnet name, got ''");
  }

  @Test
  void missingRequiredFieldNamesTheField() {
    failsAt("name: x\nsubnets:\n  - {name: a, nodes: 4}\n", 1, "duration", "is required");
  }

  @Test
  void wrongTypeNamesLineAndFieldAndWhatWasExpected() {
    failsAt(MINIMAL.replace("nodes: 4", "nodes: four"), 4, "subnets[0].nodes",
        "expected a whole number, got 'four'");
  }

  @Test
  void badDurationSaysWhatADurationLooksLike() {
    failsAt(MINIMAL.replace("30s", "thirty"), 2, "duration", "expected a duration like");
  }

  @Test
  void misspeltKeyIsRejectedWithASuggestion() {
    failsAt(MINIMAL + "invariant: [agreement]\n", 5, "invariant", "did you mean 'invariants'");
  }

  @Test
  void unknownEnumValueListsTheChoices() {
    failsAt(MINIMAL.replace("role: root", "role: boss"), 4, "subnets[0].role",
        "expected one of [root, signing, app]");
  }

  @Test
  void faultOnANodeTheSubnetDoesNotHaveIsImpossible() {
    failsAt(MINIMAL + "faults:\n  - {at: 1s, kind: crash, subnet: root, nodes: [4]}\n", 6,
        "faults[0].nodes", "node 4 does not exist");
  }

  @Test
  void faultOnAnUnknownSubnetListsTheSubnets() {
    failsAt(MINIMAL + "faults:\n  - {at: 1s, kind: crash, subnet: sig, nodes: [0]}\n", 6,
        "faults[0].nodes", "no subnet named 'sig' (subnets: [root])");
  }

  @Test
  void moreByzantineNodesThanFIsRejectedUnlessTheBudgetAllowsIt() {
    String beyond = MINIMAL + "faults:\n"
        + "  - {at: 0s, kind: byzantine, subnet: root, nodes: [0], behaviour: withholding}\n"
        + "  - {at: 1s, kind: crash, subnet: root, nodes: [1]}\n";
    failsAt(beyond, 7, "faults", "more than f = 1");
    assertThat(parse(beyond + "fault_budget: beyond-f\n").faults()).hasSize(2);
  }

  @Test
  void theConsensusProtocolIsIccUnlessFastIccIsChosen() {
    assertThat(parse(MINIMAL).consensus().consensusProtocol().name()).isEqualTo("icc");
    ScenarioSpec fast = parse(MINIMAL.replace("nodes: 4", "nodes: 6")
        + "consensus: {protocol: fast-icc}\n");
    assertThat(fast.consensus().protocol()).isEqualTo(ConsensusSpec.Protocol.FAST_ICC);
    assertThat(fast.faultBound(fast.subnets().get(0))).isEqualTo(1);
    ScenarioSpec slack = parse(MINIMAL.replace("nodes: 4", "nodes: 9")
        + "consensus: {protocol: fast-icc, fast_path_slack: 1}\n");
    assertThat(slack.faultBound(slack.subnets().get(0))).isEqualTo(2);
  }

  @Test
  void aSubnetTooSmallForFastIccIsRefusedAtTheProtocolField() {
    failsAt(MINIMAL + "consensus:\n  protocol: fast-icc\n  fast_path_slack: 1\n", 7,
        "consensus.fast_path_slack", "subnet 'root': fast-icc with fast-path slack p = 1 needs"
            + " n >= 3f + 2p + 1 replicas with f >= 1, i.e. n >= 6, got n = 4");
    failsAt(MINIMAL.replace("nodes: 4", "nodes: 3") + "consensus:\n  protocol: fast-icc\n", 6,
        "consensus.protocol", "got n = 3");
    failsAt(MINIMAL + "consensus:\n  fast_path_slack: 1\n", 6, "consensus.fast_path_slack",
        "only fast-icc has a fast path");
    failsAt(MINIMAL + "consensus: {protocol: hotstuff}\n", 5, "consensus.protocol",
        "expected one of [icc, fast-icc]");
  }

  @Test
  void fastIccsFaultBudgetIsItsOwnSmallerF() {
    String yaml = MINIMAL.replace("nodes: 4", "nodes: 7") + "consensus: {protocol: fast-icc}\n"
        + "faults:\n"
        + "  - {at: 1s, kind: crash, subnet: root, nodes: [1, 2]}\n";
    failsAt(yaml, 7, "faults", "more than f = 1 for n = 7 under fast-icc");
    assertThat(parse(yaml.replace("protocol: fast-icc", "protocol: icc")).faults()).hasSize(1);
  }

  @Test
  void restartedNodesNoLongerCountAgainstTheBudget() {
    String yaml = MINIMAL + "faults:\n"
        + "  - {at: 1s, kind: crash, subnet: root, nodes: [1]}\n"
        + "  - {at: 2s, kind: restart, subnet: root, nodes: [1]}\n"
        + "  - {at: 3s, kind: crash, subnet: root, nodes: [2]}\n";
    assertThat(parse(yaml).faults()).hasSize(3);
  }

  @Test
  void faultAfterTheEndOfTheRunIsRejected() {
    failsAt(MINIMAL + "faults:\n  - {at: 31s, kind: heal}\n", 6, "faults[0].at", "after the end");
  }

  @Test
  void unparseablePassCriterionShowsTheAcceptedForms() {
    failsAt(MINIMAL + "pass:\n  - \"fast enough\"\n", 6, "pass[0]", "expected a criterion like");
  }

  @Test
  void invalidYamlIsReportedWithItsLine() {
    assertThatThrownBy(() -> parse("name: x\nsubnets: [\n  {a: 1\n"))
        .isInstanceOf(ScenarioException.class).hasMessageStartingWith("test.yaml:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void duplicateKeyIsRejected() {
    failsAt(MINIMAL + "name: again\n", 5, "name", "appears twice");
  }

  @Test
  void missingCatalogEntryIsAClearError() {
    assertThatThrownBy(() -> ScenarioLoader.catalog("nope"))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("no such catalog scenario");
  }
}
