package dev.subnetsim.replica.canisters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.docs.DocumentKeys;
import dev.subnetsim.chainkey.docs.EncryptedDocumentKey;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ecdh.TransportKeyPair;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The key holders enforce the document's permission program: shadows of a stored document key go
 * to the permission canister named when it was stored, and to nobody else, however they ask.
 */
class DocumentKeyPermissionTest {
  private static final byte[] DOC = "doc-1".getBytes(StandardCharsets.UTF_8);
  private final CanisterTestBed bed = new CanisterTestBed();
  private final UserKeyPair owner = bed.user("owner");
  private final UserKeyPair stranger = bed.user("stranger");
  private EncryptedDocumentKey stored;
  private byte[] strangerKey;

  @BeforeEach
  void ownerStoresADocumentThroughTheSecretStore() {
    stored = DocumentKeys.encrypt(bed.keys.publicKeys().documentServerKey(),
        DocumentKeys.randomDocumentKey(EcCurve.SECP256K1, bed.rng.fork("m")), bed.rng.fork("enc"));
    assertThat(bed.call(owner, CanisterTestBed.SECRET_STORE, "store", Fields.encode(DOC,
        stored.commonPoint().encode(), stored.encryptedPoint().encode(), new byte[16])).status())
        .isEqualTo("replied");
    strangerKey = TransportKeyPair.generate(EcCurve.SECP256K1, bed.rng.fork("s")).publicKey().encode();
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
        .contains(bed.canister(CanisterTestBed.SECRET_STORE).toString());
    assertThat(bed.state.chainKeyRequests()).hasSize(pending);
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
  void theProxyRelaysNoShadowsOfAnotherCanistersDocumentNorRegistrationsForOthers() {
    RequestStatus viaProxy = bed.call(stranger, CanisterTestBed.PROXY, "call",
        ChainKeyProxyCanister.callArg("document_key_shadows", shadowsOf(stored.commonPoint().encode())));
    assertThat(viaProxy.status()).isEqualTo("rejected");
    assertThat(viaProxy.rejectMessage()).contains("already stored under another permission canister");
    RequestStatus register = bed.call(stranger, CanisterTestBed.PROXY, "call",
        ChainKeyProxyCanister.callArg("document_key_store", new ManagementRequest.DocumentKeyStore(
            stored.commonPoint().encode(), bed.canister(CanisterTestBed.STRANGER).toBytes(),
            SubnetChainKeys.DOCUMENT_KEY_NAME).encode()));
    assertThat(register.rejectMessage()).contains("not a method this proxy relays");
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
