package dev.subnetsim.replica.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.certification.LookupResult;
import dev.subnetsim.chainkey.ic.IcDomain;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.state.CertifiedStateTree;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node's signing key: the same from the same seed, a 44-byte DER Ed25519 key whose
 * self-authenticating principal is the node id, signatures over the "ic-response" domain, and its
 * place in the certified tree at /subnet/<id>/node/<node>/public_key.
 */
class NodeSigningKeyTest {

  @Test
  void theSameSeedGivesTheSameKeyAndOthersDiffer() {
    NodeSigningKey a = NodeSigningKey.generate(SeededRandom.fromSeed(1).fork("n1"));
    NodeSigningKey again = NodeSigningKey.generate(SeededRandom.fromSeed(1).fork("n1"));
    NodeSigningKey other = NodeSigningKey.generate(SeededRandom.fromSeed(1).fork("n2"));
    assertThat(a.publicKeyDer()).hasSize(44).isEqualTo(again.publicKeyDer())
        .isNotEqualTo(other.publicKeyDer());
    assertThat(a.nodeId()).isEqualTo(Principal.selfAuthenticating(a.publicKeyDer()));
  }

  @Test
  void signsTheResponseHashUnderTheIcResponseDomain() throws Exception {
    NodeSigningKey key = NodeSigningKey.generate(SeededRandom.fromSeed(2));
    byte[] hash = new byte[32];
    hash[0] = 7;
    byte[] sig = key.signResponse(hash);
    Signature v = Signature.getInstance("Ed25519");
    v.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
        new X509EncodedKeySpec(key.publicKeyDer())));
    v.update(IcDomain.prefixed("ic-response", hash));
    assertThat(v.verify(sig)).isTrue();
    v.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
        new X509EncodedKeySpec(key.publicKeyDer())));
    v.update(IcDomain.prefixed("ic-request", hash));
    assertThat(v.verify(sig)).as("another domain").isFalse();
  }

  @Test
  void theCertifiedTreePublishesTheKeyUnderTheSubnetsNodeAndOnlyWhenRegistered() {
    NodeSigningKey key = NodeSigningKey.generate(SeededRandom.fromSeed(3));
    Principal subnet = Principal.fromBytes(new byte[] {9});
    var with = new CertifiedStateTree.SubnetEntry(subnet, new byte[96], List.of(),
        List.of(key.registryEntry()));
    var without = new CertifiedStateTree.SubnetEntry(subnet, new byte[96], List.of());
    List<byte[]> path = List.of(utf8("subnet"), subnet.toBytes(), utf8("node"),
        key.nodeId().toBytes(), utf8("public_key"));
    assertThat(new CertifiedStateTree(0, Map.of(), Map.of(), List.of(with)).build().lookup(path))
        .isEqualTo(new LookupResult.Found(key.publicKeyDer()));
    assertThat(new CertifiedStateTree(0, Map.of(), Map.of(), List.of(without)).build()
        .lookup(path)).isNotInstanceOf(LookupResult.Found.class);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
