package dev.subnetsim.replica.payload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.SignatureScheme;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.ingress.UserKeyPair;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;

/**
 * What enters a replica's ingress pool: well-signed calls in their expiry window and workload
 * load; everything else is refused, and a replica relaying a forged or foreign message is at fault
 * while one relaying a message that expired by our clock is not.
 */
class IngressAdmissionTest {
  private static final long S = 1_000_000_000L;
  private static final LoadClient LOAD = LoadClient.fromSeed(5);
  private final UserKeyPair user = UserKeyPair.generate(SignatureScheme.ED25519,
      SeededRandom.fromSeed(21));

  private SignedIngress call(IngressMessage m) {
    return user.sign(m);
  }

  private IngressMessage put(long expiry) {
    return new IngressMessage(user.principal(), new CanisterId(0).toBytes(), "put",
        "k=v".getBytes(StandardCharsets.UTF_8), expiry, null);
  }

  @Test
  void aWellSignedCallInItsWindowAndSignedLoadAreAdmitted() {
    assertThat(IngressAdmission.check(new PayloadItem.Ingress(call(put(60 * S))).encode(), S,
        LOAD.verifier())).isEmpty();
    assertThat(IngressAdmission.check(LOAD.sign(PayloadItem.Workload.counter(1, 0)).encode(), S,
        LOAD.verifier())).isEmpty();
  }

  @Test
  void unsignedForgedOrForeignLoadIsRefusedAsTheRelaysFault() {
    PayloadItem.Workload genuine = LOAD.sign(PayloadItem.Workload.counter(1, 5 * S));
    PayloadItem.Workload backdated = new PayloadItem.Workload(1, 0, 0, "increment", new byte[0],
        genuine.signature());
    for (PayloadItem.Workload w : List.of(PayloadItem.Workload.counter(1, 0), backdated,
        LoadClient.fromSeed(6).sign(PayloadItem.Workload.counter(1, 0)))) {
      assertThat(IngressAdmission.check(w.encode(), S, LOAD.verifier()))
          .hasValueSatisfying(r -> {
            assertThat(r.reason()).contains("load not signed by the load client");
            assertThat(r.relayFault()).isTrue();
          });
    }
  }

  @Test
  void forgedMalformedQueryAndReplicaOnlyItemsAreRefusedAsTheRelaysFault() {
    SignedIngress ok = call(put(60 * S));
    byte[] sig = ok.signature();
    sig[0] ^= 1;
    var forged = IngressAdmission.check(new PayloadItem.Ingress(
        new SignedIngress(ok.message(), ok.senderPublicKeyDer(), sig)).encode(), S, LOAD.verifier());
    assertThat(forged).hasValueSatisfying(r -> {
      assertThat(r.reason()).contains("invalid signature");
      assertThat(r.relayFault()).isTrue();
    });
    assertThat(IngressAdmission.check(new byte[] {'I', 1}, S, LOAD.verifier()))
        .hasValueSatisfying(r -> assertThat(r.relayFault()).isTrue());
    SignedIngress query = call(IngressMessage.query(user.principal(), new CanisterId(0).toBytes(),
        "get", new byte[0], 60 * S, null));
    assertThat(IngressAdmission.check(new PayloadItem.Ingress(query).encode(), S,
        LOAD.verifier()))
        .hasValueSatisfying(r -> assertThat(r.reason()).contains("query"));
    byte[] response = new PayloadItem.ChainKeyResponse(1, new TreeMap<>(java.util.Map.of(0,
        new byte[] {1}))).encode();
    assertThat(IngressAdmission.check(response, S, LOAD.verifier())).hasValueSatisfying(r -> {
      assertThat(r.reason()).contains("ChainKeyResponse");
      assertThat(r.relayFault()).isTrue();
    });
  }

  @Test
  void anExpiredCallIsRefusedWithoutBlamingWhoeverRelayedIt() {
    for (long now : List.of(61 * S, 0L - 400 * S)) {
      assertThat(IngressAdmission.check(new PayloadItem.Ingress(call(put(60 * S))).encode(), now,
          LOAD.verifier()))
          .hasValueSatisfying(r -> assertThat(r.relayFault()).isFalse());
    }
  }
}
