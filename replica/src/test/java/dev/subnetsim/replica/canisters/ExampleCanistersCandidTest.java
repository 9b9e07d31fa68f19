package dev.subnetsim.replica.canisters;

import static dev.subnetsim.replica.candid.CandidType.BLOB;
import static dev.subnetsim.replica.candid.CandidType.NAT64;
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
import dev.subnetsim.replica.candid.Candid;
import dev.subnetsim.replica.candid.CandidType;
import dev.subnetsim.replica.candid.CandidVariant;
import dev.subnetsim.replica.chainkey.ChainKeyWire;
import dev.subnetsim.replica.execution.ExecutionResult;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.management.ManagementCandid;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The example canisters called in Candid, per their {@code .did} files: each answers in Candid,
 * and its calls to the management canister are Candid too (the chain-key methods' replies come
 * back as Candid records), with real threshold cryptography behind them.
 */
class ExampleCanistersCandidTest {
  private static final CandidType ALGORITHM = CandidType.enumeration("ecdsa", "bip340");
  private final CanisterTestBed bed = new CanisterTestBed();

  private static byte[] candid(List<CandidType> types, Object... values) {
    return Candid.encode(types, Arrays.asList(values));
  }

  private static Object one(RequestStatus s, CandidType type) {
    assertThat(s.status()).as(s.rejectMessage()).isEqualTo("replied");
    return Candid.decode(s.reply(), List.of(type)).get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> record(Object o) {
    return (Map<String, Object>) o;
  }

  private static byte[] sha256(byte[] b) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(b);
  }

  @Test
  void theWalletInCandidSignsUnderTheKeyItReportsInCandid() throws Exception {
    UserKeyPair alice = bed.user("alice");
    Map<String, Object> key = record(one(bed.call(alice, CanisterTestBed.WALLET, "public_key",
        candid(List.of(ALGORITHM), CandidVariant.of("ecdsa"))), CandidType.record(
            CandidType.field("public_key", BLOB), CandidType.field("chain_code", BLOB))));
    EcPoint aliceKey = EcPoint.decode(EcCurve.SECP256K1, (byte[]) key.get("public_key"));
    assertThat((byte[]) key.get("chain_code")).hasSize(32);
    byte[] tx = sha256("pay bob 1 BTC".getBytes(StandardCharsets.UTF_8));
    byte[] sig = (byte[]) one(bed.call(alice, CanisterTestBed.WALLET, "sign",
        candid(List.of(ALGORITHM, BLOB), CandidVariant.of("ecdsa"), tx)), BLOB);
    assertThat(ThresholdEcdsa.verify(aliceKey, tx, sig)).isTrue();
    // The same key in the byte format: one key, two encodings.
    byte[] plain = bed.call(alice, CanisterTestBed.WALLET, "public_key",
        Fields.encode("ecdsa".getBytes(StandardCharsets.UTF_8))).reply();
    assertThat(Fields.decode(plain, 2).get(0)).isEqualTo(key.get("public_key"));
    ExecutionResult signed = bed.query(alice, CanisterTestBed.WALLET, "signed",
        candid(List.of()));
    assertThat(Candid.decode(((ExecutionResult.Replied) signed.outcome()).data(), List.of(NAT64)))
        .containsExactly(1L);
    RequestStatus bad = bed.call(alice, CanisterTestBed.WALLET, "sign",
        candid(List.of(CandidType.TEXT), "ecdsa"));
    assertThat(bad.status()).isEqualTo("rejected");
    assertThat(bad.rejectMessage()).contains("Candid argument");
  }

