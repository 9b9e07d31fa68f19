package dev.subnetsim.chainkey.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.certification.CertificateVerificationException.Reason;
import dev.subnetsim.chainkey.ic.Principal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Interface spec, "Canister signatures", with real BLS keys (jblst). */
class CanisterSignatureTest {

  private static final HexFormat HEX = HexFormat.of();
  private static CertificationFixtures.Fixture fx;
  private final CanisterSignatureVerifier verifier = CanisterSignatureVerifier.jblst();

  @BeforeAll
  static void fixtures() {
    fx = CertificationFixtures.fromSeed(7);
  }

  private static void failsWith(Reason reason, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(CertificateVerificationException.class)
        .satisfies(e -> assertThat(((CertificateVerificationException) e).reason()).isEqualTo(reason));
  }

  @Test
  void publicKeyDerMatchesKnownEncodings() {
    // Encodings given in Internet Identity's sources for (aaaaa-aa, "0") and (0x01020304, "123").
    assertThat(HEX.formatHex(new CanisterSigPublicKey(Principal.managementCanister(), "0".getBytes(StandardCharsets.US_ASCII)).toDer()))
        .isEqualTo("3013300c060a2b0601040183b84301020303000030");
    CanisterSigPublicKey k = new CanisterSigPublicKey(Principal.fromBytes(new byte[] {1, 2, 3, 4}), "123".getBytes(StandardCharsets.US_ASCII));
    assertThat(HEX.formatHex(k.toDer())).isEqualTo("3019300c060a2b0601040183b84301020309000401020304313233");
    assertThat(CanisterSigPublicKey.fromDer(k.toDer())).isEqualTo(k);
  }

  @Test
  void malformedPublicKeyDerIsRejected() {
    byte[] der = fx.canisterSigPublicKeyDer();
    byte[] badOid = der.clone();
    badOid[15] ^= 1;
    assertThatThrownBy(() -> CanisterSigPublicKey.fromDer(badOid)).isInstanceOf(MalformedDerKeyException.class)
        .hasMessageContaining("OID");
    byte[] badLen = der.clone();
    badLen[1]++;
    assertThatThrownBy(() -> CanisterSigPublicKey.fromDer(badLen)).isInstanceOf(MalformedDerKeyException.class);
    byte[] cidTooLong = der.clone();
    cidTooLong[19] = (byte) 100;
    assertThatThrownBy(() -> CanisterSigPublicKey.fromDer(cidTooLong)).isInstanceOf(MalformedDerKeyException.class)
        .hasMessageContaining("canister id length");
  }

  @Test
  void canisterSignaturesOnDelegatedAndRootCertificatesVerify() throws Exception {
    verifier.verify(fx.canisterSigPublicKeyDer(), fx.canisterSigMessage(), fx.canisterSignature(), fx.rootKeyDer());
    verifier.verify(fx.canisterSigPublicKeyDer(), fx.canisterSigMessage(), fx.canisterSignatureRootCertified(), fx.rootKeyDer());
    CanisterSignature decoded = CanisterSignature.decode(fx.canisterSignature());
    assertThat(HEX.formatHex(fx.canisterSignature())).startsWith("d9d9f7a2"); // 55799({certificate, tree})
    assertThat(decoded.encode()).isEqualTo(fx.canisterSignature());
    assertThat(decoded.tree().digest()).isEqualTo(fx.issuer().certifiedData());
    // The witness reveals only the requested signature: the other user's entry is pruned.
    assertThat(decoded.tree().lookup(java.util.List.of("sig".getBytes(),
        CanisterSignatureVerifier.sha256("another user".getBytes(StandardCharsets.UTF_8)),
        CanisterSignatureVerifier.sha256(fx.canisterSigMessage())))).isInstanceOf(LookupResult.Unknown.class);
  }

  @Test
  void wrongSeedIsRejected() {
    byte[] otherKey = fx.issuer().publicKey("not the user".getBytes(StandardCharsets.UTF_8)).toDer();
    failsWith(Reason.SIGNATURE_NOT_IN_TREE,
        () -> verifier.verify(otherKey, fx.canisterSigMessage(), fx.canisterSignature(), fx.rootKeyDer()));
  }

