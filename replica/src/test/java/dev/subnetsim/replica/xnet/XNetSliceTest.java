package dev.subnetsim.replica.xnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.certification.HashTreeCbor;
import dev.subnetsim.chainkey.certification.StateRootMessage;
import dev.subnetsim.chainkey.certification.Witness;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.messaging.QueuedMessage.Reply;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Certified stream slices: a witness of the source's certified tree plus its threshold signature.
 * The destination inducts exactly the new messages, answers requests into its own stream, and
 * refuses a slice whose content was altered after certification.
 */
class XNetSliceTest {
  private static final ThresholdBls BLS = ThresholdBls.ic();
  private static final ThresholdKeySet APP_KEY = BLS.generateKeys(4, 3,
      SeededRandom.fromSeed(3).fork("app-key"));
  private static final RoutingTable ROUTING = new RoutingTable(List.of("app", "signing"),
      java.util.Optional.empty());

  /** Signs a root as the app subnet would certify it (3 of 4 shares combined). */
  private static byte[] certify(byte[] root) {
    TreeMap<Integer, G1Point> shares = new TreeMap<>();
    for (int i = 0; i < 3; i++) {
      shares.put(i, BLS.signShare(APP_KEY.secretKeyShares().get(i), StateRootMessage.of(root)));
    }
    return BLS.combine(3, shares).toBytes();
  }

  private static final Predicate<XNetSlice> VERIFY = s -> BLS.verify(APP_KEY.publicKey(),
      StateRootMessage.of(s.tree().digest()), G1Point.fromBytes(s.signature()));

  private static XNetSlice slice(ReplicatedState app, String dest) {
    HashTree tree = app.certifiedTree(List.of());
    byte[] d = dest.getBytes(StandardCharsets.UTF_8);
    HashTree witness = Witness.prune(tree, List.of(
        List.of("streams".getBytes(StandardCharsets.UTF_8), d),
        List.of("xnet_inducted".getBytes(StandardCharsets.UTF_8), d)));
    return new XNetSlice("app", app.height(), certify(tree.digest()), HashTreeCbor.encode(witness));
  }

  private static byte[] callToCounter(long callbackId) {
    return new StreamMessage.Request(callbackId, new CanisterId(1).toBytes(),
        new CanisterId(ROUTING.base("signing") + SubnetExecution.COUNTER), "increment",
        new byte[0]).encode();
  }

  private static SubnetExecution signing() {
    return SubnetExecution.defaults("signing", 4, ROUTING, SeededRandom.fromSeed(4), VERIFY);
  }

  @Test
  void aSliceRevealsItsStreamAndSignalAndVerifiesUnderTheSourceKey() {
    ReplicatedState app = new ReplicatedState();
    app.appendToStream("signing", callToCounter(7));
    app.appendToStream("signing", callToCounter(8));
    app.setInducted("signing", 5);
    XNetSlice s = slice(app, "signing");
    assertThat(s.messagesFor("signing")).containsOnlyKeys(0L, 1L);
    assertThat(s.signalFor("signing")).isEqualTo(5);
    assertThat(VERIFY.test(s)).isTrue();
  }

  @Test
  void theDestinationInductsNewMessagesOnceAndAnswersIntoItsOwnStream() {
    ReplicatedState app = new ReplicatedState();
    app.appendToStream("signing", callToCounter(7));
    SubnetExecution signing = signing();
    ReplicatedState state = signing.genesisState();
    byte[] item = new PayloadItem.XNet(slice(app, "signing")).encode();
    signing.executor().execute(state, 1, 1, new byte[32], List.of(item, item));
    assertThat(state.inducted("app")).isEqualTo(1);
    var back = state.streams().get("app");
    assertThat(back).hasSize(1);
    StreamMessage response = StreamMessage.decode(back.firstEntry().getValue());
    assertThat(response).isInstanceOf(StreamMessage.Response.class);
    assertThat(response.callbackId()).isEqualTo(7);
    assertThat(((StreamMessage.Response) response).reply().replied()).isTrue();
  }

  @Test
  void aSliceAlteredAfterCertificationIsRefused() {
    ReplicatedState app = new ReplicatedState();
    app.appendToStream("signing", callToCounter(7));
    XNetSlice honest = slice(app, "signing");
    ReplicatedState forged = new ReplicatedState();
    forged.appendToStream("signing", callToCounter(666));
    XNetSlice tampered = new XNetSlice("app", honest.height(), honest.signature(),
        slice(forged, "signing").witness());
    assertThat(VERIFY.test(tampered)).isFalse();
    SubnetExecution signing = signing();
    ReplicatedState state = signing.genesisState();
    var outcome = signing.executor().execute(state, 1, 1, new byte[32],
        List.of(new PayloadItem.XNet(tampered).encode()));
    assertThat(outcome.rejectedItems()).singleElement().asString().contains("fails its certification");
    assertThat(state.inducted("app")).isZero();
    assertThat(state.queue()).isEmpty();
  }

  @Test
  void theSourcePrunesWhatTheDestinationSignalsInducted() {
    ReplicatedState signingState = new ReplicatedState();
    signingState.appendToStream("app", new StreamMessage.Response(1, Reply.of(new byte[0])).encode());
    signingState.appendToStream("app", new StreamMessage.Response(2, Reply.of(new byte[0])).encode());
    ReplicatedState app = new ReplicatedState();
    app.setInducted("signing", 1); // the app subnet inducted message 0
    signingState.pruneStream("app", slice(app, "signing").signalFor("signing"));
    assertThat(signingState.streams().get("app")).containsOnlyKeys(1L);
  }
}