  @Test
  void encryptedNotesInCandidHandOutAVetKeyThatDecryptsAndVerifies() throws Exception {
    UserKeyPair alice = bed.user("alice");
    TransportSecretKey tsk = TransportSecretKey.random(bed.rng.fork("tsk"));
    byte[] encrypted = (byte[]) one(bed.call(alice, CanisterTestBed.NOTES, "encrypted_key",
        candid(List.of(BLOB), (Object) tsk.publicKey().toBytes())), BLOB);
    byte[] derivedKey = (byte[]) one(bed.call(alice, CanisterTestBed.NOTES, "public_key",
        candid(List.of())), BLOB);
    var derived = DerivationContext.of(bed.canister(CanisterTestBed.NOTES).toBytes(),
        EncryptedNotesCanister.CONTEXT).derive(bed.keys.publicKeys().vetKdKey().publicKey())
        .publicKey();
    assertThat(derivedKey).isEqualTo(derived.toBytes());
    assertThat(EncryptedVetKey.fromBytes(encrypted).decryptAndVerify(tsk, derived,
        alice.principal().toBytes())).isNotNull();
    assertThat(one(bed.call(alice, CanisterTestBed.NOTES, "store",
        candid(List.of(BLOB), (Object) new byte[] {1, 2})), NAT64)).isEqualTo(0L);
    ExecutionResult notes = bed.query(alice, CanisterTestBed.NOTES, "notes", candid(List.of()));
    List<Object> listed = Candid.decode(((ExecutionResult.Replied) notes.outcome()).data(),
        List.of(CandidType.vec(BLOB)));
    assertThat((List<?>) listed.get(0)).singleElement()
        .satisfies(n -> assertThat((byte[]) n).containsExactly(1, 2));
  }

  @Test
  void theSecretStoreInCandidServesShadowsToAGrantedReaderOnly() throws Exception {
    UserKeyPair owner = bed.user("owner");
    UserKeyPair reader = bed.user("reader");
    UserKeyPair stranger = bed.user("stranger");
    EcPoint documentKey = DocumentKeys.randomDocumentKey(EcCurve.SECP256K1, bed.rng.fork("m"));
    EncryptedDocumentKey stored = DocumentKeys.encrypt(bed.keys.publicKeys().documentServerKey(),
        documentKey, bed.rng.fork("enc"));
    byte[] doc = "doc-1".getBytes(StandardCharsets.UTF_8);
    RequestStatus put = bed.call(owner, CanisterTestBed.SECRET_STORE, "store",
        candid(List.of(BLOB, BLOB, BLOB, BLOB), doc, stored.commonPoint().encode(),
            stored.encryptedPoint().encode(), new byte[] {9}));
    assertThat(put.status()).as(put.rejectMessage()).isEqualTo("replied");
    assertThat(put.reply()).isEqualTo(candid(List.of()));
    assertThat(one(bed.call(owner, CanisterTestBed.SECRET_STORE, "server_key",
        candid(List.of())), BLOB))
        .isEqualTo(bed.keys.publicKeys().documentServerKey().publicKey().encode());
    TransportKeyPair strangerKey = TransportKeyPair.generate(EcCurve.SECP256K1, bed.rng.fork("s"));
    RequestStatus refused = bed.call(stranger, CanisterTestBed.SECRET_STORE, "retrieve",
        candid(List.of(BLOB, BLOB), doc, strangerKey.publicKey().encode()));
    assertThat(refused.rejectMessage()).isEqualTo(SecretStoreCanister.FORBIDDEN);
    assertThat(bed.call(owner, CanisterTestBed.SECRET_STORE, "grant", candid(
        List.of(BLOB, CandidType.PRINCIPAL), doc, reader.principal().toBytes())).status())
        .isEqualTo("replied");
    TransportKeyPair readerKey = TransportKeyPair.generate(EcCurve.SECP256K1, bed.rng.fork("r"));
    Map<String, Object> got = record(one(bed.call(reader, CanisterTestBed.SECRET_STORE,
        "retrieve", candid(List.of(BLOB, BLOB), doc, readerKey.publicKey().encode())),
        CandidType.record(CandidType.field("encrypted_point", BLOB),
            CandidType.field("ciphertext", BLOB),
            CandidType.field("shadows", CandidType.vec(BLOB)))));
    assertThat((byte[]) got.get("ciphertext")).containsExactly(9);
    List<EncryptedDhShare> shadows = new ArrayList<>();
    for (Object b : (List<?>) got.get("shadows")) {
      shadows.add(ChainKeyWire.decodeEncryptedDhShare(EcCurve.SECP256K1, (byte[]) b));
    }
    assertThat(DocumentKeys.recover(bed.keys.publicKeys().documentServerKey(), stored,
        readerKey, shadows).documentKey()).isEqualTo(documentKey);
  }

