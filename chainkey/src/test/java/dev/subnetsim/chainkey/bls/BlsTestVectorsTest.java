package dev.subnetsim.chainkey.bls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlsTestVectorsTest {

  @Test
  void vectorsAreDeterministicPerSeedAndVerify() {
    BlsTestVectors.Vector a = BlsTestVectors.fromSeed(1);
    BlsTestVectors.Vector b = BlsTestVectors.fromSeed(1);
    BlsTestVectors.Vector c = BlsTestVectors.fromSeed(2);
    assertThat(a.signatureHex()).isEqualTo(b.signatureHex()).isNotEqualTo(c.signatureHex());
    assertThat(a.publicKeyHex()).isEqualTo(b.publicKeyHex()).hasSize(192);
    BlsSignatures bls = new JblstBlsSignatures();
    assertThat(bls.verify(PublicKey.fromBytes(a.publicKey()), a.message(), Signature.fromBytes(a.signature())))
        .isTrue();
    assertThat(SecretKey.fromBytes(a.secretKey()).publicKey()).isEqualTo(PublicKey.fromBytes(a.publicKey()));
  }
}
