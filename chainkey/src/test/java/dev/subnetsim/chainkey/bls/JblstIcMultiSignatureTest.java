package dev.subnetsim.chainkey.bls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.bls12381.HashToCurve;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The contract for the IC multi-signature scheme, plus its IC-specific formats. */
class JblstIcMultiSignatureTest extends BlsSignaturesContractTest {

  private final BlsSignatures bls = JblstBlsSignatures.icMultiSignature();

  @Override
  protected BlsSignatures bls() {
    return bls;
  }

  @Test
  void messagesAreHashedWithTheProofOfPossessionSuiteDst() {
    assertThat(bls.messageDst()).isEqualTo("BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_POP_");
    assertThat(JblstBlsSignatures.basic().messageDst()).isEqualTo(DomainSeparators.BLS_SIG_DST);
  }

  @Test
  void proofOfPossessionIsTheIcFormatWithTheLengthPrefixedContext() {
    KeyPair kp = bls.generateKeyPair(SeededRandom.fromSeed(81));
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    byte[] ctx = "ic-multi-sig-bls12381-pop".getBytes(StandardCharsets.US_ASCII);
    input.write(ctx.length);
    input.writeBytes(ctx);
    input.writeBytes(kp.publicKey().toBytes());
    ProofOfPossession expected = new ProofOfPossession(
        HashToCurve.hashToG1(input.toByteArray(), "BLS_POP_BLS12381G1_XMD:SHA-256_SSWU_RO_POP_")
            .mul(kp.secretKey().scalar()));
    assertThat(bls.provePossession(kp)).isEqualTo(expected);
    // The basic scheme's proof (no context) is not accepted by the multi-signature scheme.
    assertThat(bls.verifyPossession(kp.publicKey(), JblstBlsSignatures.basic().provePossession(kp))).isFalse();
  }

  @Test
  void signaturesOfOneSchemeDoNotVerifyInTheOther() {
    KeyPair kp = bls.generateKeyPair(SeededRandom.fromSeed(82));
    byte[] m = "block".getBytes(StandardCharsets.UTF_8);
    assertThat(JblstBlsSignatures.basic().verify(kp.publicKey(), m, bls.sign(kp.secretKey(), m))).isFalse();
    assertThat(bls.verify(kp.publicKey(), m, JblstBlsSignatures.basic().sign(kp.secretKey(), m))).isFalse();
  }
}
