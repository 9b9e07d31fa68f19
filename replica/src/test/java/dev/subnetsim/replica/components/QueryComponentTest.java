package dev.subnetsim.replica.components;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.replica.wire.PeerMessage;
import dev.subnetsim.consensus.types.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.query.RootDelegation;
import dev.subnetsim.replica.state.CertificationCheck;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.state.SubnetRegistry;
import dev.subnetsim.replica.xnet.RoutingTable;
import org.junit.jupiter.api.Test;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Certified heights, the root delegation and its withholding: an app replica asks the root for
 * its delegation once its own state is certified; the root answers a member of a registered
 * subnet; a bad answer is attributed to the root node that sent it.
 */
class QueryComponentTest {
  private static final RoutingTable ROUTING = new RoutingTable(List.of("app", "root"),
      Optional.empty());
  private static final List<NodeId> ROOT_NODES = List.of(new NodeId(0), new NodeId(1));
  private static final List<NodeId> APP_NODES = List.of(new NodeId(10), new NodeId(11));

  private static SubnetExecution subnet(String name) {
    SubnetExecution s = SubnetExecution.defaults(name, 2, ROUTING, SeededRandom.fromSeed(43),
        slice -> false).withMembers(Map.of("root", ROOT_NODES, "app", APP_NODES));
    return s.withRegistry(new SubnetRegistry("root", Map.of(
        "root", SubnetRegistry.entry(key(1), ROUTING.base("root"), RoutingTable.RANGE),
        "app", SubnetRegistry.entry(key(2), ROUTING.base("app"), RoutingTable.RANGE))),
        CertificationCheck.none());
  }

  /** A stand-in subnet key (registry entries only wrap it). */
  private static byte[] key(int b) {
    byte[] k = new byte[96];
    Arrays.fill(k, (byte) b);
    return k;
  }

  private final SubnetExecution app = subnet("app");
  private final SubnetExecution root = subnet("root");
  private final ReplicatedState state = app.genesisState();
  private final HashTree mine = state.certifiedTree(app.registry().entries());

  private static Certification certification(long height, byte[] root) {
    return new Certification(height, root, new byte[] {9});
  }

  @Test
  void ourCertifiedStateIsKeptAndTheRootAskedForItsDelegation() {
    QueryComponent queries = new QueryComponent(new SubnetId("app"), app, 1,
        ChangeSetDecorator.HONEST);

    ChangeSet c = queries.onCertified(certification(0, mine.digest()), Optional.of(mine));

    assertThat(c.observations()).containsExactly(new Observation.StateCertified(
        new SubnetId("app"), 0, Bytes.of(mine.digest())));
    assertThat(c.messages()).singleElement().isInstanceOfSatisfying(ChangeSet.Unicast.class,
        u -> {
          assertThat(u.to()).isEqualTo(ROOT_NODES.get(1));
          assertThat(u.kind()).isEqualTo(MessageKind.DELEGATION_REQUEST);
        });
  }

  @Test
  void aCertificationOfAnotherStateThanOursIsReportedAsDivergence() {
    QueryComponent queries = new QueryComponent(new SubnetId("app"), app, 0,
        ChangeSetDecorator.HONEST);

    ChangeSet c = queries.onCertified(certification(0, new byte[32]), Optional.of(mine));

    assertThat(c.observations()).contains(new Observation.Metric("state_divergence/app", 0));
    assertThat(c.messages()).isEmpty();
  }

  @Test
  void aBadDelegationIsRejectedAndAttributedToTheRootNodeThatSentIt() {
    QueryComponent queries = new QueryComponent(new SubnetId("app"), app, 0,
        ChangeSetDecorator.HONEST);

    // The routes refuse a body that does not decode, in the component's words.
    assertThat(PeerBodies.refusal(MessageKind.DELEGATION, new byte[] {1, 2, 3},
        QueryComponent::malformed)).startsWith("malformed delegation certificate: ");
    // A well-formed certificate that proves nothing is refused by the component itself.
    Certificate unsigned = new Certificate(mine, new byte[48], Optional.empty());
    ChangeSet c = queries.onDelegation(ROOT_NODES.get(0), new PeerMessage.Delegation(unsigned),
        new ReplicaView(0, state));

    assertThat(c.rejections()).singleElement().satisfies(r -> assertThat(r.sender())
        .isEqualTo(ROOT_NODES.get(0)));
  }

  @Test
  void theRootAnswersAMemberOfARegisteredSubnetOnceCertifiedUnlessItWithholds() {
    ReplicatedState rootState = root.genesisState();
    HashTree rootTree = rootState.certifiedTree(root.registry().entries());
    QueryComponent honest = new QueryComponent(new SubnetId("root"), root, 0,
        ChangeSetDecorator.HONEST);
    QueryComponent withholding = new QueryComponent(new SubnetId("root"), root, 0,
        ChangeSetDecorator.sending(Set.of(ByzantineBehaviour.WITHHOLDING)));
    ReplicaView view = new ReplicaView(0, rootState);
    assertThat(honest.onDelegationRequest(APP_NODES.get(0), new PeerMessage.DelegationRequest(), view).isEmpty())
        .isTrue();

    for (QueryComponent q : List.of(honest, withholding)) {
      q.onCertified(certification(0, rootTree.digest()), Optional.of(rootTree));
    }

    assertThat(honest.onDelegationRequest(APP_NODES.get(0), new PeerMessage.DelegationRequest(), view).messages())
        .singleElement().isInstanceOfSatisfying(ChangeSet.Unicast.class, u -> {
          assertThat(u.to()).isEqualTo(APP_NODES.get(0));
          assertThat(u.kind()).isEqualTo(MessageKind.DELEGATION);
        });
    assertThat(withholding.onDelegationRequest(APP_NODES.get(0), new PeerMessage.DelegationRequest(), view).messages())
        .isEmpty();
  }
}
