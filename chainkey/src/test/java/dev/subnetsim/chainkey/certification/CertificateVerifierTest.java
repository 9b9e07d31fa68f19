package dev.subnetsim.chainkey.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls.KeyPair;
import dev.subnetsim.chainkey.certification.CertificateVerificationException.Reason;
import dev.subnetsim.chainkey.ic.CanisterIds;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Interface spec, "Certification" and "Delegation", with real BLS keys (jblst). */
class CertificateVerifierTest {

  private static CertificationFixtures.Fixture fx;
  private static KeyPair stranger;
  private final CertificateVerifier verifier = CertificateVerifier.jblst();

  @BeforeAll
  static void fixtures() {
    fx = CertificationFixtures.fromSeed(42);
    stranger = KeyPair.generate(SeededRandom.fromSeed(99).fork("stranger"));
  }

  private static void failsWith(Reason reason, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(CertificateVerificationException.class)
        .satisfies(e -> assertThat(((CertificateVerificationException) e).reason()).isEqualTo(reason));
  }

  @Test
  void rootSignedCertificateVerifies() throws Exception {
    Certificate c = verifier.verify(fx.rootCertificate().encode(), fx.rootKeyDer(), fx.canisterId());
    assertThat(c.time()).hasValue(CertificationFixtures.TIME_NANOS);
    assertThat(c.lookup("canister", "x")).isInstanceOf(LookupResult.Absent.class);
  }

  @Test
  void delegatedCertificateVerifiesForACanisterInTheSubnetsRanges() throws Exception {
    verifier.verify(fx.delegatedCertificate().encode(), fx.rootKeyDer(), fx.canisterId());
    verifier.verify(fx.delegatedCertificate(), fx.rootKeyDer(),
        CanisterIds.fromIndex(CertificationFixtures.RANGE_END_INDEX)); // closed interval
  }

  @Test
  void encodingRoundTripsWithAndWithoutTheSelfDescribeTag() {
    byte[] enc = fx.delegatedCertificate().encode();
    assertThat(HexFormat.of().formatHex(enc)).startsWith("d9d9f7a3647472656583"); // 55799({"tree": [..
    assertThat(Certificate.decode(enc)).isEqualTo(fx.delegatedCertificate());
    byte[] untagged = java.util.Arrays.copyOfRange(enc, 3, enc.length);
    assertThat(Certificate.decode(untagged)).isEqualTo(fx.delegatedCertificate());
    assertThat(Certificate.decode(fx.rootCertificate().encode()).delegation()).isEmpty();
  }

  @Test
  void tamperedTreeIsRejected() {
    HashTree other = CertificationFixtures.stateTree(fx.canisterId(), new byte[32], fx.timeNanos());
    Certificate forged = new Certificate(other, fx.rootCertificate().signature(), Optional.empty());
    failsWith(Reason.INVALID_SIGNATURE, () -> verifier.verify(forged, fx.rootKeyDer(), fx.canisterId()));
    Certificate forgedDelegated = new Certificate(other, fx.delegatedCertificate().signature(),
        fx.delegatedCertificate().delegation());
    failsWith(Reason.INVALID_SIGNATURE, () -> verifier.verify(forgedDelegated, fx.rootKeyDer(), fx.canisterId()));
  }

  @Test
  void wrongSignatureIsRejected() {
    HashTree tree = fx.rootCertificate().tree();
    byte[] sigOnOtherMessage = CertificationFixtures.signer(fx.rootKey()).sign(StateRootMessage.of(new byte[32]));
    failsWith(Reason.INVALID_SIGNATURE, () -> verifier.verify(
        new Certificate(tree, sigOnOtherMessage, Optional.empty()), fx.rootKeyDer(), fx.canisterId()));
    byte[] garbage = new byte[48];
    failsWith(Reason.INVALID_SIGNATURE, () -> verifier.verify(
        new Certificate(tree, garbage, Optional.empty()), fx.rootKeyDer(), fx.canisterId()));
  }

