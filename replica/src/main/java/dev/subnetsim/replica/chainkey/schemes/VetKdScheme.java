package dev.subnetsim.replica.chainkey.schemes;

import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.chainkey.vetkd.DerivationContext;
import dev.subnetsim.chainkey.vetkd.EncryptedKeyCombiner;
import dev.subnetsim.chainkey.vetkd.EncryptedKeyShare;
import dev.subnetsim.chainkey.vetkd.TransportPublicKey;
import dev.subnetsim.chainkey.vetkd.VetKdNode;
import dev.subnetsim.chainkey.vetkd.VetKdRequest;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.state.ChainKeyRequest;
import java.security.SecureRandom;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * vetkd_derive_key: each replica returns its encrypted key share (c1, c2, c3) for the derivation
 * context (calling canister, context) and input, checked by two pairing equations against its
 * derived public key share; shares combine by Lagrange interpolation (dfinity/vetkeys 0.4.0).
 */
public final class VetKdScheme implements ChainKeyScheme {
  private final PublicCoefficients masterKey;

  public VetKdScheme(PublicCoefficients masterKey) {
    this.masterKey = masterKey;
  }

  private VetKdRequest.Prepared prepare(ManagementRequest request, CanisterId caller) {
    var r = (ManagementRequest.VetKdDeriveKey) request;
    return new VetKdRequest(DerivationContext.of(caller.toBytes(), r.context()), r.input(),
        TransportPublicKey.fromBytes(r.transportPublicKey())).prepare(masterKey.publicKey());
  }

  @Override
  public void validate(ManagementRequest request) {
    var r = (ManagementRequest.VetKdDeriveKey) request;
    if (!SubnetChainKeys.VETKD_KEY_NAME.equals(r.keyName())) {
      throw new IllegalArgumentException("unknown vetKD key '" + r.keyName() + "'");
    }
    try {
      TransportPublicKey.fromBytes(r.transportPublicKey());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid transport public key: " + e.getMessage());
    }
  }

  @Override
  public byte[] createShare(ChainKeyRequest r0, NodeChainKeyShares mine, SecureRandom rng) {
    ManagementRequest request = r0.decoded();
    CanisterId caller = r0.caller();
    if (mine.vetKdShare() == null) {
      throw new IllegalStateException("no vetKD share (none installed, or its dealings unusable by this replica)");
    }
    return VetKdNode.createShare(prepare(request, caller), mine.vetKdShare(), rng).toBytes();
  }

  @Override
  public boolean verifyShare(ChainKeyRequest r0, int signer, byte[] share) {
    ManagementRequest request = r0.decoded();
    CanisterId caller = r0.caller();
    if (signer < 0) {
      return false;
    }
    try {
      return EncryptedKeyCombiner.verifyShare(prepare(request, caller),
          masterKey.publicKeyShare(signer), EncryptedKeyShare.fromBytes(share));
    } catch (RuntimeException e) {
      return false; // malformed share bytes
    }
  }

  @Override
  public ManagementReply combine(ChainKeyRequest r0, SortedMap<Integer, byte[]> verifiedShares) {
    ManagementRequest request = r0.decoded();
    CanisterId caller = r0.caller();
    TreeMap<Integer, EncryptedKeyShare> shares = new TreeMap<>();
    verifiedShares.forEach((i, b) -> shares.put(i, EncryptedKeyShare.fromBytes(b)));
    return new ManagementReply.EncryptedVetKey(
        EncryptedKeyCombiner.combineUnchecked(shares).toBytes());
  }

  @Override
  public int threshold() {
    return masterKey.threshold();
  }
}
