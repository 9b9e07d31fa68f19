package dev.subnetsim.scenarios.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.ecdh.EcdhGroup;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EcdhPeerTest {
  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest
  @EnumSource(EcdhGroup.class)
  void twoPeersAgreeOnOneSecretThatAThirdDoesNotGet(EcdhGroup group) {
    SeededRandom rng = SeededRandom.fromSeed(7);
    EcdhPeer a = EcdhPeer.generate(group, rng.fork("a"));
    EcdhPeer b = EcdhPeer.generate(group, rng.fork("b"));
    EcdhPeer c = EcdhPeer.generate(group, rng.fork("c"));
    assertThat(a.agree(b.publicKey())).hasSize(32).isEqualTo(b.agree(a.publicKey()))
        .isNotEqualTo(c.agree(b.publicKey()));
  }

  @Test
  void x25519MatchesTheRfc7748KnownAnswer() {
    // RFC 7748 section 6.1: Alice's private key, Bob's public key, their shared secret.
    EcdhPeer alice = new EcdhPeer(EcdhGroup.X25519,
        HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"),
        HEX.parseHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
    assertThat(HEX.formatHex(alice.agree(
        HEX.parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"))))
        .isEqualTo("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
  }

  @Test
  void keysAreCopiedInAndOut() {
    byte[] secret = new byte[32];
    EcdhPeer p = new EcdhPeer(EcdhGroup.X25519, secret, new byte[32]);
    secret[0] = 1;
    p.privateKey()[1] = 1;
    assertThat(p.privateKey()).containsOnly(0);
  }
}
