package dev.subnetsim.replica.chainkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.messaging.Origin;
import dev.subnetsim.replica.state.ChainKeyRequest;
import org.junit.jupiter.api.Test;

/** Known answer for the key a verified share is remembered by. */
class ShareVerifierKeyTest {

  @Test
  void theKeyHashesMethodThenIdCallerAndSignerAsU64U64U32ThenArgContextAndShare() {
    ChainKeyRequest r = new ChainKeyRequest(7, new Origin.FromCall(2), new CanisterId(9),
        "sign_with_ecdsa", new byte[] {1}, 0, new byte[] {2, 3});
    assertThat(ShareVerifier.key(r, 4, new byte[] {5}))
        .isEqualTo("d9eb5df5675f27f68e45f7e909fff2e199b9d30ec872be9597c14ae97ccf77a2");
  }
}
