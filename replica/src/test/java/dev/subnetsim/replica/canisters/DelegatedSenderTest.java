package dev.subnetsim.replica.canisters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.certification.BlsKeyDer;
import dev.subnetsim.chainkey.certification.CanisterSigPublicKey;
import dev.subnetsim.chainkey.certification.CanisterSignature;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateBuilder;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.certification.HashTreeCbor;
import dev.subnetsim.chainkey.certification.Witness;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.replica.execution.ExecutionResult;
import dev.subnetsim.replica.ingress.IngressValidator;
import dev.subnetsim.replica.ingress.InvalidIngressException;
import dev.subnetsim.replica.ingress.SenderDelegation;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.state.CertificationCheck;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import dev.subnetsim.replica.state.SubnetRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The canister-signature story end to end: the identity canister signs a delegation to a session
 * key with a canister signature, and the session key then signs calls that execute as the user's
 * principal, the self-authenticating id of the canister-signature public key (interface spec,
 * "Authentication" and "Canister signatures").
 */
class DelegatedSenderTest {
  private static final long EXPIRATION = 3_600 * CanisterTestBed.S;

  private final CanisterTestBed bed = new CanisterTestBed();
  private final ThresholdBls bls = ThresholdBls.ic();
  private final ThresholdKeySet subnetKey = bls.generateKeys(4, 3, bed.rng.fork("subnet-key"));
  private final byte[] rootKeyDer = BlsKeyDer.encode(subnetKey.publicKey().toBytes());
  private final UserKeyPair device = bed.user("device");
  private final UserKeyPair session = bed.user("session");

  DelegatedSenderTest() {
    // The subnet is the root and its key the root key replicas verify canister signatures with.
    bed.subnet.withRegistry(new SubnetRegistry("canisters", Map.of("canisters",
        SubnetRegistry.entry(subnetKey.publicKey().toBytes(),
            bed.subnet.routing().base("canisters"), 100))), CertificationCheck.none());
  }

  @Test
  void aSessionKeyDelegatedByTheIdentityCanisterSignsACallThatExecutesAsTheUsersPrincipal()
      throws Exception {
    Issued issued = issue(session.publicKeyDer());
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
    Issued issued = issue(session.publicKeyDer());
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
    Issued issued = issue(session.publicKeyDer());
    SignedIngress call = session.signDelegated(bed.message(
        Principal.selfAuthenticating(issued.userKeyDer()), CanisterTestBed.IDENTITY,
        "prepare_delegation", arg(session.publicKeyDer())), issued.userKeyDer(),
        List.of(issued.link()));
    byte[] otherRoot = BlsKeyDer.encode(bls.generateKeys(4, 3, bed.rng.fork("other-root"))
        .publicKey().toBytes());

    IngressValidator.validate(call, bed.nextBlockTime(), Optional.of(rootKeyDer));
    assertThatThrownBy(() -> IngressValidator.validate(call, bed.nextBlockTime(),
        Optional.of(otherRoot))).isInstanceOf(InvalidIngressException.class)
        .hasMessageContaining("invalid canister signature");
    assertThatThrownBy(() -> IngressValidator.validate(call, bed.nextBlockTime()))
        .isInstanceOf(InvalidIngressException.class).hasMessageContaining("no root key");
  }

  /** The user's canister-signature key and the delegation to the session key it signed. */
  private record Issued(byte[] userKeyDer, SenderDelegation link) {}

  /**
   * What an Internet Identity front end does: {@code prepare_delegation} (an update, which
   * certifies the signature tree), {@code get_delegation} (a query, the witness) and a certificate
   * of the subnet's state, combined into the canister signature.
   */
  private Issued issue(byte[] sessionKeyDer) throws Exception {
    RequestStatus prepared = bed.call(device, CanisterTestBed.IDENTITY, "prepare_delegation",
        arg(sessionKeyDer));
    assertThat(prepared.status()).isEqualTo("replied");
    ExecutionResult got = bed.query(device, CanisterTestBed.IDENTITY, "get_delegation",
        arg(sessionKeyDer));
    HashTree witness = HashTreeCbor.decode(((ExecutionResult.Replied) got.outcome()).data());
    HashTree tree = Witness.prune(bed.state.certifiedTree(List.of()), List.of(
        List.of(bytes("canister"), bed.canister(CanisterTestBed.IDENTITY).toBytes(),
            bytes("certified_data")),
        List.of(bytes("time"))));
    Certificate cert = CertificateBuilder.certify(tree, message -> {
      TreeMap<Integer, G1Point> shares = new TreeMap<>();
      for (int i = 0; i < 3; i++) {
        shares.put(i, bls.signShare(subnetKey.secretKeyShares().get(i), message));
      }
      return bls.combine(3, shares).toBytes();
    }, Optional.empty());
    return new Issued(prepared.reply(), new SenderDelegation(new SessionKeyDelegation(
        sessionKeyDer, EXPIRATION, Optional.empty()),
        new CanisterSignature(cert.encode(), witness).encode()));
  }

  private static byte[] arg(byte[] sessionKeyDer) {
    return Fields.encode(sessionKeyDer, ByteBuffer.allocate(8).putLong(EXPIRATION).array());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
