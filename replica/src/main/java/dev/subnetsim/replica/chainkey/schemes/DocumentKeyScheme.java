package dev.subnetsim.replica.chainkey.schemes;

import dev.subnetsim.chainkey.docs.DocumentKeys;
import dev.subnetsim.chainkey.docs.EncryptedDocumentKey;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import dev.subnetsim.chainkey.ecdh.EncryptedDhShare;
import dev.subnetsim.replica.chainkey.ChainKeyWire;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.state.ChainKeyRequest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * document_key_shadows (Secret Store): each replica returns its decryption shadow x_i*C of the
 * document key's common point C, encrypted to the requester's key with a proof; the reply carries
 * a threshold of verified shadows and the requester combines and decrypts them itself
 * ({@link DocumentKeys#recover}), so no replica ever sees the document key.
 */
public final class DocumentKeyScheme implements ChainKeyScheme {
  private final EcThresholdPublicKey serverKey;

  public DocumentKeyScheme(EcThresholdPublicKey serverKey) {
    this.serverKey = serverKey;
  }

  private static ManagementRequest.DocumentKeyShadows cast(ManagementRequest r) {
    return (ManagementRequest.DocumentKeyShadows) r;
  }

  /** Shadows need only the common point C; the encrypted point stays with the document's owner. */
  private EncryptedDocumentKey commonPointOnly(ManagementRequest.DocumentKeyShadows r) {
    EcPoint c = EcPoint.decode(serverKey.curve(), r.commonPoint());
    return new EncryptedDocumentKey(c, c);
  }

  private EcPoint requester(ManagementRequest.DocumentKeyShadows r) {
    return EcPoint.decode(serverKey.curve(), r.requesterPublicKey());
  }

  @Override
  public void validate(ManagementRequest request) {
    var r = cast(request);
    if (!SubnetChainKeys.DOCUMENT_KEY_NAME.equals(r.keyName())) {
      throw new IllegalArgumentException("unknown document key '" + r.keyName() + "'");
    }
    try {
      commonPointOnly(r);
      requester(r);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid point: " + e.getMessage());
    }
  }

  @Override
  public byte[] createShare(ChainKeyRequest r0, NodeChainKeyShares mine, SecureRandom rng) {
    ManagementRequest request = r0.decoded();
    CanisterId caller = r0.caller();
    var r = cast(request);
    return ChainKeyWire.encode(DocumentKeys.createShadow(serverKey, mine.documentShare(),
        commonPointOnly(r), requester(r), rng));
  }

  @Override
  public boolean verifyShare(ChainKeyRequest r0, int signer, byte[] share) {
    ManagementRequest request = r0.decoded();
    CanisterId caller = r0.caller();
    var r = cast(request);
    try {
      EncryptedDhShare s = ChainKeyWire.decodeEncryptedDhShare(serverKey.curve(), share);
      return s.index() == signer
          && DocumentKeys.verifyShadow(serverKey, commonPointOnly(r), requester(r), s);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public ManagementReply combine(ChainKeyRequest r0, SortedMap<Integer, byte[]> verifiedShares) {
    ManagementRequest request = r0.decoded();
    CanisterId caller = r0.caller();
    List<byte[]> shadows = new ArrayList<>(verifiedShares.values());
    return new ManagementReply.DocumentKeyShadows(shadows.subList(0, Math.min(shadows.size(),
        threshold())));
  }

  @Override
  public int threshold() {
    return serverKey.threshold();
  }
}
