package dev.subnetsim.app.gateway;

import static dev.subnetsim.app.gateway.Envelopes.utf8;
import static dev.subnetsim.app.gateway.GatewayHttp.SECOND;
import static dev.subnetsim.app.gateway.GatewayHttp.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateVerifier;
import dev.subnetsim.chainkey.certification.LookupResult;
import dev.subnetsim.chainkey.ic.IcDomain;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.ic.RepresentationIndependentHash;
import dev.subnetsim.chainkey.ic.RepresentationIndependentHash.Value;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.ingress.IngressMessage;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Node keys and node-signed queries (interface spec, "Query call", "Subnet information"): every
 * node's Ed25519 key is certified at {@code /subnet/<id>/node/<node>/public_key} (DER), and a
 * v2 or v3 query's response carries the answering node's signature over the domain-separated
 * hash of the response, which verifies under that key and fails for any other response.
 */
@MicronautTest(environments = LiveWorldFixture.ENV)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeSignedQueryTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  IcGateway gateway;

  private final Envelopes alice = new Envelopes(11);
  private GatewayHttp http;
  private byte[] rootKey;
  private String counter;
  private String appSubnet;

  @BeforeAll
  void worldCertifiesItsFirstState() throws InterruptedException {
    http = new GatewayHttp(client, gateway);
    counter = LiveWorldFixture.counter("app");
    appSubnet = http.subnetId("app");
    rootKey = bytes(GatewayHttp.cbor(http.get("/api/v2/status").body()), "root_key");
    http.awaitCertifiedState(counter, alice);
  }

  @Test
  void everyNodeOfTheSubnetHasItsDerEd25519KeyCertifiedUnderItsSelfAuthenticatingId()
      throws Exception {
    Set<Principal> ids = new HashSet<>();
    for (NodeId node : gateway.session().run().topology().members(new SubnetId("app"))) {
      var key = gateway.session().run().factory().signingKey(node).orElseThrow();
      byte[] der = nodeKey(key.nodeId());
      assertThat(der).hasSize(44).isEqualTo(key.publicKeyDer());
      assertThat(key.nodeId()).isEqualTo(Principal.selfAuthenticating(der));
      ids.add(key.nodeId());
    }
    assertThat(ids).as("distinct keys").hasSize(4);
  }

  @Test
  void v2AndV3RepliesAreSignedByTheAnsweringNodeOverTheResponseHash() throws Exception {
    for (String version : List.of("v2", "v3")) {
      IngressMessage m = alice.query(canister(counter), "counter", new byte[0], http.now());
      Map<String, CborValue> body = http.postCbor("/api/" + version + "/canister/" + counter
          + "/query", alice.signed(m));
      assertThat(body.get("status")).isEqualTo(new CborValue.Text("replied"));
      byte[] arg = bytes(((CborValue.MapValue) body.get("reply")).entries(), "arg");
      Map<String, CborValue> sig = onlySignature(body);
      long timestamp = ((CborValue.UInt) sig.get("timestamp")).value();
      assertThat(timestamp).isBetween(http.now() - 60 * SECOND, http.now());
      Map<String, Value> signed = new LinkedHashMap<>();
      signed.put("status", RepresentationIndependentHash.text("replied"));
      signed.put("reply", new RepresentationIndependentHash.MapValue(Map.of("arg",
          RepresentationIndependentHash.blob(arg))));
      signed.put("timestamp", RepresentationIndependentHash.nat(timestamp));
      signed.put("request_id", RepresentationIndependentHash.blob(m.requestId()));
      PublicKey key = nodePublicKey(Principal.fromBytes(bytes(sig, "identity")));
      assertThat(verifies(key, signed, bytes(sig, "signature"))).as(version).isTrue();
      // Another reply does not verify.
      byte[] other = arg.clone();
      other[other.length - 1] ^= 1;
      signed.put("reply", new RepresentationIndependentHash.MapValue(Map.of("arg",
          RepresentationIndependentHash.blob(other))));
      assertThat(verifies(key, signed, bytes(sig, "signature"))).isFalse();
    }
  }

  @Test
  void rejectionsAreSignedOverStatusCodesMessageAndErrorCode() throws Exception {
    IngressMessage m = alice.query(canister(counter), "get", utf8("no-such-key"), http.now());
    Map<String, CborValue> body = http.postCbor("/api/v3/canister/" + counter + "/query",
        alice.signed(m));
    assertThat(body.get("status")).isEqualTo(new CborValue.Text("rejected"));
    Map<String, CborValue> sig = onlySignature(body);
    Map<String, Value> signed = new LinkedHashMap<>();
    signed.put("status", RepresentationIndependentHash.text("rejected"));
    signed.put("reject_code", RepresentationIndependentHash.nat(
        ((CborValue.UInt) body.get("reject_code")).value()));
    signed.put("reject_message", RepresentationIndependentHash.text(
        ((CborValue.Text) body.get("reject_message")).value()));
    signed.put("error_code", RepresentationIndependentHash.text(
        ((CborValue.Text) body.get("error_code")).value()));
    signed.put("timestamp", RepresentationIndependentHash.nat(
        ((CborValue.UInt) sig.get("timestamp")).value()));
    signed.put("request_id", RepresentationIndependentHash.blob(m.requestId()));
    PublicKey key = nodePublicKey(Principal.fromBytes(bytes(sig, "identity")));
    assertThat(verifies(key, signed, bytes(sig, "signature"))).isTrue();
  }

  private static Map<String, CborValue> onlySignature(Map<String, CborValue> body) {
    List<CborValue> sigs = ((CborValue.Array) body.get("signatures")).items();
    assertThat(sigs).hasSize(1);
    return ((CborValue.MapValue) sigs.get(0)).entries();
  }

  /** The node's DER key, from a verified certificate of the canister's read_state. */
  private byte[] nodeKey(Principal node) throws Exception {
    List<byte[]> path = List.of(utf8("subnet"), Principal.fromText(appSubnet).toBytes(),
        utf8("node"), node.toBytes(), utf8("public_key"));
    Map<String, CborValue> body = http.postCbor("/api/v2/canister/" + counter + "/read_state",
        alice.readState(List.of(path), http.now()));
    Certificate cert = CertificateVerifier.jblst().verify(bytes(body, "certificate"), rootKey,
        Principal.fromText(counter));
    LookupResult found = cert.tree().lookup(path);
    assertThat(found).isInstanceOf(LookupResult.Found.class);
    return ((LookupResult.Found) found).bytes().toArray();
  }

  private PublicKey nodePublicKey(Principal node) throws Exception {
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
        nodeKey(node)));
  }

  private static boolean verifies(PublicKey key, Map<String, Value> response, byte[] sig)
      throws Exception {
    Signature s = Signature.getInstance("Ed25519");
    s.initVerify(key);
    s.update(IcDomain.prefixed("ic-response", RepresentationIndependentHash.hashOfMap(response)));
    return s.verify(sig);
  }

  private static byte[] canister(String text) {
    return Principal.fromText(text).toBytes();
  }
}