  @Test
  void wrongRootKeyIsRejected() {
    byte[] strangerDer = BlsKeyDer.encode(stranger.publicKey());
    failsWith(Reason.INVALID_SIGNATURE, () -> verifier.verify(fx.rootCertificate(), strangerDer, fx.canisterId()));
    failsWith(Reason.INVALID_DELEGATION, () -> verifier.verify(fx.delegatedCertificate(), strangerDer, fx.canisterId()));
    // The subnet key is not the root key: the subnet's certificate alone does not verify as root-signed.
    Certificate noDelegation = new Certificate(fx.delegatedCertificate().tree(), fx.delegatedCertificate().signature(), Optional.empty());
    failsWith(Reason.INVALID_SIGNATURE, () -> verifier.verify(noDelegation, fx.rootKeyDer(), fx.canisterId()));
  }

  @Test
  void delegationDoesNotCoverACanisterOutsideItsRanges() {
    failsWith(Reason.CANISTER_NOT_IN_RANGES,
        () -> verifier.verify(fx.delegatedCertificate(), fx.rootKeyDer(), fx.canisterOutsideRanges()));
    failsWith(Reason.CANISTER_NOT_IN_RANGES, () -> verifier.verify(fx.delegatedCertificate(), fx.rootKeyDer(),
        CanisterIds.fromIndex(CertificationFixtures.RANGE_END_INDEX + 1)));
  }

  @Test
  void nestedDelegationIsRejected() {
    // A "delegation certificate" that itself carries a delegation (even one that verifies).
    CertificateDelegation nested = new CertificateDelegation(fx.subnetId(), fx.delegatedCertificate().encode());
    Certificate outer = CertificateBuilder.certify(fx.delegatedCertificate().tree(), fx.subnetSigner(), Optional.of(nested));
    failsWith(Reason.NESTED_DELEGATION, () -> verifier.verify(outer, fx.rootKeyDer(), fx.canisterId()));
  }

  @Test
  void delegationCertificateSignedByTheWrongKeyIsRejected() {
    CertificateDelegation selfMade = CertificateBuilder.delegation(fx.subnetId(), fx.subnetKey().publicKey().toBytes(),
        fx.ranges(), fx.timeNanos(), CertificationFixtures.signer(stranger));
    Certificate c = CertificateBuilder.certify(fx.delegatedCertificate().tree(), fx.subnetSigner(), Optional.of(selfMade));
    failsWith(Reason.INVALID_DELEGATION, () -> verifier.verify(c, fx.rootKeyDer(), fx.canisterId()));
  }

  @Test
  void certificateSignedByAnotherKeyThanTheDelegatedSubnetKeyIsRejected() {
    Certificate c = CertificateBuilder.certify(fx.delegatedCertificate().tree(),
        CertificationFixtures.signer(stranger), fx.delegatedCertificate().delegation());
    failsWith(Reason.INVALID_SIGNATURE, () -> verifier.verify(c, fx.rootKeyDer(), fx.canisterId()));
  }

  @Test
  void delegationForAnotherSubnetIdHasNoKeyOrRanges() {
    Principal otherSubnet = Principal.fromBytes(new byte[] {9, 2});
    CertificateDelegation d = new CertificateDelegation(otherSubnet, fx.delegation().certificate());
    Certificate c = CertificateBuilder.certify(fx.delegatedCertificate().tree(), fx.subnetSigner(), Optional.of(d));
    failsWith(Reason.MISSING_CANISTER_RANGES, () -> verifier.verify(c, fx.rootKeyDer(), fx.canisterId()));
  }

  @Test
  void shardedCanisterRangesOfNewerSpecVersionsAreAccepted() throws Exception {
    byte[] subnet = fx.subnetId().toBytes();
    List<CanisterRange> low = List.of(new CanisterRange(CanisterIds.fromIndex(0), CanisterIds.fromIndex(9)));
    HashTree tree = new HashTreeBuilder()
        .put(CanisterRanges.encode(low), "canister_ranges", subnet, CanisterIds.fromIndex(0).toBytes())
        .put(CanisterRanges.encode(fx.ranges()), "canister_ranges", subnet, fx.ranges().get(0).start().toBytes())
        .put(BlsKeyDer.encode(fx.subnetKey().publicKey()), "subnet", subnet, "public_key")
        .put(CertificateBuilder.timeLeaf(fx.timeNanos()), "time")
        .build();
    Certificate rootCert = CertificateBuilder.certify(tree, fx.rootSigner(), Optional.empty());
    Certificate c = CertificateBuilder.certify(fx.delegatedCertificate().tree(), fx.subnetSigner(),
        Optional.of(new CertificateDelegation(fx.subnetId(), rootCert.encode())));
    verifier.verify(c, fx.rootKeyDer(), fx.canisterId());
    verifier.verify(c, fx.rootKeyDer(), CanisterIds.fromIndex(3));
    failsWith(Reason.CANISTER_NOT_IN_RANGES, () -> verifier.verify(c, fx.rootKeyDer(), CanisterIds.fromIndex(10)));
  }

