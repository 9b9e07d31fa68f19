package dev.subnetsim.replica.canisters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.certification.BlsKeyDer;
import dev.subnetsim.chainkey.certification.CanisterSigPublicKey;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import dev.subnetsim.replica.ingress.IngressValidator;
import dev.subnetsim.replica.ingress.InvalidIngressException;
import dev.subnetsim.replica.ingress.SenderDelegation;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The canister-signature story end to end: the identity canister signs a delegation to a session
 * key with a canister signature, and the session key then signs calls that execute as the user's
 * principal, the self-authenticating id of the canister-signature public key (interface spec,
 * "Authentication" and "Canister signatures").
 */
class DelegatedSenderTest {
  private static final long EXPIRATION = IdentityCanisterClient.EXPIRATION;

  private final CanisterTestBed bed = new CanisterTestBed();
  private final IdentityCanisterClient identity = new IdentityCanisterClient(bed);
  private final byte[] rootKeyDer = identity.rootKeyDer;
  private final UserKeyPair device = bed.user("device");
  private final UserKeyPair session = bed.user("session");

  @Test
  void aSessionKeyDelegatedByTheIdentityCanisterSignsACallThatExecutesAsTheUsersPrincipal()
      throws Exception {
    IdentityCanisterClient.Issued issued = identity.issue(device, session.publicKeyDer());
    Principal user = Principal.selfAuthenticating(issued.userKeyDer());
    SignedIngress call = session.signDelegated(bed.message(user, CanisterTestBed.IDENTITY,
        "prepare_delegation", arg(bed.user("other-session").publicKeyDer())),
        issued.userKeyDer(), List.of(issued.link()));

    RequestStatus status = bed.send(call);

    assertThat(status.status()).isEqualTo("replied");
    // The identity canister keys its signatures by caller: the caller was the user's principal.
    assertThat(CanisterSigPublicKey.fromDer(status.reply()).seed()).isEqualTo(user.toBytes());
  }

  @Test
  void aCanisterSignatureIssuedForAnotherSessionKeyDoesNotDelegateToThisOne() throws Exception {
    IdentityCanisterClient.Issued issued = identity.issue(device, session.publicKeyDer());
    UserKeyPair thief = bed.user("thief");
    SenderDelegation stolen = new SenderDelegation(new SessionKeyDelegation(thief.publicKeyDer(),
        EXPIRATION, Optional.empty()), issued.link().signature());
    Principal user = Principal.selfAuthenticating(issued.userKeyDer());
    SignedIngress call = thief.signDelegated(bed.message(user, CanisterTestBed.IDENTITY,
        "prepare_delegation", arg(thief.publicKeyDer())), issued.userKeyDer(), List.of(stolen));

    assertThatThrownBy(() -> IngressValidator.validate(call, bed.nextBlockTime(),
        Optional.of(rootKeyDer))).isInstanceOf(InvalidIngressException.class)
        .hasMessageContaining("delegation 0: invalid canister signature");
    assertThat(bed.send(call)).isNull();
  }

  @Test
  void aCanisterSignatureIsRefusedUnderAnotherRootKeyOrWithoutOne() throws Exception {
    IdentityCanisterClient.Issued issued = identity.issue(device, session.publicKeyDer());
    SignedIngress call = session.signDelegated(bed.message(
        Principal.selfAuthenticating(issued.userKeyDer()), CanisterTestBed.IDENTITY,
        "prepare_delegation", arg(session.publicKeyDer())), issued.userKeyDer(),
        List.of(issued.link()));
    byte[] otherRoot = BlsKeyDer.encode(identity.bls.generateKeys(4, 3, bed.rng.fork("other-root"))
        .publicKey().toBytes());

    IngressValidator.validate(call, bed.nextBlockTime(), Optional.of(rootKeyDer));
    assertThatThrownBy(() -> IngressValidator.validate(call, bed.nextBlockTime(),
        Optional.of(otherRoot))).isInstanceOf(InvalidIngressException.class)
        .hasMessageContaining("invalid canister signature");
    assertThatThrownBy(() -> IngressValidator.validate(call, bed.nextBlockTime()))
        .isInstanceOf(InvalidIngressException.class).hasMessageContaining("no root key");
  }

  private static byte[] arg(byte[] sessionKeyDer) {
    return IdentityCanisterClient.arg(sessionKeyDer);
  }
}
