package dev.subnetsim.replica.chainkey.schemes;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import dev.subnetsim.chainkey.ecdh.CallerEcdhKey;
import dev.subnetsim.chainkey.ecdh.DhShare;
import dev.subnetsim.chainkey.ecdh.EcdhGroup;
import dev.subnetsim.chainkey.ecdh.EncryptedDhShare;
import dev.subnetsim.chainkey.ecdh.ThresholdEcdh;
import dev.subnetsim.replica.chainkey.ChainKeyWire;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.state.ChainKeyRequest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * ecdh_derive: the caller's key x' = x + offset is derived from the master key for (caller,
 * derivation path) ({@link CallerEcdhKey}); each replica returns x'_i*Q with a DLEQ proof against
 * its derived public share (or, with a transport key, x'_i*Q encrypted to it with a proof); shares
 * combine to x'*Q, whose x- (or X25519 u-) coordinate is the shared secret a plain peer computes
 * with its own private key and the caller's derived public key (ecdh_public_key). A canister can
 * therefore only ever obtain products with its own keys. In the encrypted mode the combined result
 * stays encrypted: neither the replicas nor the calling canister see the secret.
 */
public final class EcdhScheme implements ChainKeyScheme {
  private final Map<EcCurve, EcThresholdPublicKey> keys;

  public EcdhScheme(Map<EcCurve, EcThresholdPublicKey> keys) {
    this.keys = keys;
  }

  private static ManagementRequest.EcdhDerive cast(ManagementRequest r) {
    return (ManagementRequest.EcdhDerive) r;
  }

  private EcThresholdPublicKey master(ManagementRequest.EcdhDerive r) {
    EcThresholdPublicKey key = keys.get(SubnetChainKeys.ecdhCurve(r.curve()));
    if (key == null) {
      throw new IllegalArgumentException("no " + r.curve() + " ECDH key on this subnet");
    }
    return key;
  }

  /** The key of the request's caller and derivation path. */
  private CallerEcdhKey callerKey(ChainKeyRequest request) {
    var r = cast(request.decoded());
    return CallerEcdhKey.derive(master(r), request.caller().toBytes(), r.derivationPath());
  }

  private static EcPoint transport(EcThresholdPublicKey key, byte[] bytes) {
    return EcPoint.decode(key.curve(), bytes);
  }

  @Override
  public void validate(ManagementRequest request) {
    var r = cast(request);
    if (!SubnetChainKeys.ECDH_KEY_NAME.equals(r.keyName())) {
      throw new IllegalArgumentException("unknown ECDH key '" + r.keyName() + "'");
    }
    EcThresholdPublicKey key = master(r);
    try {
      EcdhGroup.of(key.curve()).decodePublicKey(r.peerPublicKey());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid peer public key: " + e.getMessage());
    }
    try {
      r.transportPublicKey().ifPresent(t -> transport(key, t));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid transport public key: " + e.getMessage());
    }
  }

  @Override
  public byte[] createShare(ChainKeyRequest request, NodeChainKeyShares mine, SecureRandom rng) {
    var r = cast(request.decoded());
    CallerEcdhKey key = callerKey(request);
    var share = key.share(mine.ecdhShares().get(key.publicKey().curve()));
    if (r.transportPublicKey().isPresent()) {
      return ChainKeyWire.encode(ThresholdEcdh.createEncryptedShare(key.publicKey(), share,
          r.peerPublicKey(), transport(key.publicKey(), r.transportPublicKey().get()), rng));
    }
    return ChainKeyWire.encode(ThresholdEcdh.createShare(key.publicKey(), share, r.peerPublicKey(), rng));
  }

  @Override
  public boolean verifyShare(ChainKeyRequest request, int signer, byte[] share) {
    var r = cast(request.decoded());
    try {
      EcThresholdPublicKey key = callerKey(request).publicKey();
      if (r.transportPublicKey().isPresent()) {
        EncryptedDhShare s = ChainKeyWire.decodeEncryptedDhShare(key.curve(), share);
        return s.index() == signer && ThresholdEcdh.verifyEncryptedShare(key, r.peerPublicKey(),
            transport(key, r.transportPublicKey().get()), s);
      }
      DhShare s = ChainKeyWire.decodeDhShare(key.curve(), share);
      return s.index() == signer && ThresholdEcdh.verifyShare(key, r.peerPublicKey(), s);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public ManagementReply combine(ChainKeyRequest request, SortedMap<Integer, byte[]> verifiedShares) {
    var r = cast(request.decoded());
    EcThresholdPublicKey key = callerKey(request).publicKey();
    if (r.transportPublicKey().isPresent()) {
      List<EncryptedDhShare> shares = new ArrayList<>();
      verifiedShares.values().forEach(b -> shares.add(ChainKeyWire.decodeEncryptedDhShare(key.curve(), b)));
      return new ManagementReply.Ecdh(ChainKeyWire.encode(ThresholdEcdh.combineEncrypted(key,
          r.peerPublicKey(), transport(key, r.transportPublicKey().get()), shares)), true);
    }
    List<DhShare> shares = new ArrayList<>();
    verifiedShares.values().forEach(b -> shares.add(ChainKeyWire.decodeDhShare(key.curve(), b)));
    return new ManagementReply.Ecdh(
        ThresholdEcdh.sharedSecret(key, ThresholdEcdh.combine(key, r.peerPublicKey(), shares)), false);
  }

  @Override
  public int threshold() {
    return keys.values().iterator().next().threshold();
  }
}
