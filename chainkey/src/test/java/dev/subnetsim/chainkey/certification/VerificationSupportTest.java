package dev.subnetsim.chainkey.certification;

import static dev.subnetsim.chainkey.certification.HashTree.empty;
import static dev.subnetsim.chainkey.certification.HashTree.fork;
import static dev.subnetsim.chainkey.certification.HashTree.labeled;
import static dev.subnetsim.chainkey.certification.HashTree.leaf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.certification.CertificateVerificationException.Reason;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Freshness against a passed-in "now", the shared verification cache, and the spec's well_formed. */
class VerificationSupportTest {

  private static final CertificationFixtures.Fixture FX = CertificationFixtures.fromSeed(5);

  @Test
  void freshnessAcceptsFiveMinutesEitherWayAndRejectsBeyond() throws Exception {
    long t = CertificationFixtures.TIME_NANOS;
    long five = CertificateFreshness.FIVE_MINUTES_NANOS;
    Certificate c = FX.rootCertificate();
    CertificateFreshness.check(c, t);
    CertificateFreshness.check(c, t + five);
    CertificateFreshness.check(c, t - five);
    for (long now : new long[] {t + five + 1, t - five - 1}) {
      assertThatThrownBy(() -> CertificateFreshness.check(c, now))
          .isInstanceOf(CertificateVerificationException.class)
          .satisfies(e -> assertThat(((CertificateVerificationException) e).reason()).isEqualTo(Reason.TIME_OUT_OF_RANGE));
    }
  }

  @Test
  void cacheAnswersRepeatedVerificationsWithoutRecomputingAndKeepsResultsApart() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    BlsVerifier real = BlsVerifier.jblst();
    CachingBlsVerifier cache = new CachingBlsVerifier((pk, m, s) -> {
      calls.incrementAndGet();
      return real.verify(pk, m, s);
    }, 1000);
    CertificateVerifier verifier = new CertificateVerifier(cache);
    for (int i = 0; i < 5; i++) {
      verifier.verify(FX.delegatedCertificate(), FX.rootKeyDer(), FX.canisterId());
    }
    assertThat(calls.get()).isEqualTo(2); // the delegation and the certificate, once each
    Certificate forged = new Certificate(FX.rootCertificate().tree(), FX.delegatedCertificate().signature(),
        java.util.Optional.empty());
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> verifier.verify(forged, FX.rootKeyDer(), FX.canisterId()))
          .isInstanceOf(CertificateVerificationException.class);
    }
    assertThat(calls.get()).isEqualTo(3);
    assertThat(cache.size()).isEqualTo(3);
  }

  @Test
  void cacheIsBoundedAndStillCorrectAfterClearing() {
    CachingBlsVerifier cache = new CachingBlsVerifier(BlsVerifier.jblst(), 1);
    byte[] pk = FX.rootKey().publicKey().toBytes();
    byte[] msg = StateRootMessage.of(FX.rootCertificate().rootHash());
    byte[] sig = FX.rootCertificate().signature();
    assertThat(cache.verify(pk, msg, sig)).isTrue();
    assertThat(cache.verify(pk, StateRootMessage.of(new byte[32]), sig)).isFalse();
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.verify(pk, msg, sig)).isTrue();
  }

  @Test
  void wellFormednessFollowsTheSpec() {
    assertThat(WellFormedness.isWellFormed(HashTreeTest.specTree())).isTrue();
    assertThat(WellFormedness.isWellFormed(FX.delegatedCertificate().tree())).isTrue();
    assertThat(WellFormedness.isWellFormed(leaf("x"))).isTrue();
    assertThat(WellFormedness.problem(fork(labeled("b", leaf("1")), labeled("a", leaf("2")))))
        .contains("strictly increasing");
    assertThat(WellFormedness.problem(labeled("a", fork(labeled("x", empty()), labeled("x", empty())))))
        .contains("strictly increasing");
    assertThat(WellFormedness.problem(fork(labeled("a", leaf("1")), leaf("2")))).contains("leaf");
  }
}
