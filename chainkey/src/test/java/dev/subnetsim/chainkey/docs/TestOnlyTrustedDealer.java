package dev.subnetsim.chainkey.docs;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcShamir;
import java.security.SecureRandom;

/**
 * TEST ONLY: deals a server key with a trusted dealer who sees the secret. Stands in for the IDKG
 * transcript (branch idkg) that produces the same EcThresholdPublicKey + EcSecretShare without any
 * party knowing x. Never use outside tests.
 */
final class TestOnlyTrustedDealer {
  private TestOnlyTrustedDealer() {}

  static EcShamir.Dealt dealServerKey(EcCurve curve, int threshold, int n, SecureRandom rng) {
    return EcShamir.deal(EcScalar.random(curve, rng), threshold, n, rng);
  }
}
