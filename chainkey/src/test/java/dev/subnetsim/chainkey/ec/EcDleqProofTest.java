package dev.subnetsim.chainkey.ec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.random.SeededRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EcDleqProofTest {
  private static final String DST = "subnet-sim-test-dleq";
  private static final byte[] CTX = "ctx".getBytes();

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void honestProofVerifiesAndAnyChangeBreaksIt(EcCurve curve) {
    SeededRandom rng = SeededRandom.fromSeed(77);
    EcScalar x = EcScalar.random(curve, rng);
    EcPoint g = curve.generator();
    EcPoint h = EcPoint.mulGenerator(EcScalar.random(curve, rng));
    EcPoint a = g.mul(x);
    EcPoint b = h.mul(x);
    EcDleqProof proof = EcDleqProof.prove(DST, CTX, g, h, x, rng);
    assertThat(proof.verify(DST, CTX, g, a, h, b)).isTrue();
    assertThat(EcDleqProof.fromBytes(curve, proof.toBytes())).isEqualTo(proof);
    // Wrong statement: B for another exponent.
    assertThat(proof.verify(DST, CTX, g, a, h, b.add(g))).isFalse();
    assertThat(proof.verify(DST, CTX, g, a.add(g), h, b)).isFalse();
    // Wrong domain or context.
    assertThat(proof.verify("other-dst", CTX, g, a, h, b)).isFalse();
    assertThat(proof.verify(DST, "ctx2".getBytes(), g, a, h, b)).isFalse();
    // Tampered response.
    EcDleqProof tampered = new EcDleqProof(proof.challenge(), proof.response().add(EcScalar.one(curve)));
    assertThat(tampered.verify(DST, CTX, g, a, h, b)).isFalse();
    // A proof for a different exponent does not verify for B.
    EcDleqProof wrongX = EcDleqProof.prove(DST, CTX, g, h, x.add(EcScalar.one(curve)), rng);
    assertThat(wrongX.verify(DST, CTX, g, a, h, b)).isFalse();
    assertThatThrownBy(() -> EcDleqProof.fromBytes(curve, new byte[63])).isInstanceOf(InvalidEncodingException.class);
  }
}
