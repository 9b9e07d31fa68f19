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
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mDL key-agreement canister (threshold ECDH encrypted to the reader client, CEK wrapped under
 * the agreed KEK) and the identity canister (session-key delegations as canister signatures that
 * verify under the root key).
 */
class KeyAgreementAndIdentityCanistersTest {
  private final CanisterTestBed bed = new CanisterTestBed();

  /** A holder with a plain key pair on {@code curve}, doing its side of ECDH with independent code. */
  private record Holder(String curve, byte[] publicKey, byte[] privateKey) {
    static Holder generate(String curve, java.security.SecureRandom rng) {
      byte[] sk = new byte[32];
      if (curve.equals("x25519")) {
        rng.nextBytes(sk);
        byte[] pk = new byte[32];
        X25519.scalarMultBase(sk, 0, pk, 0); // Bouncy Castle's RFC 7748 code
        return new Holder(curve, pk, sk);
      }
      EcScalar d = EcScalar.randomNonZero(EcCurve.P256, rng);
      return new Holder(curve, EcPoint.mulGenerator(d).encode(), d.toBytes());
    }

    /** Plain ECDH with the reader's static key (SEC1 or X25519 u). */
    byte[] agree(byte[] readerKey) {
      if (curve.equals("x25519")) {
        byte[] out = new byte[32];
        X25519.scalarMult(privateKey, 0, readerKey, 0, out, 0);
        return out;
      }
      return EcdhGroup.P256.sharedSecret(EcPoint.decode(EcCurve.P256, readerKey)
          .mul(EcScalar.fromBytes(EcCurve.P256, privateKey)));
    }

    EcCurve group() {
      return curve.equals("x25519") ? EcCurve.ED25519 : EcCurve.P256;
    }
  }

  /** The reader client's side: asks canister {@code mdl} to agree, decrypts with its transport key. */
  private byte[] readerSecret(UserKeyPair reader, long mdl, Holder holder, String label) {
    TransportKeyPair transport = TransportKeyPair.generate(holder.group(), bed.rng.fork(label));
    RequestStatus agreed = bed.call(reader, mdl, "agree", Fields.encode(utf8(holder.curve()),
        holder.publicKey(), transport.publicKey().encode()));
    assertThat(agreed.status()).as(agreed.rejectMessage()).isEqualTo("replied");
    EcPoint[] rc = ChainKeyWire.decodeEncryptedCombined(holder.group(), agreed.reply());
    return EcdhGroup.of(holder.group()).sharedSecret(rc[1].sub(rc[0].mul(transport.secret())));
  }

  private byte[] readerKey(UserKeyPair reader, long mdl, String curve) {
    RequestStatus key = bed.call(reader, mdl, "public_key", Fields.encode(utf8(curve)));
    assertThat(key.status()).isEqualTo("replied");
    return key.reply();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"p256", "x25519"})
  void holderAndReaderClientAgreeAKekThroughTheCanisterAndExchangeAWrappedContentKey(String curve)
      throws Exception {
    UserKeyPair reader = bed.user("reader");
    Holder holder = Holder.generate(curve, bed.rng.fork("holder"));
    byte[] readerStatic = readerKey(reader, CanisterTestBed.MDL, curve);
    byte[] readerSecret = readerSecret(reader, CanisterTestBed.MDL, holder, "t");
    // The holder runs plain ECDH with its own private key against the canister's derived key.
    byte[] holderSecretBytes = holder.agree(readerStatic);
    assertThat(readerSecret).isEqualTo(holderSecretBytes);
    byte[] salt = "mdl-session".getBytes(StandardCharsets.UTF_8);
    byte[] cek = new byte[32];
    bed.rng.fork("cek").nextBytes(cek);
    byte[] wrapped = ContentKeyWrap.wrap(ContentKeyWrap.deriveKek(readerSecret, salt, new byte[0]), cek);
    assertThat(ContentKeyWrap.unwrap(ContentKeyWrap.deriveKek(holderSecretBytes, salt, new byte[0]),
        wrapped)).isEqualTo(cek);
  }

  @ParameterizedTest
  @ValueSource(strings = {"p256", "x25519"})
  void theReaderKeyIsTheCanistersOwnDerivedKeyNotTheSubnetMasterKey(String curve) {
    UserKeyPair reader = bed.user("reader");
    byte[] a = readerKey(reader, CanisterTestBed.MDL, curve);
    byte[] b = readerKey(reader, CanisterTestBed.MDL_B, curve);
    var master = bed.keys.publicKeys().ecdhKeys().get(curve.equals("x25519") ? EcCurve.ED25519 : EcCurve.P256);
    var expected = dev.subnetsim.chainkey.ecdh.CallerEcdhKey.derive(master,
        bed.canister(CanisterTestBed.MDL).toBytes(), MdlEcdhCanister.PATH);
    assertThat(a).isEqualTo(expected.wirePublicKey())
        .isNotEqualTo(dev.subnetsim.chainkey.ecdh.ThresholdEcdh.subnetPublicKey(master))
        .isNotEqualTo(b);
  }

  @ParameterizedTest
  @ValueSource(strings = {"p256", "x25519"})
  void aCuriousCanisterAskingForTheSameHolderKeyGetsItsOwnProductNotTheReaderCanistersKek(String curve) {
    UserKeyPair reader = bed.user("reader");
    Holder holder = Holder.generate(curve, bed.rng.fork("holder"));
    byte[] victims = readerSecret(reader, CanisterTestBed.MDL, holder, "t-a");
    // Canister B runs the same code and path and sends A's holder key: the replicas answer with
    // B's derived key, so B learns nothing about the KEK A's holder agreed.
    byte[] curious = readerSecret(reader, CanisterTestBed.MDL_B, holder, "t-b");
    assertThat(curious).isNotEqualTo(victims)
        .isEqualTo(holder.agree(readerKey(reader, CanisterTestBed.MDL_B, curve)));
    assertThat(victims).isEqualTo(holder.agree(readerKey(reader, CanisterTestBed.MDL, curve)));
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
