package dev.subnetsim.replica.chainkey.schemes;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import dev.subnetsim.chainkey.ecdh.DhShare;
import dev.subnetsim.chainkey.ecdh.EcdhGroup;
import dev.subnetsim.chainkey.ecdh.EncryptedDhShare;
import dev.subnetsim.chainkey.ecdh.ThresholdEcdh;
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
import java.util.Map;
import java.util.SortedMap;

/**
 * ecdh_derive: each replica returns x_i*Q with a DLEQ proof (or, with a transport key, x_i*Q
 * encrypted to it with a proof); shares combine to x*Q, whose x- (or X25519 u-) coordinate is the
 * shared secret a plain peer computes with its own private key. In the encrypted mode the combined
 * result stays encrypted: neither the replicas nor the calling canister see the secret.
 */
public final class EcdhScheme implements ChainKeyScheme {
  private final Map<EcCurve, EcThresholdPublicKey> keys;

  public EcdhScheme(Map<EcCurve, EcThresholdPublicKey> keys) {
    this.keys = keys;
  }

  private static ManagementRequest.EcdhDerive cast(ManagementRequest r) {
    return (ManagementRequest.EcdhDerive) r;
  }

  private EcThresholdPublicKey key(ManagementRequest.EcdhDerive r) {
    return keys.get(SubnetChainKeys.ecdhCurve(r.curve()));
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
    EcThresholdPublicKey key = key(r);
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
  public byte[] createShare(ChainKeyRequest r0, NodeChainKeyShares mine, SecureRandom rng) {
    ManagementRequest request = r0.decoded();
    CanisterId caller = r0.caller();
    var r = cast(request);
    EcThresholdPublicKey key = key(r);
    var share = mine.ecdhShares().get(key.curve());
    if (r.transportPublicKey().isPresent()) {
      return ChainKeyWire.encode(ThresholdEcdh.createEncryptedShare(key, share, r.peerPublicKey(),
          transport(key, r.transportPublicKey().get()), rng));
    }
    return ChainKeyWire.encode(ThresholdEcdh.createShare(key, share, r.peerPublicKey(), rng));
  }

  @Override
  public boolean verifyShare(ChainKeyRequest r0, int signer, byte[] share) {
    ManagementRequest request = r0.decoded();
    CanisterId caller = r0.caller();
    var r = cast(request);
    EcThresholdPublicKey key = key(r);
    try {
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
  public ManagementReply combine(ChainKeyRequest r0, SortedMap<Integer, byte[]> verifiedShares) {
    ManagementRequest request = r0.decoded();
    CanisterId caller = r0.caller();
    var r = cast(request);
    EcThresholdPublicKey key = key(r);
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
