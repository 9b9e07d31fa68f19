package dev.subnetsim.replica.canisters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.docs.DocumentKeys;
import dev.subnetsim.chainkey.docs.EncryptedDocumentKey;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ecdh.EncryptedDhShare;
import dev.subnetsim.chainkey.ecdh.TransportKeyPair;
import dev.subnetsim.replica.chainkey.ChainKeyWire;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The key holders enforce the document's permission program: shadows of a stored document key go
 * to the permission canister named when it was stored, and to another canister only when that
 * permission program, asked by the key holders in replicated execution, says yes.
 */
class DocumentKeyPermissionTest {
  private static final byte[] DOC = "doc-1".getBytes(StandardCharsets.UTF_8);
  private final CanisterTestBed bed = new CanisterTestBed();
  private final UserKeyPair owner = bed.user("owner");
  private final UserKeyPair stranger = bed.user("stranger");
  private EncryptedDocumentKey stored;
  private EcPoint documentKey;
  private TransportKeyPair strangerPair;
  private byte[] strangerKey;

  @BeforeEach
  void ownerStoresADocumentThroughTheSecretStore() {
    documentKey = DocumentKeys.randomDocumentKey(EcCurve.SECP256K1, bed.rng.fork("m"));
    stored = DocumentKeys.encrypt(bed.keys.publicKeys().documentServerKey(), documentKey,
        bed.rng.fork("enc"));
    assertThat(bed.call(owner, CanisterTestBed.SECRET_STORE, "store", Fields.encode(DOC,
        stored.commonPoint().encode(), stored.encryptedPoint().encode(), new byte[16])).status())
        .isEqualTo("replied");
    strangerPair = TransportKeyPair.generate(EcCurve.SECP256K1, bed.rng.fork("s"));
    strangerKey = strangerPair.publicKey().encode();
  }

  private RequestStatus direct(String method, byte[] arg) {
    return bed.call(stranger, CanisterTestBed.STRANGER, "call",
        Fields.encode(method.getBytes(StandardCharsets.UTF_8), arg));
  }

  private byte[] shadowsOf(byte[] commonPoint) {
    return new ManagementRequest.DocumentKeyShadows(commonPoint, strangerKey,
        SubnetChainKeys.DOCUMENT_KEY_NAME).encode();
  }

  @Test
  void aStrangerCanisterCallingDocumentKeyShadowsDirectlyIsRefusedWith403AndNoShadowIsComputed() {
    int pending = bed.state.chainKeyRequests().size();
    RequestStatus refused = direct("document_key_shadows", shadowsOf(stored.commonPoint().encode()));
    assertThat(refused.status()).isEqualTo("rejected");
    assertThat(refused.rejectMessage()).startsWith(ManagementRequest.DocumentKeyShadows.FORBIDDEN)
        .contains("the permission canister " + bed.canister(CanisterTestBed.SECRET_STORE)
            + " refused " + bed.canister(CanisterTestBed.STRANGER));
    assertThat(bed.state.chainKeyRequests()).hasSize(pending);
    assertThat(bed.state.callContexts()).isEmpty();
    assertThat(bed.state.callbacks()).isEmpty();
  }

  @Test
  void aThirdPartyCanisterThePermissionProgramAllowsIsServedShadowsThatRecoverTheKey() {
    assertThat(bed.call(owner, CanisterTestBed.SECRET_STORE, "grant", Fields.encode(DOC,
        bed.canister(CanisterTestBed.STRANGER).toBytes())).status()).isEqualTo("replied");
    RequestStatus served = direct("document_key_shadows", shadowsOf(stored.commonPoint().encode()));
    assertThat(served.status()).as(served.rejectMessage()).isEqualTo("replied");
    List<EncryptedDhShare> shadows = new ArrayList<>();
    for (byte[] b : ManagementReply.DocumentKeyShadows.decode(served.reply()).shadows()) {
      shadows.add(ChainKeyWire.decodeEncryptedDhShare(EcCurve.SECP256K1, b));
    }
    assertThat(DocumentKeys.recover(bed.keys.publicKeys().documentServerKey(), stored,
        strangerPair, shadows).documentKey()).isEqualTo(documentKey);
  }

  @Test
  void aRevokedThirdPartyIsRefusedAgainBecauseTheProgramIsAskedAtEachRequest() {
    byte[] grantee = Fields.encode(DOC, bed.canister(CanisterTestBed.STRANGER).toBytes());
    bed.call(owner, CanisterTestBed.SECRET_STORE, "grant", grantee);
    assertThat(direct("document_key_shadows", shadowsOf(stored.commonPoint().encode())).status())
        .isEqualTo("replied");
    bed.call(owner, CanisterTestBed.SECRET_STORE, "revoke", grantee);
    assertThat(direct("document_key_shadows", shadowsOf(stored.commonPoint().encode()))
        .rejectMessage()).startsWith(ManagementRequest.DocumentKeyShadows.FORBIDDEN)
        .contains("refused");
  }

