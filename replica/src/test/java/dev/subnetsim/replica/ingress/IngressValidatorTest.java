package dev.subnetsim.replica.ingress;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class IngressValidatorTest {

  private static final long NOW = 1_000_000_000_000L;
  private static final byte[] CANISTER = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1};

  private static IngressMessage message(Principal sender, String arg, long expiry) {
    return new IngressMessage(sender, CANISTER, "put", arg.getBytes(StandardCharsets.UTF_8),
        expiry, null);
  }

  private static UserKeyPair user(SignatureScheme scheme) {
    return UserKeyPair.generate(scheme, SeededRandom.fromSeed(1).fork("user-" + scheme));
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void aCorrectlySignedMessageIsAccepted(SignatureScheme scheme) {
    UserKeyPair u = user(scheme);
    SignedIngress s = u.sign(message(u.principal(), "a=1", NOW + 60_000_000_000L));
    assertThatCode(() -> IngressValidator.validate(s, NOW)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void aTamperedArgumentBreaksTheSignature(SignatureScheme scheme) {
    UserKeyPair u = user(scheme);
    SignedIngress s = u.sign(message(u.principal(), "a=1", NOW + 1));
    SignedIngress tampered = new SignedIngress(message(u.principal(), "a=2", NOW + 1),
        s.senderPublicKeyDer(), s.signature());
    assertThatThrownBy(() -> IngressValidator.validate(tampered, NOW))
        .isInstanceOf(InvalidIngressException.class).hasMessageContaining("invalid signature");
  }

  @Test
  void aSenderThatIsNotTheKeysPrincipalIsRejected() {
    UserKeyPair alice = user(SignatureScheme.ED25519);
    UserKeyPair bob = user(SignatureScheme.ECDSA_P256);
    SignedIngress s = alice.sign(message(bob.principal(), "a=1", NOW + 1));
    assertThatThrownBy(() -> IngressValidator.validate(s, NOW))
        .isInstanceOf(InvalidIngressException.class).hasMessageContaining("self-authenticating");
  }

  @Test
  void expiredAndFarFutureMessagesAreRejected() {
    UserKeyPair u = user(SignatureScheme.ED25519);
    SignedIngress expired = u.sign(message(u.principal(), "a=1", NOW - 1));
    SignedIngress far = u.sign(message(u.principal(), "a=1", NOW + 10 * 60_000_000_000L));
    assertThatThrownBy(() -> IngressValidator.validate(expired, NOW)).hasMessageContaining("expired");
    assertThatThrownBy(() -> IngressValidator.validate(far, NOW)).hasMessageContaining("too far");
  }

  @Test
  void anonymousRequestsNeedNoSignatureButMustNotCarryOne() {
    IngressMessage m = message(Principal.anonymous(), "a=1", NOW + 1);
    assertThatCode(() -> IngressValidator.validate(new SignedIngress(m, new byte[0], new byte[0]), NOW))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> IngressValidator.validate(new SignedIngress(m, new byte[0], new byte[64]), NOW))
        .hasMessageContaining("anonymous");
  }
}
