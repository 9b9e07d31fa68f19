package dev.subnetsim.chainkey.ec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FiatShamirTest {

  private static byte[] lp(byte[] b) {
    return ByteBuffer.allocate(4 + b.length).putInt(b.length).put(b).array();
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void challengeHashesTheLengthPrefixedCurveNameContextAndPoints(EcCurve curve) {
    EcPoint g = curve.generator();
    EcPoint h = g.mul(EcScalar.of(curve, 5));
    byte[] ctx = {1, 2, 3};
    byte[] name = lp(curve.logName().getBytes(StandardCharsets.US_ASCII));
    byte[] transcript = ByteBuffer.allocate(name.length + 7 + 2 * (4 + g.encode().length))
        .put(name).put(lp(ctx)).put(lp(g.encode())).put(lp(h.encode())).array();
    assertThat(FiatShamir.challenge("dst", ctx, g, h))
        .isEqualTo(EcScalar.hash(curve, "dst", transcript))
        .isNotEqualTo(FiatShamir.challenge("dst", ctx, h, g));
  }
}
