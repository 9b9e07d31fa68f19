package dev.subnetsim.chainkey.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.artifacts.ArtifactOrigin;
import dev.subnetsim.chainkey.artifacts.BlsArtifact;
import dev.subnetsim.chainkey.artifacts.ChainKeyArtifact;
import dev.subnetsim.chainkey.artifacts.EcdhArtifact;
import dev.subnetsim.chainkey.artifacts.EcdhCurve;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ecdh.EcdhGroup;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.security.KeyFactory;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.List;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;
import supranational.blst.P1;
import supranational.blst.P2;
import supranational.blst.SecretKey;

/**
 * Artifacts made by the single-party Java libraries the threshold code is built on (jblst, the
 * JDK's JCA) verify in Node, and tampered copies do not. This pins the encodings and the
 * Java-to-Node path, so a failing threshold interop test points at the threshold code.
 */
class LibraryBaselineInteropTest {
  private static final ArtifactOrigin ORIGIN = new ArtifactOrigin("baseline", 1, "test");
  private static final String CALLER = "rdmx6-jaaaa-aaaaa-aaadq-cai";
  private static final List<byte[]> PATH = List.of(new byte[] {1});

  /** The caller's key: IC key derivation of the JCA-made master key for (CALLER, PATH). */
  private static EcPoint derived(EcPoint master) {
    return IcKeyDerivation.derive(master, DerivationPath.forCanister(
        Principal.fromText(CALLER).toBytes(), PATH)).publicKey();
  }

  @Test
  void jblstMinSigSignatureVerifiesInNobleAndTamperedCopiesDoNot() {
    SecretKey sk = new SecretKey();
    byte[] ikm = new byte[32];
    SeededRandom.fromSeed(1).nextBytes(ikm);
    sk.keygen(ikm);
    byte[] message = "beacon 1".getBytes(StandardCharsets.UTF_8);
    byte[] signature =
        new P1().hash_to(message, DomainSeparators.BLS_SIG_DST).sign_with(sk).compress();
    byte[] publicKey = new P2(sk).compress();
    BlsArtifact valid = new BlsArtifact(ORIGIN, Bytes.of(publicKey), Bytes.of(message),
        Bytes.of(signature), DomainSeparators.BLS_SIG_DST);

    SecretKey other = new SecretKey();
    other.keygen(new byte[32]);
    List<ChainKeyArtifact> artifacts = List.of(
        valid,
        new BlsArtifact(ORIGIN, valid.publicKey(), valid.message(),
            Bytes.of(Tamper.flipBit(signature, 47, 0)), valid.dst()),
        new BlsArtifact(ORIGIN, valid.publicKey(), Bytes.of("beacon 2".getBytes(StandardCharsets.UTF_8)),
            valid.signature(), valid.dst()),
        new BlsArtifact(ORIGIN, Bytes.of(new P2(other).compress()), valid.message(),
            valid.signature(), valid.dst()));
    NodeHarness.Verification v = NodeHarness.locate().verify(artifacts);
    assertThat(v.line(1).ok()).as(v.output()).isTrue();
    assertThat(v.lines().subList(1, 4)).as(v.output()).noneMatch(NodeHarness.LineResult::ok);
  }

  @Test
  void jcaEcdhSecretsMatchTheNoblePeerOnP256AndX25519() throws Exception {
    SeededRandom random = SeededRandom.fromSeed(2);
    List<EcdhArtifact> valid = List.of(p256(random.fork("p256")), x25519(random.fork("x25519")));
    List<ChainKeyArtifact> all = new java.util.ArrayList<>(valid);
    for (EcdhArtifact a : valid) {
      all.add(new EcdhArtifact(ORIGIN, a.curve(), a.subnetPublicKey(), a.canisterId(),
          a.derivationPath(), a.publicKey(), a.peerPublicKey(), a.peerPrivateKey(),
          Bytes.of(Tamper.flipBit(a.sharedSecret().toArray(), 0, 3))));
    }
    NodeHarness.Verification v = NodeHarness.locate().verify(all);
    assertThat(v.lines()).extracting(NodeHarness.LineResult::ok).as(v.output())
        .containsExactly(true, true, false, false);
  }

  private static EcdhArtifact p256(SeededRandom random) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), random);
    KeyPair subnet = g.generateKeyPair();
    KeyPair peer = g.generateKeyPair();
    byte[] master = compress((ECPublicKey) subnet.getPublic());
    EcPoint derived = derived(EcdhGroup.P256.decodePublicKey(master));
    KeyAgreement ka = KeyAgreement.getInstance("ECDH");
    ka.init(peer.getPrivate());
    ka.doPhase(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(
        derived.affineX(), derived.affineY()), ((ECPublicKey) subnet.getPublic()).getParams())), true);
    return new EcdhArtifact(ORIGIN, EcdhCurve.P256, Bytes.of(master), CALLER, Bytes.ofEach(PATH),
        Bytes.of(derived.encode()), Bytes.of(compress((ECPublicKey) peer.getPublic())),
        Bytes.of(fixed(((ECPrivateKey) peer.getPrivate()).getS(), 32)), Bytes.of(ka.generateSecret()));
  }

  private static EcdhArtifact x25519(SeededRandom random) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("XDH");
    g.initialize(NamedParameterSpec.X25519, random);
    KeyPair subnet = g.generateKeyPair();
    KeyPair peer = g.generateKeyPair();
    byte[] master = littleEndianU((XECPublicKey) subnet.getPublic());
    byte[] derived = derived(EcdhGroup.X25519.decodePublicKey(master)).montgomeryU();
    byte[] derivedBigEndian = new byte[32];
    for (int i = 0; i < 32; i++) {
      derivedBigEndian[i] = derived[31 - i];
    }
    KeyAgreement ka = KeyAgreement.getInstance("XDH");
    ka.init(peer.getPrivate());
    ka.doPhase(KeyFactory.getInstance("XDH").generatePublic(new XECPublicKeySpec(
        NamedParameterSpec.X25519, new BigInteger(1, derivedBigEndian))), true);
    byte[] peerScalar = ((XECPrivateKey) peer.getPrivate()).getScalar().orElseThrow();
    return new EcdhArtifact(ORIGIN, EcdhCurve.X25519, Bytes.of(master), CALLER, Bytes.ofEach(PATH),
        Bytes.of(derived), Bytes.of(littleEndianU((XECPublicKey) peer.getPublic())),
        Bytes.of(peerScalar), Bytes.of(ka.generateSecret()));
  }

  static byte[] compress(ECPublicKey key) {
    byte[] out = new byte[33];
    out[0] = (byte) (key.getW().getAffineY().testBit(0) ? 3 : 2);
    System.arraycopy(fixed(key.getW().getAffineX(), 32), 0, out, 1, 32);
    return out;
  }

  static byte[] fixed(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return out;
  }

  private static byte[] littleEndianU(XECPublicKey key) {
    byte[] be = fixed(key.getU(), 32);
    byte[] le = new byte[32];
    for (int i = 0; i < 32; i++) {
      le[i] = be[31 - i];
    }
    return le;
  }
}
