package dev.subnetsim.replica.chainkey.schemes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.messaging.Origin;
import dev.subnetsim.replica.state.ChainKeyRequest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known answer for the context a signing request is bound to (hashed with the state). */
class SigningSchemeContextTest {

  @Test
  void theContextIsTheU64PresignatureIndexThenThe32BytesOfRandomness() {
    byte[] randomness = new byte[32];
    Arrays.fill(randomness, (byte) 0xab);
    byte[] c = SigningScheme.context(0x0102030405060708L, randomness);
    assertThat(HexFormat.of().formatHex(c)).isEqualTo("0102030405060708" + "ab".repeat(32));
    ChainKeyRequest r = new ChainKeyRequest(1, new Origin.FromCall(2), new CanisterId(3),
        "sign_with_ecdsa", new byte[0], 0, c);
    assertThat(SigningScheme.presignatureIndex(r)).isEqualTo(0x0102030405060708L);
    assertThat(SigningScheme.randomness(r)).isEqualTo(randomness);
  }
}