  @Test
  void theMdlCanisterAndTheIdentityCanisterAnswerInCandid() {
    UserKeyPair holder = bed.user("holder");
    byte[] key = (byte[]) one(bed.call(holder, CanisterTestBed.MDL, "public_key",
        candid(List.of(CandidType.enumeration("p256", "x25519")), CandidVariant.of("p256"))), BLOB);
    byte[] plain = bed.call(holder, CanisterTestBed.MDL, "public_key",
        Fields.encode("p256".getBytes(StandardCharsets.UTF_8))).reply();
    assertThat(key).isEqualTo(plain);
    EcPoint.decode(EcCurve.P256, key); // a P-256 point
    byte[] session = new byte[44];
    long expiry = 10_000 * CanisterTestBed.S;
    byte[] der = (byte[]) one(bed.call(holder, CanisterTestBed.IDENTITY, "prepare_delegation",
        candid(List.of(BLOB, NAT64), session, expiry)), BLOB);
    assertThat(der).isEqualTo(bed.call(holder, CanisterTestBed.IDENTITY, "prepare_delegation",
        Fields.encode(session, java.nio.ByteBuffer.allocate(8).putLong(expiry).array())).reply());
  }

  @Test
  void theProxyRelaysCandidManagementCallsAndCanisterIdNamesWhoseKey() {
    UserKeyPair alice = bed.user("alice");
    byte[] walletKey = Fields.decode(bed.call(alice, CanisterTestBed.WALLET, "public_key",
        Fields.encode("ecdsa".getBytes(StandardCharsets.UTF_8))).reply(), 2).get(0);
    // ecdsa_public_key of the wallet canister for path [alice]: the key the wallet gave Alice.
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("canister_id", Optional.of(bed.canister(CanisterTestBed.WALLET).toBytes()));
    args.put("derivation_path", List.of(alice.principal().toBytes()));
    args.put("key_id", Map.of("curve", CandidVariant.of("secp256k1"), "name", "key_1"));
    byte[] reply = (byte[]) one(bed.call(alice, CanisterTestBed.PROXY, "call", candid(
        List.of(CandidType.TEXT, BLOB), "ecdsa_public_key",
        ManagementCandid.encodeArgument("ecdsa_public_key", args))), BLOB);
    assertThat(ManagementCandid.decodeReply("ecdsa_public_key", reply).get("public_key"))
        .isEqualTo(walletKey);
    // Without canister_id it is the proxy's own key: another one.
    args.put("canister_id", Optional.empty());
    byte[] own = (byte[]) one(bed.call(alice, CanisterTestBed.PROXY, "call", candid(
        List.of(CandidType.TEXT, BLOB), "ecdsa_public_key",
        ManagementCandid.encodeArgument("ecdsa_public_key", args))), BLOB);
    assertThat(ManagementCandid.decodeReply("ecdsa_public_key", own).get("public_key"))
        .isNotEqualTo(walletKey);
    // A Candid argument the management canister cannot read: rejected with the reason.
    RequestStatus bad = bed.call(alice, CanisterTestBed.PROXY, "call", candid(
        List.of(CandidType.TEXT, BLOB), "sign_with_ecdsa", candid(List.of(CandidType.TEXT), "x")));
    assertThat(bad.status()).isEqualTo("rejected");
    assertThat(bad.rejectMessage()).contains("sign_with_ecdsa").contains("Candid argument");
  }

  @Test
  void everyExampleCanisterAndTheManagementCanisterHaveADidFile() throws Exception {
    for (String name : List.of("counter", "wallet", "encrypted-notes", "identity", "mdl-ecdh",
        "secret-store", "chainkey-proxy", "management")) {
      try (InputStream in = getClass().getResourceAsStream("/candid/" + name + ".did")) {
        assertThat(in).as(name + ".did").isNotNull();
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("service");
      }
    }
  }
}