  @Test
  void wrongMessageIsRejected() {
    byte[] msg = fx.canisterSigMessage().clone();
    msg[msg.length - 1] ^= 1;
    failsWith(Reason.SIGNATURE_NOT_IN_TREE,
        () -> verifier.verify(fx.canisterSigPublicKeyDer(), msg, fx.canisterSignature(), fx.rootKeyDer()));
  }

  @Test
  void certifiedDataMismatchIsRejected() {
    // The canister records a further signature; its tree no longer matches the certified data.
    CanisterSignatureIssuer later = new CanisterSignatureIssuer(fx.canisterId());
    later.add(fx.canisterSigSeed(), fx.canisterSigMessage());
    later.add("new".getBytes(StandardCharsets.UTF_8), "m".getBytes(StandardCharsets.UTF_8));
    byte[] sig = later.signature(fx.delegatedCertificate().encode(), fx.canisterSigSeed(), fx.canisterSigMessage());
    failsWith(Reason.CERTIFIED_DATA_MISMATCH,
        () -> verifier.verify(fx.canisterSigPublicKeyDer(), fx.canisterSigMessage(), sig, fx.rootKeyDer()));
  }

  @Test
  void certificateOfAnotherCanisterIsRejected() {
    // A valid certificate, but the key names a canister without certified data in it.
    Principal other = dev.subnetsim.chainkey.ic.CanisterIds.fromIndex(CertificationFixtures.RANGE_START_INDEX + 99_999);
    byte[] key = new CanisterSigPublicKey(other, fx.canisterSigSeed()).toDer();
    failsWith(Reason.MISSING_CERTIFIED_DATA,
        () -> verifier.verify(key, fx.canisterSigMessage(), fx.canisterSignature(), fx.rootKeyDer()));
  }

  @Test
  void signingCanisterOutsideTheDelegatedRangesIsRejected() {
    CanisterSignatureIssuer outside = new CanisterSignatureIssuer(fx.canisterOutsideRanges());
    outside.add(fx.canisterSigSeed(), fx.canisterSigMessage());
    Certificate c = CertificateBuilder.certify(
        CertificationFixtures.stateTree(fx.canisterOutsideRanges(), outside.certifiedData(), fx.timeNanos()),
        fx.subnetSigner(), Optional.of(fx.delegation()));
    byte[] sig = outside.signature(c.encode(), fx.canisterSigSeed(), fx.canisterSigMessage());
    failsWith(Reason.CANISTER_NOT_IN_RANGES, () -> verifier.verify(
        outside.publicKey(fx.canisterSigSeed()).toDer(), fx.canisterSigMessage(), sig, fx.rootKeyDer()));
  }

  @Test
  void tamperedCertificateInsideTheSignatureIsRejected() {
    CanisterSignature s = CanisterSignature.decode(fx.canisterSignature());
    Certificate cert = Certificate.decode(s.certificate());
    byte[] sig = cert.signature();
    sig[5] ^= 1;
    byte[] tampered = new CanisterSignature(new Certificate(cert.tree(), sig, cert.delegation()).encode(), s.tree()).encode();
    assertThat(verifier.isValid(fx.canisterSigPublicKeyDer(), fx.canisterSigMessage(), tampered, fx.rootKeyDer())).isFalse();
    failsWith(Reason.MALFORMED, () -> verifier.verify(fx.canisterSigPublicKeyDer(), fx.canisterSigMessage(),
        HEX.parseHex("d9d9f7a164747265658100"), fx.rootKeyDer()));
  }

  @Test
  void bitFlipsAnywhereInTheSignatureAreRejected() {
    byte[] sig = fx.canisterSignature();
    for (int i = 0; i < sig.length; i += 3) {
      byte[] flipped = sig.clone();
      flipped[i] ^= (byte) (1 << (i % 8));
      assertThat(verifier.isValid(fx.canisterSigPublicKeyDer(), fx.canisterSigMessage(), flipped, fx.rootKeyDer()))
          .as("bit flip at byte %d", i).isFalse();
    }
  }
}
