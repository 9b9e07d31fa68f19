package dev.subnetsim.scenarios.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.spec.SubnetRole;
import org.junit.jupiter.api.Test;

class TopologyTest {
  private final Topology world = Topology.builder()
      .subnet("root", SubnetRole.ROOT, 4, "eu", "us")
      .subnet("signing", SubnetRole.SIGNING, 13, "eu")
      .subnet("app", SubnetRole.APP, 7, "asia")
      .build();

  @Test
  void nodeIdsAreAllocatedDenselyInSubnetDeclarationOrder() {
    assertThat(world.members(new SubnetId("root"))).extracting(NodeId::value)
        .containsExactly(0, 1, 2, 3);
    assertThat(world.members(new SubnetId("signing")).get(0)).isEqualTo(new NodeId(4));
    assertThat(world.members(new SubnetId("app")).get(6)).isEqualTo(new NodeId(23));
    assertThat(world.allNodes()).hasSize(24);
    assertThat(world.subnetOf(new NodeId(17))).isEqualTo(new SubnetId("app"));
  }

  @Test
  void regionsAreAssignedRoundRobinAndFaultToleranceFollowsN() {
    assertThat(world.regionOf(new NodeId(0))).isEqualTo("eu");
    assertThat(world.regionOf(new NodeId(1))).isEqualTo("us");
    assertThat(world.regionOf(new NodeId(2))).isEqualTo("eu");
    assertThat(world.subnet(new SubnetId("root")).faultTolerance()).isEqualTo(1);
    assertThat(world.subnet(new SubnetId("signing")).faultTolerance()).isEqualTo(4);
    assertThat(world.subnet(new SubnetId("app")).faultTolerance()).isEqualTo(2);
  }

  @Test
  void unknownNamesAndDuplicatesAreRejected() {
    assertThatThrownBy(() -> world.members(new SubnetId("nope"))).hasMessageContaining("nope");
    assertThatThrownBy(() -> world.subnetOf(new NodeId(99))).hasMessageContaining("node-99");
    assertThatThrownBy(() -> Topology.builder().subnet("x", SubnetRole.APP, 1, "r")
        .subnet("x", SubnetRole.APP, 1, "r")).hasMessageContaining("duplicate subnet x");
    assertThatThrownBy(() -> Topology.builder().subnet("x", SubnetRole.APP, 0, "r"))
        .hasMessageContaining("at least one node");
  }
}
