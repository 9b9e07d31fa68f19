package dev.subnetsim.replica.canisters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.certification.BlsKeyDer;
import dev.subnetsim.chainkey.certification.CanisterSignature;
import dev.subnetsim.chainkey.certification.CanisterSignatureVerifier;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateBuilder;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.certification.HashTreeCbor;
import dev.subnetsim.chainkey.certification.Witness;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ecdh.ContentKeyWrap;
import dev.subnetsim.chainkey.ecdh.EcdhGroup;
import dev.subnetsim.chainkey.ecdh.TransportKeyPair;
import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.replica.chainkey.ChainKeyWire;
import dev.subnetsim.replica.execution.ExecutionResult;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The mDL key-agreement canister (threshold ECDH encrypted to the reader client, CEK wrapped under
 * the agreed KEK) and the identity canister (session-key delegations as canister signatures that
 * verify under the root key).
 */
class KeyAgreementAndIdentityCanistersTest {
  private final CanisterTestBed bed = new CanisterTestBed();

  @Test
  void holderAndReaderClientAgreeAKekThroughTheCanisterAndExchangeAWrappedContentKey()
      throws Exception {
    UserKeyPair reader = bed.user("reader");
    EcScalar holderSecret = EcScalar.randomNonZero(EcCurve.P256, bed.rng.fork("holder"));
    EcPoint holderPublic = EcPoint.mulGenerator(holderSecret);
    TransportKeyPair transport = TransportKeyPair.generate(EcCurve.P256, bed.rng.fork("t"));
    RequestStatus key = bed.call(reader, CanisterTestBed.MDL, "public_key", Fields.encode());
    EcPoint readerStatic = EcPoint.decode(EcCurve.P256, key.reply());
    RequestStatus agreed = bed.call(reader, CanisterTestBed.MDL, "agree",
        Fields.encode(holderPublic.encode(), transport.publicKey().encode()));
    assertThat(agreed.status()).isEqualTo("replied");
    EcPoint[] rc = ChainKeyWire.decodeEncryptedCombined(EcCurve.P256, agreed.reply());
    byte[] readerSecret = EcdhGroup.P256.sharedSecret(rc[1].sub(rc[0].mul(transport.secret())));
    // The holder runs plain ECDH with its own private key (JDK KeyAgreement would give the same).
    byte[] holderSecretBytes = EcdhGroup.P256.sharedSecret(readerStatic.mul(holderSecret));
    assertThat(readerSecret).isEqualTo(holderSecretBytes);
    byte[] salt = "mdl-session".getBytes(StandardCharsets.UTF_8);
    byte[] cek = new byte[32];
    bed.rng.fork("cek").nextBytes(cek);
    byte[] wrapped = ContentKeyWrap.wrap(ContentKeyWrap.deriveKek(readerSecret, salt, new byte[0]), cek);
    assertThat(ContentKeyWrap.unwrap(ContentKeyWrap.deriveKek(holderSecretBytes, salt, new byte[0]),
        wrapped)).isEqualTo(cek);
  }

  @Test
  void aDelegationSignedByTheIdentityCanisterVerifiesUnderTheRootKeyAndOnlyForItsSessionKey()
      throws Exception {
    UserKeyPair user = bed.user("user");
    byte[] sessionKey = bed.user("session").publicKeyDer();
    byte[] arg = Fields.encode(sessionKey, ByteBuffer.allocate(8).putLong(3_600_000_000_000L).array());
    RequestStatus prepared = bed.call(user, CanisterTestBed.IDENTITY, "prepare_delegation", arg);
    assertThat(prepared.status()).isEqualTo("replied");
    byte[] userPublicKeyDer = prepared.reply();
    ExecutionResult got = bed.query(user, CanisterTestBed.IDENTITY, "get_delegation", arg);
    HashTree witness = HashTreeCbor.decode(((ExecutionResult.Replied) got.outcome()).data());
    // A certificate of the subnet's certified state, signed by a threshold of a subnet key.
    ThresholdBls bls = ThresholdBls.ic();
    ThresholdKeySet subnetKey = bls.generateKeys(4, 3, bed.rng.fork("subnet-key"));
    HashTree tree = Witness.prune(bed.state.certifiedTree(List.of()), List.of(
        List.of("canister".getBytes(StandardCharsets.UTF_8),
            bed.canister(CanisterTestBed.IDENTITY).toBytes(),
            "certified_data".getBytes(StandardCharsets.UTF_8)),
        List.of("time".getBytes(StandardCharsets.UTF_8))));
    Certificate cert = CertificateBuilder.certify(tree, message -> {
      TreeMap<Integer, G1Point> shares = new TreeMap<>();
      for (int i = 0; i < 3; i++) {
        shares.put(i, bls.signShare(subnetKey.secretKeyShares().get(i), message));
      }
      return bls.combine(3, shares).toBytes();
    }, Optional.empty());
    byte[] signature = new CanisterSignature(cert.encode(), witness).encode();
    byte[] rootKeyDer = BlsKeyDer.encode(subnetKey.publicKey().toBytes());
    byte[] message = new SessionKeyDelegation(sessionKey, 3_600_000_000_000L, Optional.empty())
        .signedMessage();
    CanisterSignatureVerifier verifier = CanisterSignatureVerifier.jblst();
    assertThat(verifier.isValid(userPublicKeyDer, message, signature, rootKeyDer)).isTrue();
    byte[] otherSession = new SessionKeyDelegation(bed.user("thief").publicKeyDer(),
        3_600_000_000_000L, Optional.empty()).signedMessage();
    assertThat(verifier.isValid(userPublicKeyDer, otherSession, signature, rootKeyDer)).isFalse();
    UserKeyPair other = bed.user("other");
    assertThat(bed.query(other, CanisterTestBed.IDENTITY, "get_delegation", arg).outcome())
        .isInstanceOf(ExecutionResult.Rejected.class);
  }
}