  @Test
  void certificateWithoutTimeIsRejected() {
    HashTree noTime = new HashTreeBuilder().put(new byte[32], "canister", fx.canisterId().toBytes(), "certified_data").build();
    Certificate c = CertificateBuilder.certify(noTime, fx.rootSigner(), Optional.empty());
    failsWith(Reason.MISSING_TIME, () -> verifier.verify(c, fx.rootKeyDer(), fx.canisterId()));
  }

  @Test
  void rootKeyDerRoundTripsAndRejectsOtherPrefixesAndLengths() {
    byte[] der = fx.rootKeyDer();
    assertThat(der).hasSize(133);
    assertThat(BlsKeyDer.decode(der)).isEqualTo(fx.rootKey().publicKey().toBytes());
    byte[] badPrefix = der.clone();
    badPrefix[10] ^= 1;
    assertThatThrownBy(() -> BlsKeyDer.decode(badPrefix)).isInstanceOf(MalformedDerKeyException.class)
        .hasMessageContaining("prefix");
    assertThatThrownBy(() -> BlsKeyDer.decode(java.util.Arrays.copyOf(der, 132)))
        .isInstanceOf(MalformedDerKeyException.class).hasMessageContaining("133");
    failsWith(Reason.MALFORMED, () -> verifier.verify(fx.rootCertificate(), badPrefix, fx.canisterId()));
  }

  @Test
  void malformedCertificatesAreRejectedAsMalformed() {
    failsWith(Reason.MALFORMED, () -> verifier.verify(HexFormat.of().parseHex("d9d9f7a0"), fx.rootKeyDer(), fx.canisterId()));
    failsWith(Reason.MALFORMED, () -> verifier.verify(HexFormat.of().parseHex("d9d9f7"), fx.rootKeyDer(), fx.canisterId()));
    // {"tree": [0], "signature": h'', "extra": 0}
    assertThatThrownBy(() -> Certificate.decode(HexFormat.of().parseHex("a364747265658100697369676e61747572654065657874726100")))
        .isInstanceOf(MalformedCborException.class).hasMessageContaining("unknown field 'extra'");
    byte[] enc = fx.delegatedCertificate().encode();
    failsWith(Reason.MALFORMED, () -> verifier.verify(java.util.Arrays.copyOf(enc, enc.length - 1), fx.rootKeyDer(), fx.canisterId()));
  }

  @Test
  void canisterRangesEncodeAsTaggedPairsAndRoundTrip() {
    byte[] enc = CanisterRanges.encode(fx.ranges());
    assertThat(HexFormat.of().formatHex(enc)).startsWith("d9d9f781824a"); // 55799([[h'..10 bytes
    assertThat(CanisterRanges.decode(enc)).isEqualTo(fx.ranges());
    assertThatThrownBy(() -> CanisterRanges.decode(HexFormat.of().parseHex("818140")))
        .isInstanceOf(MalformedCborException.class).hasMessageContaining("pair");
  }

  @Test
  void fixturesAreDeterministicPerSeed() {
    CertificationFixtures.Fixture again = CertificationFixtures.fromSeed(42);
    CertificationFixtures.Fixture other = CertificationFixtures.fromSeed(43);
    assertThat(again.delegatedCertificate().encode()).isEqualTo(fx.delegatedCertificate().encode());
    assertThat(again.canisterSignature()).isEqualTo(fx.canisterSignature());
    assertThat(other.rootKeyDer()).isNotEqualTo(fx.rootKeyDer());
  }

  @Test
  void everySingleBitFlipOfADelegatedCertificateIsRejectedWithAVerificationError() {
    byte[] enc = fx.delegatedCertificate().encode();
    for (int i = 0; i < enc.length; i++) {
      byte[] flipped = enc.clone();
      flipped[i] ^= (byte) (1 << (i % 8));
      int at = i;
      assertThatThrownBy(() -> verifier.verify(flipped, fx.rootKeyDer(), fx.canisterId()))
          .as("bit flip at byte %d", at)
          .isInstanceOf(CertificateVerificationException.class);
    }
  }
}