  @Test
  void aPermissionProgramThatCannotAnswerMeans403() {
    byte[] point = DocumentKeys.encrypt(bed.keys.publicKeys().documentServerKey(),
        DocumentKeys.randomDocumentKey(EcCurve.SECP256K1, bed.rng.fork("m4")), bed.rng.fork("e4"))
        .commonPoint().encode();
    // The notes canister guards this key, but has no permission program to ask.
    assertThat(direct("document_key_store", new ManagementRequest.DocumentKeyStore(point,
        bed.canister(CanisterTestBed.NOTES).toBytes(), SubnetChainKeys.DOCUMENT_KEY_NAME).encode())
        .status()).isEqualTo("replied");
    RequestStatus refused = direct("document_key_shadows", shadowsOf(point));
    assertThat(refused.rejectMessage()).startsWith(ManagementRequest.DocumentKeyShadows.FORBIDDEN)
        .contains("did not answer").contains("no update method '"
            + ManagementRequest.DocumentKeyShadows.CHECK_METHOD + "'");
    assertThat(bed.state.chainKeyRequests()).isEmpty();
  }

  @Test
  void onlyTheKeyHoldersMayAskThePermissionProgram() {
    RequestStatus asked = bed.call(stranger, CanisterTestBed.SECRET_STORE,
        ManagementRequest.DocumentKeyShadows.CHECK_METHOD, new byte[] {0, 0, 0, 0});
    assertThat(asked.status()).isEqualTo("rejected");
    assertThat(asked.rejectMessage()).contains("only the key holders ask");
  }

  @Test
  void aStrangerCannotReRegisterAStoredDocumentUnderItsOwnPermissionCanister() {
    RequestStatus refused = direct("document_key_store", new ManagementRequest.DocumentKeyStore(
        stored.commonPoint().encode(), bed.canister(CanisterTestBed.STRANGER).toBytes(),
        SubnetChainKeys.DOCUMENT_KEY_NAME).encode());
    assertThat(refused.status()).isEqualTo("rejected");
    assertThat(refused.rejectMessage()).contains("already stored under another permission canister");
    assertThat(direct("document_key_shadows", shadowsOf(stored.commonPoint().encode()))
        .rejectMessage()).startsWith(ManagementRequest.DocumentKeyShadows.FORBIDDEN);
  }

  @Test
  void shadowsOfACommonPointNobodyStoredAreRefusedWith403() {
    byte[] unknown = DocumentKeys.encrypt(bed.keys.publicKeys().documentServerKey(),
        DocumentKeys.randomDocumentKey(EcCurve.SECP256K1, bed.rng.fork("m2")), bed.rng.fork("e2"))
        .commonPoint().encode();
    RequestStatus refused = direct("document_key_shadows", shadowsOf(unknown));
    assertThat(refused.rejectMessage()).startsWith(ManagementRequest.DocumentKeyShadows.FORBIDDEN)
        .contains("no document key is stored");
  }

  @Test
  void theProxyGetsNoShadowsOfAnotherCanistersDocumentUnlessAllowedNorRelaysRegistrations() {
    RequestStatus viaProxy = bed.call(stranger, CanisterTestBed.PROXY, "call",
        ChainKeyProxyCanister.callArg("document_key_shadows", shadowsOf(stored.commonPoint().encode())));
    assertThat(viaProxy.status()).isEqualTo("rejected");
    assertThat(viaProxy.rejectMessage()).startsWith(ManagementRequest.DocumentKeyShadows.FORBIDDEN)
        .contains("refused " + bed.canister(CanisterTestBed.PROXY));
    assertThat(bed.state.keyRecords().values()).noneMatch(guard -> java.util.Arrays.equals(guard,
        bed.canister(CanisterTestBed.PROXY).toBytes()));
    RequestStatus register = bed.call(stranger, CanisterTestBed.PROXY, "call",
        ChainKeyProxyCanister.callArg("document_key_store", new ManagementRequest.DocumentKeyStore(
            stored.commonPoint().encode(), bed.canister(CanisterTestBed.STRANGER).toBytes(),
            SubnetChainKeys.DOCUMENT_KEY_NAME).encode()));
    assertThat(register.rejectMessage()).contains("not a method this proxy relays");
  }

  @Test
  void theProxyIsServedShadowsOfAnotherCanistersDocumentOnceItsPermissionProgramAllowsIt() {
    assertThat(bed.call(owner, CanisterTestBed.SECRET_STORE, "grant", Fields.encode(DOC,
        bed.canister(CanisterTestBed.PROXY).toBytes())).status()).isEqualTo("replied");
    RequestStatus served = bed.call(stranger, CanisterTestBed.PROXY, "call",
        ChainKeyProxyCanister.callArg("document_key_shadows", shadowsOf(stored.commonPoint().encode())));
    assertThat(served.status()).as(served.rejectMessage()).isEqualTo("replied");
    assertThat(ManagementReply.DocumentKeyShadows.decode(served.reply()).shadows())
        .hasSize(bed.keys.publicKeys().documentServerKey().threshold());
  }

  @Test
  void theProxyGetsShadowsOfADocumentItRegistersItself() {
    byte[] own = DocumentKeys.encrypt(bed.keys.publicKeys().documentServerKey(),
        DocumentKeys.randomDocumentKey(EcCurve.SECP256K1, bed.rng.fork("m3")), bed.rng.fork("e3"))
        .commonPoint().encode();
    RequestStatus served = bed.call(stranger, CanisterTestBed.PROXY, "call",
        ChainKeyProxyCanister.callArg("document_key_shadows", shadowsOf(own)));
    assertThat(served.status()).as(served.rejectMessage()).isEqualTo("replied");
  }
}
