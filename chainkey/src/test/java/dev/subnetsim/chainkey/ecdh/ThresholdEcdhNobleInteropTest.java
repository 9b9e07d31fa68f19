package dev.subnetsim.chainkey.ecdh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.artifacts.ArtifactOrigin;
import dev.subnetsim.chainkey.artifacts.EcdhArtifact;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.artifacts.EcdhCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcShamir;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.interop.NodeHarness;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;

/**
 * Threshold ECDH results checked by someone else's code: the Node harness recomputes the shared
 * secret as the peer would, with noble's getSharedSecret (p256, secp256k1, x25519) from the
 * peer's private key and the caller's derived public key, which it re-derives from the subnet's
 * master key (ic-pub-key, its P-256 transcription, ic-pub-key's Ed25519 rule for X25519). Byzantine shares are in the mix (rejected by
 * the combiner); tampered artifacts fail in Node.
 */
class ThresholdEcdhNobleInteropTest {
  private static final ArtifactOrigin ORIGIN = new ArtifactOrigin("ecdh-interop", 1, "test_key_1");
  private static final byte[] CANISTER = {0, 0, 0, 0, 0, 0, 0, 9, 1, 1};
  private static final List<byte[]> PATH = List.of(new byte[] {'m', 'd', 'l'});

  private static EcdhArtifact run(EcdhGroup group, long seed) {
    SeededRandom rng = SeededRandom.fromSeed(seed);
    EcShamir.Dealt key = EcShamir.deal(EcScalar.random(group.curve(), rng.fork("key")), 5, 13, rng.fork("dealer"));
    byte[] peerPrivate = new byte[32];
    byte[] peerPublic;
    if (group == EcdhGroup.X25519) {
      rng.fork("peer").nextBytes(peerPrivate);
      peerPublic = new byte[32];
      X25519.scalarMultBase(peerPrivate, 0, peerPublic, 0); // Bouncy Castle's RFC 7748 code
    } else {
      EcScalar d = EcScalar.randomNonZero(group.curve(), rng.fork("peer"));
      peerPrivate = d.toBytes();
      peerPublic = EcPoint.mulGenerator(d).encode();
    }
    CallerEcdhKey caller = CallerEcdhKey.derive(key.publicKey(), CANISTER, PATH);
    List<DhShare> shares = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      DhShare s = ThresholdEcdh.createShare(caller.publicKey(), caller.share(key.shares().get(i)), peerPublic, rng);
      if (i < 4) { // f = 4 Byzantine nodes send wrong points
        s = new DhShare(i, s.share().add(group.curve().generator()), s.proof());
      }
      shares.add(s);
    }
    CombinedDh c = ThresholdEcdh.combine(caller.publicKey(), peerPublic, shares);
    assertThat(c.rejectedNodes()).containsExactly(0, 1, 2, 3);
    EcdhCurve curve = switch (group) {
      case P256 -> EcdhCurve.P256;
      case SECP256K1 -> EcdhCurve.SECP256K1;
      case X25519 -> EcdhCurve.X25519;
    };
    return new EcdhArtifact(ORIGIN, curve, Bytes.of(ThresholdEcdh.subnetPublicKey(key.publicKey())),
        Principal.fromBytes(CANISTER).toText(), Bytes.ofEach(PATH), Bytes.of(caller.wirePublicKey()),
        Bytes.of(peerPublic), Bytes.of(peerPrivate), Bytes.of(ThresholdEcdh.sharedSecret(caller.publicKey(), c)));
  }

  @Test
  void nobleRecomputesEveryThresholdSharedSecretAndRejectsTamperedOnes() {
    List<EcdhArtifact> valid = new ArrayList<>();
    for (EcdhGroup g : EcdhGroup.values()) {
      valid.add(run(g, 100 + g.ordinal()));
    }
    List<EcdhArtifact> all = new ArrayList<>(valid);
    for (EcdhArtifact a : valid) {
      byte[] secret = a.sharedSecret().toArray();
      secret[7] ^= 1;
      all.add(new EcdhArtifact(a.origin(), a.curve(), a.subnetPublicKey(), a.canisterId(), a.derivationPath(),
          a.publicKey(), a.peerPublicKey(), a.peerPrivateKey(), Bytes.of(secret)));
      // The master key's product, as every caller got it before keys were derived per caller.
      all.add(new EcdhArtifact(a.origin(), a.curve(), a.subnetPublicKey(), a.canisterId(), a.derivationPath(),
          a.subnetPublicKey(), a.peerPublicKey(), a.peerPrivateKey(), a.sharedSecret()));
    }
    NodeHarness.Verification v = NodeHarness.locate().verify(all);
    for (int i = 1; i <= valid.size(); i++) {
      assertThat(v.line(i).ok()).as("line %d: %s", i, v.line(i).detail()).isTrue();
      assertThat(v.line(i).detail()).contains("getSharedSecret");
    }
    for (int i = valid.size() + 1; i <= all.size(); i++) {
      assertThat(v.line(i).ok()).as("tampered line %d", i).isFalse();
    }
  }
}
