package dev.subnetsim.scenarios.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.certification.BlsKeyDer;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.certification.HashTreeCbor;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.canisters.SecretStoreCanister;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.query.QueryRequest;
import dev.subnetsim.replica.xnet.RoutingTable;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.invariants.Violation;
import org.junit.jupiter.api.Test;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The canister-story checker judges replies as the users would, and can say no. */
class CanisterStoryCheckerTest {
  private static final long S = 1_000_000_000L;
  private static final SubnetChainKeys KEYS = ChainKeyGenesis.generate("keys", 4, 0, 0,
      SeededRandom.fromSeed(3)).publicKeys();
  private static final SubnetId APP = new SubnetId("app");
  private static final NodeId NODE = new NodeId(0);

  private static CanisterStories secretStore() {
    return stories(5, "secret-store", 0.5, Optional.empty());
  }

  /** Stories of one canister on a 4-node app subnet, for clients trusting {@code rootKey}. */
  private static CanisterStories stories(long seed, String canister, double rate,
      Optional<byte[]> rootKey) {
    SubnetExecution app = SubnetExecution.defaults("app", 4, RoutingTable.single("app", false),
        SeededRandom.fromSeed(4), slice -> false);
    return CanisterStories.generate(seed, Map.of(canister, rate), app, List.of(NODE),
        new CanisterStories.ClientKeys() {
          public SubnetChainKeys genesis() {
            return KEYS;
          }

          public List<SubnetChainKeys> holders() {
            return List.of(KEYS);
          }

          public Optional<byte[]> rootKeyDer() {
            return rootKey;
          }
        }, 20 * S);
  }

  private static byte[] requestId(CanisterStories stories, int index) {
    var injection = stories.injections().get(index);
    var item = (PayloadItem.Ingress) PayloadItem.decode(injection.message());
    return item.signed().message().requestId();
  }

  private static Observation done(byte[] id, boolean replied, String reject) {
    return new Observation.IngressCompleted(APP, 1, Bytes.of(id), replied, Bytes.empty(),
        replied ? 0 : 4, reject);
  }

  @Test
  void aStrangerWhoGetsAnythingButThe403IsAViolationAndThe403IsNot() {
    CanisterStories stories = secretStore();
    // Story 0: store (sent first), then the owner's and the stranger's retrievals 8 s later.
    byte[] store = requestId(stories, 0);
    var dependents = stories.injections().stream().map(i -> ((PayloadItem.Ingress) PayloadItem
        .decode(i.message())).signed().message()).filter(m -> m.methodName().equals("retrieve"))
        .toList();
    assertThat(dependents).isNotEmpty();
    var checker = new CanisterStoryChecker(stories, FaultSchedule.none());
    assertThat(checker.onObservation(stories.injections().get(0).atNanos() + S, NODE,
        done(store, true, ""))).isEmpty();
    long late = stories.injections().get(0).atNanos() + 9 * S;
    List<Violation> refused = new java.util.ArrayList<>();
    List<Violation> leaked = new java.util.ArrayList<>();
    for (var m : dependents.subList(0, 2)) {
      var call = stories.call(m.requestId()).orElseThrow();
      if (call.after().isEmpty() || !Arrays.equals(call.after().get(), store)) {
        continue;
      }
      String verdict = call.check().apply(new CanisterStories.Outcome(false, new byte[0],
          SecretStoreCanister.FORBIDDEN));
      (verdict == null ? refused : leaked).add(new Violation("x", late, String.valueOf(verdict)));
    }
    // Exactly one of the two retrievals is the stranger's: a 403 is right for it, wrong for the
    // owner (who must get the document).
    assertThat(refused).hasSize(1);
    assertThat(leaked).hasSize(1);
    assertThat(leaked.get(0).detail()).contains("owner's retrieval was rejected");
  }

  @Test
  void aRetrievalSentBeforeItsStoreWasSeenCompleteIsNotJudged() {
    CanisterStories stories = secretStore();
    var checker = new CanisterStoryChecker(stories, FaultSchedule.none());
    var retrieve = stories.injections().stream().map(i -> ((PayloadItem.Ingress) PayloadItem
        .decode(i.message())).signed().message()).filter(m -> m.methodName().equals("retrieve"))
        .findFirst().orElseThrow();
    // The store never completed: even a leak is not judged (the order of events is unknown).
    assertThat(checker.onObservation(30 * S, NODE, done(retrieve.requestId(), true, ""))).isEmpty();
    assertThat(checker.tally().get("secret-store")[2]).isEqualTo(1);
  }

