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
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.query.QueryRequest;
import dev.subnetsim.replica.xnet.RoutingTable;
import dev.subnetsim.scenarios.driver.SimulationConfig;
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
    return stories(seed, canister, rate, rootKey, Optional.of(KEYS));
  }

  private static CanisterStories stories(long seed, String canister, double rate,
      Optional<byte[]> rootKey, Optional<SubnetChainKeys> keys) {
    SubnetExecution app = SubnetExecution.defaults("app", 4, RoutingTable.single("app", false),
        SeededRandom.fromSeed(4), slice -> false);
    return CanisterStories.generate(seed, Map.of(canister, rate), app, List.of(NODE),
        new CanisterStories.ClientKeys() {
          public SubnetChainKeys genesis() {
            return keys.orElseThrow(() -> new IllegalStateException("no keys yet"));
          }

          public List<SubnetChainKeys> holders() {
            return keys.stream().toList();
          }

          public Optional<byte[]> rootKeyDer() {
            return rootKey;
          }
        }, 40 * S);
  }

  private static Observation done(byte[] id, boolean replied, String reject) {
    return new Observation.IngressCompleted(APP, 1, Bytes.of(id), replied, Bytes.empty(),
        replied ? 0 : 4, reject);
  }

  /** The message of a story call made now (null: its user sends nothing now). */
  private static IngressMessage made(SimulationConfig.IngressInjection injection) {
    byte[] m = injection.later() == null ? injection.message() : injection.later().get();
    return m == null ? null : ((PayloadItem.Ingress) PayloadItem.decode(m)).signed().message();
  }

  /** The first story's calls sent at {@code atNanos}, made now (those its users send now). */
  private static List<IngressMessage> madeAt(CanisterStories stories, long atNanos) {
    return stories.injections().stream().filter(i -> i.atNanos() == atNanos)
        .map(CanisterStoryCheckerTest::made).filter(java.util.Objects::nonNull).toList();
  }

  @Test
  void aStrangerWhoGetsAnythingButThe403IsAViolationAndThe403IsNot() {
    CanisterStories stories = secretStore();
    long at = stories.injections().get(0).atNanos();
    IngressMessage store = made(stories.injections().get(0));
    assertThat(store.methodName()).isEqualTo("store");
    var checker = new CanisterStoryChecker(stories, FaultSchedule.none());
    assertThat(checker.onObservation(at + S, NODE, done(store.requestId(), true, ""))).isEmpty();
    // Once the store is seen replied to: the owner's and the stranger's retrievals, and the
    // stranger's request through the proxy, 8 s later.
    List<IngressMessage> dependents = madeAt(stories, at + CanisterStories.STEP_GAP_NANOS);
    assertThat(dependents).hasSize(3);
    List<String> refused = new java.util.ArrayList<>();
    List<String> leaked = new java.util.ArrayList<>();
    for (var m : dependents) {
      var call = stories.call(m.requestId()).orElseThrow();
      assertThat(call.after()).hasValueSatisfying(a -> assertThat(a).isEqualTo(store.requestId()));
      String verdict = call.check().apply(new CanisterStories.Outcome(false, new byte[0],
          SecretStoreCanister.FORBIDDEN + " (the permission canister canister-3 refused x)"));
      (verdict == null ? refused : leaked).add(m.methodName() + ": " + verdict);
    }
    // A 403 is right for the stranger's two requests, wrong for the owner (who must get the
    // document).
    assertThat(refused).hasSize(2);
    assertThat(leaked).singleElement().satisfies(v -> assertThat(v)
        .contains("owner's retrieval was rejected"));
    IngressMessage viaProxy = dependents.stream().filter(m -> m.methodName().equals("call"))
        .findFirst().orElseThrow();
    assertThat(stories.call(viaProxy.requestId()).orElseThrow().check().apply(
        new CanisterStories.Outcome(true, new byte[0], ""))).contains("it got shadows");
  }

  @Test
  void theOwnerGrantsOnlyAfterTheStrangersRequestThroughTheProxyWasAnsweredAndTheThirdPartyAsksAfterTheGrant() {
    CanisterStories stories = secretStore();
    long at = stories.injections().get(0).atNanos();
    long gap = CanisterStories.STEP_GAP_NANOS;
    var checker = new CanisterStoryChecker(stories, FaultSchedule.none());
    checker.onObservation(at + S, NODE, done(made(stories.injections().get(0)).requestId(), true,
        ""));
    IngressMessage viaProxy = madeAt(stories, at + gap).stream()
        .filter(m -> m.methodName().equals("call")).findFirst().orElseThrow();
    assertThat(madeAt(stories, at + 2 * gap)).isEmpty(); // not yet answered: no grant
    checker.onObservation(at + gap + S, NODE, done(viaProxy.requestId(), false,
        SecretStoreCanister.FORBIDDEN));
    IngressMessage grant = madeAt(stories, at + 2 * gap).get(0);
    assertThat(grant.methodName()).isEqualTo("grant");
    assertThat(madeAt(stories, at + 3 * gap)).isEmpty(); // the grant not yet replied to
    checker.onObservation(at + 2 * gap + S, NODE, done(grant.requestId(), true, ""));
    IngressMessage thirdParty = madeAt(stories, at + 3 * gap).get(0);
    assertThat(thirdParty.methodName()).isEqualTo("call");
    assertThat(stories.call(thirdParty.requestId()).orElseThrow().check().apply(
        new CanisterStories.Outcome(false, new byte[0], SecretStoreCanister.FORBIDDEN)))
        .contains("the permission program allows was refused");
  }

  @Test
  void noStepIsSentBeforeItsStoreWasSeenRepliedToNorAfterItWasDeferred() {
    CanisterStories stories = secretStore();
    long at = stories.injections().get(0).atNanos();
    var checker = new CanisterStoryChecker(stories, FaultSchedule.none());
    IngressMessage store = made(stories.injections().get(0));
    assertThat(madeAt(stories, at + CanisterStories.STEP_GAP_NANOS)).isEmpty();
    // Found by fuzzing: a reshare of the document key in progress defers the registration, the
    // canister drops the document: its owner does not go on.
    assertThat(checker.onObservation(at + S, NODE, done(store.requestId(), false,
        "document_key_store: the chain keys are not yet installed on this subnet (resharing in "
            + "progress)"))).isEmpty();
    assertThat(madeAt(stories, at + CanisterStories.STEP_GAP_NANOS)).isEmpty();
    assertThat(checker.tally().get("secret-store")).containsExactly(0, 0, 1);
  }

  @Test
  void anOwnerStoresNothingBeforeTheServerKeyExists() {
    CanisterStories stories = stories(5, "secret-store", 0.5, Optional.empty(), Optional.empty());
    assertThat(stories.injections().get(0).later()).isNotNull();
    assertThat(made(stories.injections().get(0))).isNull();
    assertThat(stories.size()).isZero();
  }

  @Test
  void aWrongReplyToAnIndependentCallIsAViolation() {
    CanisterStories stories = secretStore();
    var checker = new CanisterStoryChecker(stories, FaultSchedule.none());
    List<Violation> v = checker.onObservation(S, NODE, done(made(stories.injections().get(0))
        .requestId(), false, "document exists"));
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
