package dev.subnetsim.chainkey.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachingBlsVerifierTest {

  /** Answers true for a 3-byte signature and records every call. */
  private static final class Counting implements BlsVerifier {
    final List<String> calls = new ArrayList<>();

    @Override
    public boolean verify(byte[] publicKey96, byte[] message, byte[] signature48) {
      calls.add(publicKey96.length + "/" + message.length + "/" + signature48.length);
      return signature48.length == 3;
    }
  }

  @Test
  void theKeyIsSha256OfLengthPrefixedKeyAndMessageThenTheSignatureReadAsFourBigEndianLongs() {
    // SHA-256(00000002 0102 00000001 03 040506) =
    // 6602814da2080ba0 69dcda48184b2c87 a3e62372fd7e2104 11f832a9999748dd
    assertThat(CachingBlsVerifier.key(new byte[] {1, 2}, new byte[] {3}, new byte[] {4, 5, 6}))
        .isEqualTo(new CachingBlsVerifier.Key(0x6602814da2080ba0L, 0x69dcda48184b2c87L,
            0xa3e62372fd7e2104L, 0x11f832a9999748ddL));
  }

  @Test
  void equalInputsInFreshArraysAreAnsweredFromTheCache() {
    Counting inner = new Counting();
    CachingBlsVerifier v = new CachingBlsVerifier(inner, 10);
    assertThat(v.verify(new byte[] {1, 2}, new byte[] {3}, new byte[] {4, 5, 6})).isTrue();
    assertThat(v.verify(new byte[] {1, 2}, new byte[] {3}, new byte[] {4, 5, 6})).isTrue();
    assertThat(inner.calls).hasSize(1);
    assertThat(v.size()).isEqualTo(1);
  }

  @Test
  void movingTheBoundaryBetweenKeyAndMessageIsAnotherEntry() {
    Counting inner = new Counting();
    CachingBlsVerifier v = new CachingBlsVerifier(inner, 10);
    v.verify(new byte[] {1, 2}, new byte[] {3}, new byte[] {4, 5, 6});
    v.verify(new byte[] {1}, new byte[] {2, 3}, new byte[] {4, 5, 6});
    v.verify(new byte[] {1}, new byte[] {2}, new byte[] {3, 4, 5, 6});
    assertThat(inner.calls).containsExactly("2/1/3", "1/2/3", "1/1/4");
    assertThat(v.size()).isEqualTo(3);
  }
}
