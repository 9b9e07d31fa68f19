package dev.subnetsim.consensus.crypto;

import dev.subnetsim.chainkey.bls.JblstBlsSignatures;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import java.util.List;

/**
 * One share for {@link ConsensusCrypto#verifyTogether}: what its one-by-one verify method would
 * check, and the cache key under which that method looks for the verdict.
 */
public final class ShareCheck {
  /** The share families decided together, by the verify method they stand for. */
  public enum Kind {
    /** {@link ConsensusCrypto#verifyIndividual}: key shares ignored (the multi-signature keys). */
    INDIVIDUAL,
    /** {@link ConsensusCrypto#verifyBeaconShare}. */
    BEACON,
    /** {@link ConsensusCrypto#verifyCertificationShare} (certification and CUP shares). */
    CERTIFICATION
  }

  final String key;
  final Kind kind;
  /** The key shares a threshold share's signer index refers to (empty for INDIVIDUAL). */
  final List<G2Point> keyShares;
  final String scheme;
  final String dst;
  final G2Point publicKey;
  final byte[] message;
  final byte[] signature;
  final CryptoOpCounter.Op op;

  private ShareCheck(String key, Kind kind, List<G2Point> keyShares, String scheme, String dst,
      G2Point publicKey, byte[] message, byte[] signature, CryptoOpCounter.Op op) {
    this.key = key;
    this.kind = kind;
    this.keyShares = keyShares;
    this.scheme = scheme;
    this.dst = dst;
    this.publicKey = publicKey;
    this.message = message;
    this.signature = signature;
    this.op = op;
  }

  /**
   * The share of committee member {@code index} (for {@link Kind#BEACON} and {@link
   * Kind#CERTIFICATION}, under {@code keyShares}), or null where the one-by-one method would not
   * consult the cache (cheap crypto, an index out of range): the validator then decides it alone.
   */
  public static ShareCheck of(ConsensusCrypto crypto, Kind kind, List<G2Point> keyShares,
      int index, byte[] message, byte[] share) {
    boolean individual = kind == Kind.INDIVIDUAL;
    int n = individual ? crypto.keys().multiSigKeys().size() : keyShares.size();
    if (crypto.mode() == ConsensusCrypto.Mode.CHEAP || index < 0 || index >= n) {
      return null;
    }
    G2Point pk = individual ? crypto.keys().multiSigKeys().get(index).point()
        : keyShares.get(index);
    // The schemes, DSTs and counted operations of ConsensusCrypto's verify methods.
    String scheme = switch (kind) {
      case INDIVIDUAL -> "multisig-share";
      case BEACON -> "beacon-share";
      case CERTIFICATION -> "cert-share";
    };
    String dst = individual ? JblstBlsSignatures.icMultiSignature().messageDst()
        : ThresholdBls.ic().dst();
    return new ShareCheck(VerificationCache.key(scheme, pk.toBytes(), message, share), kind,
        keyShares, scheme, dst, pk, message, share,
        individual ? CryptoOpCounter.Op.VERIFY_INDIVIDUAL
            : CryptoOpCounter.Op.VERIFY_THRESHOLD_SHARE);
  }
}
