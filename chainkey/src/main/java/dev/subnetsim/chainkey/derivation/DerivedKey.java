package dev.subnetsim.chainkey.derivation;

import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcSecretShare;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.util.encoders.Hex;

/**
 * The result of IC key derivation: the derived public key P' = P + offset*G, the derived chain code
 * and the accumulated offset (sum of the per-component offsets mod n). The offset is public (it is
 * a function of the master public key, chain code and path); threshold signers add it to their
 * key shares: x_i' = x_i + offset is a sharing of x + offset with the same threshold, because the
 * Lagrange coefficients at 0 sum to one.
 */
public record DerivedKey(EcPoint publicKey, byte[] chainCode, EcScalar offset) {

  public DerivedKey {
    if (chainCode.length != 32) {
      throw new IllegalArgumentException("chain code must be 32 bytes, got " + chainCode.length);
    }
    if (offset.curve() != publicKey.curve()) {
      throw new IllegalArgumentException("offset and public key on different curves");
    }
    chainCode = chainCode.clone();
  }

  @Override
  public byte[] chainCode() {
    return chainCode.clone();
  }

  /** Node i's share of the derived secret: x_i + offset. */
  public EcSecretShare deriveShare(EcSecretShare masterShare) {
    return new EcSecretShare(masterShare.index(), masterShare.scalar().add(offset));
  }

  /** The derived threshold public key: every public share and the key shifted by offset*G. */
  public EcThresholdPublicKey deriveThresholdPublicKey(EcThresholdPublicKey master) {
    EcPoint shift = EcPoint.mulGenerator(offset);
    TreeMap<Integer, EcPoint> shares = new TreeMap<>();
    for (Map.Entry<Integer, EcPoint> e : master.publicKeyShares().entrySet()) {
      shares.put(e.getKey(), e.getValue().add(shift));
    }
    EcPoint pk = master.publicKey().add(shift);
    if (!pk.equals(publicKey)) {
      throw new IllegalArgumentException("this derived key was not derived from that master key");
    }
    return new EcThresholdPublicKey(master.curve(), master.threshold(), pk, shares);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DerivedKey d
        && d.publicKey.equals(publicKey)
        && Arrays.equals(d.chainCode, chainCode)
        && d.offset.equals(offset);
  }

  @Override
  public int hashCode() {
    return 31 * publicKey.hashCode() + Arrays.hashCode(chainCode);
  }

  @Override
  public String toString() {
    return "DerivedKey(" + publicKey + ", chainCode=" + Hex.toHexString(chainCode) + ")";
  }
}
