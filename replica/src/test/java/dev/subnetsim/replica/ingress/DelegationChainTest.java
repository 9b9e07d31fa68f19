package dev.subnetsim.replica.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.certification.CanisterSignatureIssuer;
import dev.subnetsim.chainkey.certification.CertificateBuilder;
import dev.subnetsim.chainkey.certification.CertificationFixtures;
import dev.subnetsim.chainkey.ic.IcDomain;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.payload.IngressAdmission;
import dev.subnetsim.replica.payload.IngressEnvelope;
import dev.subnetsim.replica.payload.LoadClient;
import dev.subnetsim.replica.payload.MalformedPayloadItemException;
import dev.subnetsim.replica.payload.PayloadItem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Delegation chains of user keys (interface spec, "Authentication"), accepted and refused. */
class DelegationChainTest {
  private static final long NOW = 1_000_000_000_000L;
  private static final long LATER = NOW + 3_600_000_000_000L;
  private static final byte[] CANISTER = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1};
  private static final byte[] OTHER_CANISTER = {0, 0, 0, 0, 0, 0, 0, 2, 1, 1};

  private static final LoadClient LOAD = LoadClient.fromSeed(5);

  private final SeededRandom rng = SeededRandom.fromSeed(19);

  private UserKeyPair key(SignatureScheme scheme, String name) {
    return UserKeyPair.generate(scheme, rng.fork(name));
  }

  private static IngressMessage call(Principal sender) {
    return new IngressMessage(sender, CANISTER, "put", "a=1".getBytes(StandardCharsets.UTF_8),
        NOW + 60_000_000_000L, null);
  }

  private static SessionKeyDelegation to(UserKeyPair next, long expiration) {
    return new SessionKeyDelegation(next.publicKeyDer(), expiration, Optional.empty());
  }

  private static SessionKeyDelegation to(UserKeyPair next, byte[]... targets) {
    List<Principal> ps = new ArrayList<>();
    for (byte[] t : targets) {
      ps.add(Principal.fromBytes(t));
    }
    return new SessionKeyDelegation(next.publicKeyDer(), LATER, Optional.of(ps));
  }

  /** A chain root -> keys[0] -> ... -> keys[n-1], each link signed by its predecessor. */
  private static List<SenderDelegation> chain(UserKeyPair root, List<UserKeyPair> keys) {
    List<SenderDelegation> out = new ArrayList<>();
    UserKeyPair signer = root;
    for (UserKeyPair k : keys) {
      out.add(signer.delegate(to(k, LATER)));
      signer = k;
    }
    return out;
  }

  private static void assertRefused(SignedIngress s, String reason) {
    assertThatThrownBy(() -> IngressValidator.validate(s, NOW))
        .isInstanceOf(InvalidIngressException.class).hasMessageContaining(reason);
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void aChainThroughEveryUserSchemeLetsTheLastKeySignAsTheFirstKeysPrincipal(
      SignatureScheme scheme) {
    UserKeyPair root = key(SignatureScheme.ED25519, "root");
    UserKeyPair middle = key(scheme, "middle");
    UserKeyPair session = key(SignatureScheme.ECDSA_P256, "session");
    SignedIngress s = session.signDelegated(call(root.principal()), root.publicKeyDer(),
        chain(root, List.of(middle, session)));

    assertThatCode(() -> IngressValidator.validate(s, NOW)).doesNotThrowAnyException();
  }

  @Test
  void aChainSurvivesTheEnvelopeAndIsAdmittedToThePool() {
    UserKeyPair root = key(SignatureScheme.ECDSA_SECP256K1, "root");
    UserKeyPair session = key(SignatureScheme.ED25519, "session");
    SignedIngress s = session.signDelegated(call(root.principal()), root.publicKeyDer(),
        List.of(root.delegate(to(session, CANISTER, OTHER_CANISTER))));

    SignedIngress decoded = IngressEnvelope.decode(IngressEnvelope.encode(s));

    assertThat(decoded.delegations()).hasSize(1);
    assertThat(decoded.delegations().get(0).delegation().hash())
        .isEqualTo(s.delegations().get(0).delegation().hash());
    assertThat(IngressAdmission.check(new PayloadItem.Ingress(decoded).encode(), NOW,
        LOAD.verifier())).isEmpty();
  }

  @Test
  void theSessionKeySigningWithoutItsChainIsNotTheUser() {
    UserKeyPair root = key(SignatureScheme.ED25519, "root");
    UserKeyPair session = key(SignatureScheme.ED25519, "session");
    SignedIngress s = session.signDelegated(call(root.principal()), root.publicKeyDer(),
        List.of());

    assertRefused(s, "invalid signature");
  }

  @Test
  void anExpiredDelegationIsRefusedAsExpiry() {
    UserKeyPair root = key(SignatureScheme.ED25519, "root");
    UserKeyPair session = key(SignatureScheme.ED25519, "session");
    SignedIngress s = session.signDelegated(call(root.principal()), root.publicKeyDer(),
        List.of(root.delegate(to(session, NOW - 1))));

    assertRefused(s, "delegation 0 expired");
    assertThatThrownBy(() -> IngressValidator.validate(s, NOW))
        .isInstanceOfSatisfying(InvalidIngressException.class, e -> assertThat(e.expired()).isTrue());
    // Still valid at the instant it expires, as ingress_expiry is.
    assertThatCode(() -> IngressValidator.validate(s, NOW - 1)).doesNotThrowAnyException();
  }

  @Test
  void anExpiredDelegationDeepInTheChainIsRefused() {
    UserKeyPair root = key(SignatureScheme.ED25519, "root");
    UserKeyPair middle = key(SignatureScheme.ED25519, "middle");
    UserKeyPair session = key(SignatureScheme.ED25519, "session");
    SignedIngress s = session.signDelegated(call(root.principal()), root.publicKeyDer(),
        List.of(root.delegate(to(middle, LATER)), middle.delegate(to(session, NOW - 1))));

    assertRefused(s, "delegation 1 expired");
  }

  @Test
  void aCallToACanisterOutsideTheTargetsIsRefused() {
    UserKeyPair root = key(SignatureScheme.ED25519, "root");
    UserKeyPair session = key(SignatureScheme.ED25519, "session");
    SignedIngress s = session.signDelegated(call(root.principal()), root.publicKeyDer(),
        List.of(root.delegate(to(session, OTHER_CANISTER))));

    assertRefused(s, "delegation 0 does not apply to canister");
  }

  @Test
  void theTargetsOfAChainAreTheIntersectionOfItsDelegationsTargets() {
    UserKeyPair root = key(SignatureScheme.ED25519, "root");
    UserKeyPair middle = key(SignatureScheme.ED25519, "middle");
    UserKeyPair session = key(SignatureScheme.ED25519, "session");
    // The first link allows only the other canister, the second widens to both: still refused.
    SignedIngress s = session.signDelegated(call(root.principal()), root.publicKeyDer(),
        List.of(root.delegate(to(middle, OTHER_CANISTER)),
            middle.delegate(to(session, CANISTER, OTHER_CANISTER))));

    assertRefused(s, "delegation 0 does not apply to canister");
  }

  @Test
  void anEmptyTargetListAppliesToNoCanister() {
    UserKeyPair root = key(SignatureScheme.ED25519, "root");
    UserKeyPair session = key(SignatureScheme.ED25519, "session");
    SignedIngress s = session.signDelegated(call(root.principal()), root.publicKeyDer(),
        List.of(root.delegate(to(session))));

    assertRefused(s, "not among its targets");
  }

  @Test
  void twentyDelegationsAreAcceptedAndTwentyOneRefused() {
    UserKeyPair root = key(SignatureScheme.ED25519, "root");
    List<UserKeyPair> keys = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      keys.add(key(SignatureScheme.ED25519, "k" + i));
    }
    List<SenderDelegation> longest = chain(root, keys.subList(0, 20));
    List<SenderDelegation> tooLong = chain(root, keys);
    SignedIngress ok = keys.get(19).signDelegated(call(root.principal()), root.publicKeyDer(),
        longest);
    SignedIngress refused = keys.get(20).signDelegated(call(root.principal()),
        root.publicKeyDer(), tooLong);

    assertThatCode(() -> IngressValidator.validate(ok, NOW)).doesNotThrowAnyException();
    assertRefused(refused, "21 delegations, at most 20");
    assertThatThrownBy(() -> IngressEnvelope.decode(IngressEnvelope.encode(refused)))
        .isInstanceOf(MalformedPayloadItemException.class).hasMessageContaining("at most 20");
  }

  @Test
  void aDelegationWithMoreThanAThousandTargetsIsRefused() {
    UserKeyPair root = key(SignatureScheme.ED25519, "root");
    UserKeyPair session = key(SignatureScheme.ED25519, "session");
    List<Principal> targets = new ArrayList<>(Collections.nCopies(1000,
        Principal.fromBytes(OTHER_CANISTER)));
    targets.add(Principal.fromBytes(CANISTER));
    SignedIngress s = session.signDelegated(call(root.principal()), root.publicKeyDer(),
        List.of(root.delegate(new SessionKeyDelegation(session.publicKeyDer(), LATER,
            Optional.of(targets)))));

    assertRefused(s, "1001 targets, at most 1000");
  }

  @Test
  void aDelegationSignedByAKeyOutsideTheChainIsRefused() {
    UserKeyPair root = key(SignatureScheme.ED25519, "root");
    UserKeyPair forger = key(SignatureScheme.ED25519, "forger");
    UserKeyPair session = key(SignatureScheme.ECDSA_SECP256K1, "session");
    SignedIngress s = session.signDelegated(call(root.principal()), root.publicKeyDer(),
        List.of(forger.delegate(to(session, LATER))));

    assertRefused(s, "delegation 0: invalid signature");
  }

  @Test
  void aDelegationWhoseContentWasChangedAfterSigningIsRefused() {
    UserKeyPair root = key(SignatureScheme.ECDSA_P256, "root");
    UserKeyPair session = key(SignatureScheme.ED25519, "session");
    SenderDelegation signed = root.delegate(to(session, NOW + 1));
    SenderDelegation extended = new SenderDelegation(to(session, LATER), signed.signature());
    SignedIngress s = session.signDelegated(call(root.principal()), root.publicKeyDer(),
        List.of(extended));

    assertRefused(s, "delegation 0: invalid signature");
  }

  @Test
  void aChainWhoseFirstKeyIsNotTheSendersIsRefused() {
    UserKeyPair victim = key(SignatureScheme.ED25519, "victim");
    UserKeyPair attacker = key(SignatureScheme.ED25519, "attacker");
    UserKeyPair session = key(SignatureScheme.ED25519, "session");
    // A valid chain from the attacker's key, presented for the victim's principal.
    SignedIngress s = session.signDelegated(call(victim.principal()), attacker.publicKeyDer(),
        List.of(attacker.delegate(to(session, LATER))));

    assertRefused(s, "is not the self-authenticating id of the public key");
  }

  @Test
  void aChainThatDelegatesBackToAnEarlierKeyIsRefused() {
    UserKeyPair root = key(SignatureScheme.ED25519, "root");
    UserKeyPair session = key(SignatureScheme.ED25519, "session");
    SignedIngress selfSigned = root.signDelegated(call(root.principal()), root.publicKeyDer(),
        List.of(root.delegate(to(root, LATER))));
    SignedIngress cycle = root.signDelegated(call(root.principal()), root.publicKeyDer(),
        List.of(root.delegate(to(session, LATER)), session.delegate(to(root, LATER))));

    assertRefused(selfSigned, "already in the chain");
    assertRefused(cycle, "already in the chain");
  }

  @Test
  void aCanisterSignatureKeySignsARequestItselfOnlyUnderTheRootKeyItsCertificateChainsTo() {
    CertificationFixtures.Fixture fx = CertificationFixtures.fromSeed(19);
    CanisterSignatureIssuer issuer = new CanisterSignatureIssuer(fx.canisterId());
    byte[] seed = {7};
    byte[] userKey = issuer.publicKey(seed).toDer();
    IngressMessage m = call(Principal.selfAuthenticating(userKey));
    byte[] signed = IcDomain.prefixed("ic-request", m.requestId());
    issuer.add(seed, signed);
    byte[] certificate = CertificateBuilder.certify(CertificationFixtures.stateTree(
        fx.canisterId(), issuer.certifiedData(), NOW), fx.rootSigner(), Optional.empty()).encode();
    SignedIngress s = new SignedIngress(m, userKey, issuer.signature(certificate, seed, signed));

    assertThatCode(() -> IngressValidator.validate(s, NOW, Optional.of(fx.rootKeyDer())))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> IngressValidator.validate(s, NOW,
        Optional.of(CertificationFixtures.fromSeed(20).rootKeyDer())))
        .isInstanceOf(InvalidIngressException.class)
        .hasMessageContaining("invalid canister signature");
    assertRefused(s, "no root key");
  }

  @Test
  void anAnonymousSenderWithADelegationIsRefused() {
    UserKeyPair root = key(SignatureScheme.ED25519, "root");
    UserKeyPair session = key(SignatureScheme.ED25519, "session");
    SignedIngress s = new SignedIngress(call(Principal.anonymous()), new byte[0], new byte[0],
        List.of(root.delegate(to(session, LATER))));

    assertRefused(s, "anonymous");
  }

  @Test
  void aRefusedChainIsBlamedOnTheSubmitterNotTheRelayThatCheckedIt() {
    UserKeyPair root = key(SignatureScheme.ED25519, "root");
    UserKeyPair session = key(SignatureScheme.ED25519, "session");
    SignedIngress expired = session.signDelegated(call(root.principal()), root.publicKeyDer(),
        List.of(root.delegate(to(session, NOW - 1))));
    SignedIngress forged = session.signDelegated(call(root.principal()), root.publicKeyDer(),
        List.of(session.delegate(to(session, LATER))));

    // Refused at submission: the client gets a 4xx; an honest replica never relays either.
    assertThat(IngressAdmission.check(new PayloadItem.Ingress(expired).encode(), NOW,
        LOAD.verifier())).hasValueSatisfying(r -> {
          assertThat(r.reason()).contains("delegation 0 expired");
          assertThat(r.relayFault()).isFalse();
        });
    assertThat(IngressAdmission.check(new PayloadItem.Ingress(forged).encode(), NOW,
        LOAD.verifier())).hasValueSatisfying(r ->
        assertThat(r.reason()).contains("delegation 0"));
  }
}
