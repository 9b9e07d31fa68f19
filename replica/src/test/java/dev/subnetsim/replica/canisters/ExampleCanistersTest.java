package dev.subnetsim.replica.canisters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.docs.DocumentKeys;
import dev.subnetsim.chainkey.docs.EncryptedDocumentKey;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ecdh.EncryptedDhShare;
import dev.subnetsim.chainkey.ecdh.TransportKeyPair;
import dev.subnetsim.chainkey.ecdsa.ThresholdEcdsa;
import dev.subnetsim.chainkey.vetkd.DerivationContext;
import dev.subnetsim.chainkey.vetkd.EncryptedVetKey;
import dev.subnetsim.chainkey.vetkd.TransportSecretKey;
import dev.subnetsim.replica.chainkey.ChainKeyWire;
import dev.subnetsim.replica.execution.ExecutionResult;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The seed stories' canisters end to end through execution and threshold cryptography: encrypted
 * notes on vetKD, a Secret Store with a permission program, and a wallet signing with threshold
 * ECDSA under per-user derived keys.
 */
class ExampleCanistersTest {
  private final CanisterTestBed bed = new CanisterTestBed();

  private static byte[] aesGcm(int mode, byte[] key, byte[] data) throws Exception {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, new SecretKeySpec(key, 0, 32, "AES"), new GCMParameterSpec(128, new byte[12]));
    return c.doFinal(data);
  }

  private static byte[] sha256(byte[] b) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(b);
  }

  /** A user's note key: its vetKey fetched through the canister, decrypted and verified. */
  private byte[] noteKey(UserKeyPair user) throws Exception {
    TransportSecretKey tsk = TransportSecretKey.random(bed.rng.fork("tsk-" + user.principal().toText()));
    RequestStatus s = bed.call(user, CanisterTestBed.NOTES, "encrypted_key",
        Fields.encode(tsk.publicKey().toBytes()));
    assertThat(s.status()).isEqualTo("replied");
    var derived = DerivationContext.of(bed.canister(CanisterTestBed.NOTES).toBytes(),
        EncryptedNotesCanister.CONTEXT).derive(bed.keys.publicKeys().vetKdKey().publicKey()).publicKey();
    return sha256(EncryptedVetKey.fromBytes(s.reply())
        .decryptAndVerify(tsk, derived, user.principal().toBytes()).signature().toBytes());
  }

  @Test
  void encryptedNotesDecryptForTheirAuthorAndForNobodyElse() throws Exception {
    UserKeyPair alice = bed.user("alice");
    UserKeyPair bob = bed.user("bob");
    byte[] aliceKey = noteKey(alice);
    byte[] note = "meet at noon".getBytes(StandardCharsets.UTF_8);
    assertThat(bed.call(alice, CanisterTestBed.NOTES, "store",
        Fields.encode(aesGcm(Cipher.ENCRYPT_MODE, aliceKey, note))).status()).isEqualTo("replied");
    ExecutionResult listed = bed.query(alice, CanisterTestBed.NOTES, "notes", new byte[0]);
    byte[] stored = Fields.decode(((ExecutionResult.Replied) listed.outcome()).data(), 1).get(0);
    assertThat(aesGcm(Cipher.DECRYPT_MODE, aliceKey, stored)).isEqualTo(note);
    byte[] bobsList = ((ExecutionResult.Replied) bed.query(bob, CanisterTestBed.NOTES, "notes",
        new byte[0]).outcome()).data();
    assertThat(Fields.decode(bobsList, 0)).isEmpty(); // Bob does not even see Alice's ciphertext
    byte[] bobKey = noteKey(bob);
    assertThat(bobKey).isNotEqualTo(aliceKey);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> aesGcm(Cipher.DECRYPT_MODE, bobKey, stored))
        .isInstanceOf(javax.crypto.AEADBadTagException.class);
  }

  @Test
  void theSecretStoreRefusesAnUnauthorizedRequesterAndAnAuthorizedOneDecrypts() throws Exception {
    UserKeyPair owner = bed.user("owner");
    UserKeyPair reader = bed.user("reader");
    UserKeyPair stranger = bed.user("stranger");
    EcPoint documentKey = DocumentKeys.randomDocumentKey(EcCurve.SECP256K1, bed.rng.fork("m"));
    EncryptedDocumentKey stored = DocumentKeys.encrypt(bed.keys.publicKeys().documentServerKey(),
        documentKey, bed.rng.fork("enc"));
    byte[] secret = "patient record".getBytes(StandardCharsets.UTF_8);
    byte[] ciphertext = aesGcm(Cipher.ENCRYPT_MODE, DocumentKeys.symmetricKey(documentKey), secret);
    byte[] doc = "doc-1".getBytes(StandardCharsets.UTF_8);
    assertThat(bed.call(owner, CanisterTestBed.SECRET_STORE, "store", Fields.encode(doc,
        stored.commonPoint().encode(), stored.encryptedPoint().encode(), ciphertext)).status())
        .isEqualTo("replied");
    TransportKeyPair strangerKey = TransportKeyPair.generate(EcCurve.SECP256K1, bed.rng.fork("s"));
    long pendingBefore = bed.state.chainKeyRequests().size();
    RequestStatus refused = bed.call(stranger, CanisterTestBed.SECRET_STORE, "retrieve",
        Fields.encode(doc, strangerKey.publicKey().encode()));
    assertThat(refused.status()).isEqualTo("rejected");
    assertThat(refused.rejectMessage()).isEqualTo(SecretStoreCanister.FORBIDDEN);
    assertThat(bed.state.chainKeyRequests()).hasSize((int) pendingBefore);
    assertThat(bed.call(stranger, CanisterTestBed.SECRET_STORE, "grant",
        Fields.encode(doc, stranger.principal().toBytes())).rejectMessage())
        .isEqualTo(SecretStoreCanister.FORBIDDEN);

    assertThat(bed.call(owner, CanisterTestBed.SECRET_STORE, "grant",
        Fields.encode(doc, reader.principal().toBytes())).status()).isEqualTo("replied");
    TransportKeyPair readerKey = TransportKeyPair.generate(EcCurve.SECP256K1, bed.rng.fork("r"));
    RequestStatus granted = bed.call(reader, CanisterTestBed.SECRET_STORE, "retrieve",
        Fields.encode(doc, readerKey.publicKey().encode()));
    assertThat(granted.status()).isEqualTo("replied");
    List<byte[]> f = Fields.decode(granted.reply(), 2 + bed.keys.publicKeys().threshold());
    List<EncryptedDhShare> shadows = new ArrayList<>();
    for (byte[] b : f.subList(2, f.size())) {
      shadows.add(ChainKeyWire.decodeEncryptedDhShare(EcCurve.SECP256K1, b));
    }
    EcPoint recovered = DocumentKeys.recover(bed.keys.publicKeys().documentServerKey(), stored,
        readerKey, shadows).documentKey();
    assertThat(aesGcm(Cipher.DECRYPT_MODE, DocumentKeys.symmetricKey(recovered), f.get(1)))
        .isEqualTo(secret);
  }

  @Test
  void theWalletSignsWithThresholdEcdsaUnderEachUsersDerivedKeyAndLogsIt() throws Exception {
    UserKeyPair alice = bed.user("alice");
    UserKeyPair bob = bed.user("bob");
    RequestStatus key = bed.call(alice, CanisterTestBed.WALLET, "public_key",
        Fields.encode("ecdsa".getBytes(StandardCharsets.UTF_8)));
    EcPoint aliceKey = EcPoint.decode(EcCurve.SECP256K1, Fields.decode(key.reply(), 2).get(0));
    byte[] tx = sha256("pay bob 1 BTC".getBytes(StandardCharsets.UTF_8));
    RequestStatus signed = bed.call(alice, CanisterTestBed.WALLET, "sign",
        Fields.encode("ecdsa".getBytes(StandardCharsets.UTF_8), tx));
    assertThat(signed.status()).isEqualTo("replied");
    assertThat(ThresholdEcdsa.verify(aliceKey, tx, signed.reply())).isTrue();
    EcPoint bobKey = EcPoint.decode(EcCurve.SECP256K1, Fields.decode(bed.call(bob,
        CanisterTestBed.WALLET, "public_key", Fields.encode("ecdsa".getBytes(StandardCharsets.UTF_8)))
        .reply(), 2).get(0));
    assertThat(ThresholdEcdsa.verify(bobKey, tx, signed.reply())).isFalse();
    // The signature took one secp256k1 presignature of the stash of 4; P-256's is untouched.
    assertThat(bed.subnet.management().schemes().get("sign_with_ecdsa")
        .presignaturesAvailable(bed.state))
        .containsEntry("ecdsa/" + EcCurve.SECP256K1, 3L).containsEntry("ecdsa/" + EcCurve.P256, 4L);
    assertThat(((ExecutionResult.Replied) bed.query(alice, CanisterTestBed.WALLET, "signed",
        new byte[0]).outcome()).data()).isEqualTo(java.nio.ByteBuffer.allocate(8).putLong(1).array());
    RequestStatus bad = bed.call(alice, CanisterTestBed.WALLET, "sign",
        Fields.encode("ecdsa".getBytes(StandardCharsets.UTF_8)));
    assertThat(bad.status()).isEqualTo("rejected");
    assertThat(bad.rejectMessage()).contains("expected 2 argument fields");
  }
}
