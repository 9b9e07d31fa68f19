package dev.subnetsim.replica.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.certification.BlsKeyDer;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateVerifier;
import dev.subnetsim.chainkey.certification.LookupResult;
import dev.subnetsim.chainkey.certification.StateRootMessage;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.SignatureScheme;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.payload.IngressEnvelope;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import org.junit.jupiter.api.Test;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A replica's query endpoint: signed queries run on the certified state and come back with a
 * certificate of that state; bad queries are refused at once with a reason; and a query envelope
 * is never executed as an update call.
 */
class QueryServiceTest {
  private static final long S = 1_000_000_000L;
  private final SeededRandom rng = SeededRandom.fromSeed(11);
  private final SubnetExecution subnet = SubnetExecution.defaults("app", 4, false, rng.fork("x"));
  private final ReplicatedState state = subnet.genesisState();
  private final ThresholdKeySet key = ThresholdBls.generateKeys(1, 1, rng.fork("key"));
  private final UserKeyPair user = UserKeyPair.generate(SignatureScheme.ED25519, rng.fork("user"));
  private final CanisterId counter = subnet.canister(SubnetExecution.COUNTER);

  private void executeBlock(long height, List<byte[]> items) {
    subnet.executor().execute(state, height, height * S, new byte[32], items);
  }

  private CertifiedState certifyCurrentState() {
    var tree = state.certifiedTree(List.of());
    return new CertifiedState(state.height(), tree, ThresholdBls.ic().signShare(
        key.secretKeyShares().get(0), StateRootMessage.of(tree.digest())).toBytes());
  }

  private SignedIngress query(String method, long expiry) {
    return user.sign(IngressMessage.query(user.principal(), counter.toBytes(), method,
        new byte[0], expiry, new byte[] {7}));
  }

  @Test
  void aQueryRunsOnTheCertifiedStateWithoutChangingItAndItsCertificateVerifies() throws Exception {
    LoadClient load = LoadClient.fromSeed(0); // the load client of worlds built without a seed
    executeBlock(1, List.of(load.sign(PayloadItem.Workload.counter(1, 0)).encode(),
        load.sign(PayloadItem.Workload.counter(2, 0)).encode()));
    QueryService service = new QueryService();
    SignedIngress q = query("counter", 2 * S + 60 * S);
    assertThat(service.submit(new QueryRequest(q).encode(), 2 * S, 1)).isEmpty();
    assertThat(service.hasPending()).isTrue();
    byte[] rootBefore = state.certifiedTree(List.of()).digest();

    List<QueryService.Answer> answers = service.answer(state, certifyCurrentState(),
        Optional.empty(), subnet);

    assertThat(answers).singleElement().satisfies(a -> {
      assertThat(a.requestId()).isEqualTo(q.message().requestId());
      assertThat(a.replied()).isTrue();
      assertThat(ByteBuffer.wrap(a.reply()).getLong()).isEqualTo(2);
      assertThat(a.height()).isEqualTo(1);
    });
    assertThat(service.hasPending()).isFalse();
    assertThat(state.certifiedTree(List.of()).digest()).isEqualTo(rootBefore);
    Certificate cert = Certificate.decode(answers.get(0).certificate());
    CertificateVerifier.jblst().verify(cert, BlsKeyDer.encode(key.publicKey().toBytes()),
        Principal.fromBytes(counter.toBytes()));
    assertThat(cert.tree().lookup(List.of(utf8("canister"), counter.toBytes(),
        utf8("certified_data")))).isInstanceOf(LookupResult.Found.class);
    assertThat(cert.tree().lookup(List.of(utf8("request_status"))))
        .isNotInstanceOf(LookupResult.Found.class);
  }

  @Test
  void malformedForgedOrExpiredQueriesAreRefusedAtOnceWithTheirReason() {
    QueryService service = new QueryService();
    assertThat(service.submit(new byte[] {'Q', 1, 2}, S, 0)).hasValueSatisfying(a ->
        assertThat(a.rejectMessage()).startsWith("malformed query"));
    SignedIngress call = user.sign(new IngressMessage(user.principal(), counter.toBytes(),
        "counter", new byte[0], 60 * S, null));
    byte[] callAsQuery = ByteBuffer.allocate(1 + IngressEnvelope.encode(call).length)
        .put((byte) 'Q').put(IngressEnvelope.encode(call)).array();
    assertThat(service.submit(callAsQuery, S, 0)).hasValueSatisfying(a ->
        assertThat(a.rejectMessage()).contains("request_type must be \"query\""));
    SignedIngress q = query("counter", 60 * S);
    byte[] sig = q.signature();
    sig[0] ^= 1;
    SignedIngress forged = new SignedIngress(q.message(), q.senderPublicKeyDer(), sig);
    assertThat(service.submit(new QueryRequest(forged).encode(), S, 0)).hasValueSatisfying(a ->
        assertThat(a.rejectMessage()).startsWith("invalid query"));
    assertThat(service.submit(new QueryRequest(q).encode(), 61 * S, 0)).hasValueSatisfying(a ->
        assertThat(a.rejectMessage()).startsWith("invalid query"));
    assertThat(service.hasPending()).isFalse();
  }

  @Test
  void aQueryIsNotRunOnAStateTheCertificationDoesNotSpeakFor() {
    executeBlock(1, List.of());
    CertifiedState atOne = certifyCurrentState();
    executeBlock(2, List.of());
    assertThatThrownBy(() -> new QueryService().answer(state, atOne, Optional.empty(), subnet))
        .hasMessageContaining("not the certified one");
  }

  @Test
  void aSignedQueryPutInABlockIsRejectedAndNeverExecutedAsAnUpdateCall() {
    SignedIngress q = query("counter", 60 * S);
    var outcome = subnet.executor().execute(state, 1, S, new byte[32],
        List.of(new PayloadItem.Ingress(q).encode()));
    assertThat(outcome.rejectedItems()).singleElement().asString().contains("is a query");
    assertThat(state.requestStatus(q.message().requestId())).isNull();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aQueryRequestIsTheTagQThenTheEnvelope() {
    SignedIngress q = query("counter", 2 * S + 60 * S);
    byte[] b = new QueryRequest(q).encode();
    byte[] body = dev.subnetsim.replica.payload.IngressEnvelope.encode(q);
    assertThat(b[0]).isEqualTo((byte) 0x51);
    assertThat(java.util.Arrays.copyOfRange(b, 1, b.length)).isEqualTo(body);
    assertThat(QueryRequest.decode(b).signed().message().isQuery()).isTrue();
  }
}