  @Test
  void aRetrievalAfterAStoreTheKeyHoldersDeferredIsNotJudged() {
    CanisterStories stories = secretStore();
    var checker = new CanisterStoryChecker(stories, FaultSchedule.none());
    byte[] store = requestId(stories, 0);
    long sent = stories.injections().get(0).atNanos();
    // Found by fuzzing: a reshare of the document key in progress defers the registration, the
    // canister drops the document, and the owner's later retrieval finds none.
    assertThat(checker.onObservation(sent + S, NODE, done(store, false, "document_key_store: the"
        + " chain keys are not yet installed on this subnet (resharing in progress)"))).isEmpty();
    var retrieval = stories.injections().stream().map(i -> ((PayloadItem.Ingress) PayloadItem
        .decode(i.message())).signed().message()).filter(m -> m.methodName().equals("retrieve")
            && Arrays.equals(stories.call(m.requestId()).orElseThrow().after().orElseThrow(), store))
        .findFirst().orElseThrow();

    assertThat(checker.onObservation(sent + 9 * S, NODE, done(retrieval.requestId(), false,
        "no such document"))).isEmpty();
    assertThat(checker.tally().get("secret-store")).containsExactly(0, 0, 2);
  }

  @Test
  void aWrongReplyToAnIndependentCallIsAViolation() {
    CanisterStories stories = secretStore();
    var checker = new CanisterStoryChecker(stories, FaultSchedule.none());
    List<Violation> v = checker.onObservation(S, NODE, done(requestId(stories, 0), false,
        "document exists"));
    assertThat(v).singleElement().satisfies(x -> assertThat(x.detail()).contains("store rejected"));
  }

  private static final byte[] ROOT_KEY_DER = BlsKeyDer.encode(
      ThresholdBls.generateKeys(1, 1, SeededRandom.fromSeed(8))
          .publicKey().toBytes());

  private static CanisterStories identity() {
    return stories(6, "identity", 0.2, Optional.of(ROOT_KEY_DER));
  }

  /** The first identity story's prepare_delegation call and get_delegation query. */
  private static byte[][] prepareAndQuery(CanisterStories stories) {
    byte[] prepare = ((PayloadItem.Ingress) PayloadItem.decode(stories.injections().get(0)
        .message())).signed().message().requestId();
    byte[] query = stories.injections().stream()
        .filter(i -> QueryRequest.isQuery(i.message()))
        .map(i -> QueryRequest.decode(i.message()).signed().message())
        .filter(m -> Arrays.equals(stories.call(m.requestId()).orElseThrow().after()
            .orElseThrow(), prepare))
        .findFirst().orElseThrow().requestId();
    return new byte[][] {prepare, query};
  }

  private static Observation answered(byte[] query, long height, byte[] certificate) {
    byte[] witness = HashTreeCbor.encode(
        new HashTree.Empty());
    return new Observation.QueryAnswered(APP, height, Bytes.of(query), true, Bytes.of(witness), "",
        Bytes.of(certificate));
  }

  /** Shows {@code checker} the prepare call completing at height 5; returns when it was sent. */
  private static long preparedAtHeightFive(CanisterStories stories, byte[] prepare,
      CanisterStoryChecker checker) {
    long sent = stories.call(prepare).orElseThrow().atNanos();
    checker.onObservation(sent + S, NODE, new Observation.IngressCompleted(APP, 5,
        Bytes.of(prepare), true, Bytes.empty(), 0, ""));
    return sent;
  }

  @Test
  void aDelegationWhoseCertificateDoesNotVerifyUnderTheRootKeyIsAViolation() {
    CanisterStories stories = identity();
    byte[][] ids = prepareAndQuery(stories);
    var checker = new CanisterStoryChecker(stories, FaultSchedule.none());
    long sent = preparedAtHeightFive(stories, ids[0], checker);
    byte[] unsigned = new Certificate(
        new HashTree.Empty(), new byte[48],
        Optional.empty()).encode();

    List<Violation> v = checker.onObservation(sent + 9 * S, NODE, answered(ids[1], 6, unsigned));

    assertThat(v).singleElement().satisfies(x -> assertThat(x.detail())
        .contains("does not verify under the root key"));
    assertThat(stories.artifactLines()).isEmpty();
  }

  @Test
  void aDelegationQueryAnsweredByAReplicaBehindTheCallThatPreparedItIsNotJudged() {
    CanisterStories stories = identity();
    byte[][] ids = prepareAndQuery(stories);
    var checker = new CanisterStoryChecker(stories, FaultSchedule.none());
    long sent = preparedAtHeightFive(stories, ids[0], checker);

    assertThat(checker.onObservation(sent + 9 * S, NODE, answered(ids[1], 4, new byte[0])))
        .isEmpty();
    assertThat(checker.tally().get("identity")[2]).isEqualTo(1);
  }
}
