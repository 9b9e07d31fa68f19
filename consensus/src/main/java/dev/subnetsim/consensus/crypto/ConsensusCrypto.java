package dev.subnetsim.consensus.crypto;

import dev.subnetsim.chainkey.bls.BatchVerifier;
import dev.subnetsim.chainkey.bls.JblstBlsSignatures;
import dev.subnetsim.chainkey.bls.PublicKey;
import dev.subnetsim.chainkey.bls.Signature;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The signatures consensus needs, all real BLS12-381 from chainkey: threshold shares of the beacon
 * (f+1) and certification (n-f) keys, individual multi-signature shares for proposals,
 * notarizations and finalizations, their combination, and verification through a shared
 * {@link VerificationCache}. Public key shares are evaluated once per committee member.
 */
public final class ConsensusCrypto {
  /** Real BLS12-381, or the insecure stand-in of {@link CheapSignatures} for huge experiments. */
  public enum Mode { REAL, CHEAP }

  private final Mode mode;
  private final SubnetKeys keys;
  private final VerificationCache cache;
  private final ThresholdBls threshold = ThresholdBls.ic();
  private final JblstBlsSignatures bls = JblstBlsSignatures.icMultiSignature();
  private final List<G2Point> beaconKeyShares;
  private final List<G2Point> certificationKeyShares;
  /** The group keys cheap combined signatures are bound to (null in real mode). */
  private final byte[] cheapBeaconKey;
  private final byte[] cheapCertificationKey;
  private final CryptoOpCounter ops;
  /** Shares every replica combines or aggregates, decoded once (a subgroup check each). */
  private final DecodedPoints decoded;
  /** Messages every replica signs and verifies, hashed to G1 once. */
  private final HashedMessages hashed;
  /** Shares signed and not yet taken by a batch: a lone share's verification batches them. */
  private final SignedShares signed;
  /** Signatures combined once for all replicas (null without the verification cache: no sharing). */
  private final CombinedSignatures combined;
  /** Memoized results held at most (public key shares, DKG transcripts: a few per interval). */
  public static final int MEMO_CAPACITY = SharedMemo.CAPACITY;

  private final SharedMemo memo;
  /** What the replica using this facade asked for (see {@link #forReplica}). */
  private final CryptoWork work = new CryptoWork();
  /**
   * SHA-256 of every member's multi-signature key, in committee order: what a signer list means.
   * A multi-signature's cache key carries it, since the same signer indices on another subnet
   * are other keys (the cache may be shared by every subnet of a run).
   */
  private final byte[] multiSigKeysDigest;

  public ConsensusCrypto(SubnetKeys keys, VerificationCache cache) {
    this(keys, cache, Mode.REAL);
  }

  public ConsensusCrypto(SubnetKeys keys, VerificationCache cache, Mode mode) {
    this.mode = mode;
    this.keys = keys;
    this.cache = cache;
    this.ops = new CryptoOpCounter();
    this.decoded = new DecodedPoints();
    this.hashed = new HashedMessages();
    this.signed = new SignedShares();
    this.combined = cache.enabled() ? new CombinedSignatures() : null;
    this.memo = new SharedMemo();
    int n = keys.multiSigKeys().size();
    this.beaconKeyShares = keys.beaconKey().publicKeyShares(n);
    this.certificationKeyShares = keys.certificationKey().publicKeyShares(n);
    this.multiSigKeysDigest = digestOf(keys.multiSigKeys());
    this.cheapBeaconKey = mode == Mode.CHEAP ? keys.beaconKey().publicKey().toBytes() : null;
    this.cheapCertificationKey = mode == Mode.CHEAP
        ? keys.certificationKey().publicKey().toBytes() : null;
  }

  /** A view for one replica: same keys, caches and memo, its own {@link #work()}. */
  private ConsensusCrypto(ConsensusCrypto shared) {
    this.mode = shared.mode;
    this.keys = shared.keys;
    this.cache = shared.cache;
    this.ops = shared.ops;
    this.decoded = shared.decoded;
    this.hashed = shared.hashed;
    this.signed = shared.signed;
    this.combined = shared.combined;
    this.memo = shared.memo;
    this.beaconKeyShares = shared.beaconKeyShares;
    this.certificationKeyShares = shared.certificationKeyShares;
    this.cheapBeaconKey = shared.cheapBeaconKey;
    this.cheapCertificationKey = shared.cheapCertificationKey;
    this.multiSigKeysDigest = shared.multiSigKeysDigest;
  }

  /**
   * This facade as one replica uses it: everything shared (keys, verification cache, decoded
   * points, memo, operation counts), except {@link #work()}, which counts that replica's work.
   */
  public ConsensusCrypto forReplica() {
    return new ConsensusCrypto(this);
  }

  /** The cryptography asked of this facade (one replica's, for a {@link #forReplica} view). */
  public CryptoWork work() {
    return work;
  }

  public SubnetKeys keys() {
    return keys;
  }

  public Mode mode() {
    return mode;
  }

  private boolean cheap() {
    return mode == Mode.CHEAP;
  }

  /** The operations performed through this facade so far (all replicas sharing it). */
  public CryptoOpCounter ops() {
    return ops;
  }

  /** Runs a verification through the cache, counting a hit or the operation performed. */
  private boolean cached(CryptoOpCounter.Op op, String scheme, byte[] pk, byte[] message,
      byte[] signature, java.util.function.BooleanSupplier verify) {
    boolean[] computed = {false};
    boolean ok = cache.verify(scheme, pk, message, signature, () -> {
      computed[0] = true;
      ops.add(op);
      return verify.getAsBoolean();
    });
    if (!computed[0]) {
      ops.add(CryptoOpCounter.Op.CACHE_HIT);
    }
    return ok;
  }

  // ---- threshold shares ----

  /** A beacon share with the genesis sharing (no DKG interval yet). */
  public byte[] signBeaconShare(NodeSecrets me, byte[] message) {
    return signBeaconShare(me.index(), me.beaconShare(), message);
  }

  /** A beacon share with this replica's share of the height's epoch ({@code EpochKeys}). */
  public byte[] signBeaconShare(int index, Scalar share, byte[] message) {
    ops.add(CryptoOpCounter.Op.SIGN_THRESHOLD_SHARE);
    work.add(CryptoWork.Op.BLS_SIGN_SHARE);
    if (cheap()) {
      return CheapSignatures.sign("beacon-share", index, message);
    }
    return signedShare("beacon-share", index, message,
        threshold.signShareHashed(share, hashed.hash(message, threshold.dst())).toBytes());
  }

  /** Remembers a share this subnet signed, for the batch of whoever verifies the first. */
  private byte[] signedShare(String scheme, int index, byte[] message, byte[] share) {
    if (cache.enabled()) {
      signed.add(scheme, message, index, share);
    }
    return share;
  }

  public byte[] signCertificationShare(int index, Scalar share, byte[] message) {
    ops.add(CryptoOpCounter.Op.SIGN_THRESHOLD_SHARE);
    work.add(CryptoWork.Op.BLS_SIGN_SHARE);
    if (cheap()) {
      return CheapSignatures.sign("cert-share", index, message);
    }
    return signedShare("cert-share", index, message,
        threshold.signShareHashed(share, hashed.hash(message, threshold.dst())).toBytes());
  }

  /** Verifies a beacon share against the genesis sharing. */
  public boolean verifyBeaconShare(int index, byte[] message, byte[] share) {
    return verifyBeaconShare(beaconKeyShares, index, message, share);
  }

  /** Verifies a beacon share against an epoch's public key shares. */
  public boolean verifyBeaconShare(List<G2Point> keyShares, int index, byte[] message,
      byte[] share) {
    return verifyThresholdShare("beacon-share", keyShares, index, message, share);
  }

  public boolean verifyCertificationShare(List<G2Point> keyShares, int index, byte[] message,
      byte[] share) {
    return verifyThresholdShare("cert-share", keyShares, index, message, share);
  }

  /**
   * Every node's public key share of a sharing, evaluated once per run for all replicas (a pure
   * function of the coefficients, so sharing it cannot change a result).
   */
  public List<G2Point> publicKeyShares(PublicCoefficients coefficients) {
    int n = keys.multiSigKeys().size();
    if (coefficients.equals(keys.beaconKey())) {
      return beaconKeyShares;
    }
    if (coefficients.equals(keys.certificationKey())) {
      return certificationKeyShares;
    }
    return memo("public-key-shares/" + java.util.HexFormat.of().formatHex(
        sha256(coefficients.toBytes())), () -> coefficients.publicKeyShares(n));
  }

  /**
   * A pure, deterministic computation shared by the replicas using this facade (e.g. a DKG
   * transcript every honest replica builds from the same finalized dealings); null results allowed.
   */
  public <T> T memo(String key, java.util.function.Supplier<T> compute) {
    return memo.get(key, compute);
  }

  /** Memoized results held now (see {@link SharedMemo#size}). */
  public int memoSize() {
    return memo.size();
  }

  /**
   * A NIDKG dealing's public check for {@code receivers} receivers, cached like a signature
   * verification (keyed by the DKG configuration and the dealing's bytes).
   */
  public boolean verifyDealing(byte[] config, byte[] dealing, int receivers,
      java.util.function.BooleanSupplier check) {
    work.add(CryptoWork.Op.NIDKG_VERIFY_DEALING_PER_RECEIVER, receivers);
    return cache.verify("dkg-dealing", config, dealing, new byte[0], check);
  }

  /** Counts a NIDKG dealing this replica made for {@code receivers} receivers. */
  public void dealt(int receivers) {
    work.add(CryptoWork.Op.NIDKG_DEAL_PER_RECEIVER, receivers);
  }

  public static byte[] sha256(byte[] data) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean verifyThresholdShare(String scheme, List<G2Point> shares, int index,
      byte[] message, byte[] share) {
    work.add(CryptoWork.Op.BLS_VERIFY_SHARE);
    if (index < 0 || index >= shares.size()) {
      return false;
    }
    if (cheap()) {
      return CheapSignatures.verify(scheme, index, message, share);
    }
    byte[] pk = shares.get(index).toBytes();
    verifyTogether(List.of(ShareCheck.of(this, scheme.equals("beacon-share")
        ? ShareCheck.Kind.BEACON : ShareCheck.Kind.CERTIFICATION, shares, index, message, share)));
    return cached(CryptoOpCounter.Op.VERIFY_THRESHOLD_SHARE, scheme, pk, message, share, () -> {
      try {
        // Decoded through the shared points: combining then finds the share decoded.
        return BatchVerifier.verifyHashed(shares.get(index), hashed.hash(message, threshold.dst()),
            decoded.decodeNonIdentity(share));
      } catch (IllegalArgumentException e) { // includes MalformedPointException
        return false;
      }
    });
  }

  /**
   * Decides the shares together, per message (one aggregated pairing check each, bisection only
   * when one fails), and leaves every verdict in the shared cache, where the one-by-one verify
   * methods find it: the same verdicts with fewer pairings. Nulls are skipped.
   */
  public void verifyTogether(List<ShareCheck> checks) {
    if (!cheap() && cache.enabled()) {
      ShareBatches.decide(signed.withSigned(this, cache, checks), cache, decoded, hashed, ops);
    }
  }

  /** Combines verified shares (index -> share) into the beacon signature. */
  public byte[] combineBeacon(Map<Integer, byte[]> shares) {
    work.add(CryptoWork.Op.BLS_COMBINE_SHARE, shares.size());
    if (cheap()) {
      return CheapSignatures.combine("beacon", cheapBeaconKey, shares.values().iterator().next());
    }
    return combine(keys.beaconKey().threshold(), shares);
  }

  public byte[] combineCertification(Map<Integer, byte[]> shares) {
    work.add(CryptoWork.Op.BLS_COMBINE_SHARE, shares.size());
    if (cheap()) {
      return CheapSignatures.combine("certification", cheapCertificationKey,
          shares.values().iterator().next());
    }
    return combine(keys.certificationKey().threshold(), shares);
  }

  private byte[] combine(int t, Map<Integer, byte[]> shares) {
    return combined == null ? combineNow(t, shares)
        : combined.combine(t, shares, ops, () -> combineNow(t, shares));
  }

  private byte[] combineNow(int t, Map<Integer, byte[]> shares) {
    ops.add(CryptoOpCounter.Op.COMBINE_THRESHOLD);
    Map<Integer, G1Point> points = new TreeMap<>();
    shares.forEach((i, s) -> points.put(i, decoded.decode(s)));
    return threshold.combine(t, points).toBytes();
  }

  public boolean verifyBeacon(byte[] message, byte[] signature) {
    return verifyThreshold("beacon", keys.beaconKey().publicKey(), cheapBeaconKey, message,
        signature);
  }

  public boolean verifyCertification(byte[] message, byte[] signature) {
    return verifyThreshold("certification", keys.certificationKey().publicKey(),
        cheapCertificationKey, message, signature);
  }

  private boolean verifyThreshold(String scheme, G2Point pk, byte[] cheapKey, byte[] message,
      byte[] signature) {
    work.add(CryptoWork.Op.BLS_VERIFY_COMBINED);
    if (cheap()) {
      return CheapSignatures.verifyCombined(scheme, cheapKey, message, signature);
    }
    return cached(CryptoOpCounter.Op.VERIFY_THRESHOLD, scheme, pk.toBytes(), message, signature, () -> {
      try {
        return BatchVerifier.verifyHashed(pk, hashed.hash(message, threshold.dst()),
            G1Point.fromBytesNonIdentity(signature));
      } catch (IllegalArgumentException e) { // includes MalformedPointException
        return false;
      }
    });
  }

  // ---- multi-signatures ----

  public byte[] signIndividually(NodeSecrets me, byte[] message) {
    ops.add(CryptoOpCounter.Op.SIGN_INDIVIDUAL);
    work.add(CryptoWork.Op.BLS_SIGN_INDIVIDUAL);
    if (cheap()) {
      return CheapSignatures.sign("multisig-share", me.index(), message);
    }
    return signedShare("multisig-share", me.index(), message,
        bls.signHashed(me.multiSigKey(), hashed.hash(message, bls.messageDst())).toBytes());
  }

  public boolean verifyIndividual(int index, byte[] message, byte[] signature) {
    work.add(CryptoWork.Op.BLS_VERIFY_INDIVIDUAL);
    if (index < 0 || index >= keys.multiSigKeys().size()) {
      return false;
    }
    if (cheap()) {
      return CheapSignatures.verify("multisig-share", index, message, signature);
    }
    PublicKey pk = keys.multiSigKeys().get(index);
    verifyTogether(List.of(ShareCheck.of(this, ShareCheck.Kind.INDIVIDUAL, List.of(), index,
        message, signature)));
    return cached(CryptoOpCounter.Op.VERIFY_INDIVIDUAL, "multisig-share", pk.toBytes(), message,
        signature, () -> {
      try {
        return bls.verifyHashed(pk, hashed.hash(message, bls.messageDst()),
            new Signature(decoded.decodeNonIdentity(signature))); // aggregating finds it decoded
      } catch (IllegalArgumentException e) { // includes MalformedPointException
        return false;
      }
    });
  }

  /** Aggregates verified individual signatures on one message. */
  public byte[] aggregate(List<byte[]> signatures) {
    ops.add(CryptoOpCounter.Op.AGGREGATE_MULTISIG);
    work.add(CryptoWork.Op.BLS_AGGREGATE_SIGNATURE, signatures.size());
    if (cheap()) {
      return CheapSignatures.combine("multisig", signatures.get(0));
    }
    List<Signature> sigs = new ArrayList<>();
    for (byte[] s : signatures) {
      sigs.add(new Signature(decoded.decodeNonIdentity(s)));
    }
    return bls.aggregate(sigs).toBytes();
  }

  /** The public key a multi-signature by {@code signers} verifies under (sum of their keys). */
  public byte[] aggregatePublicKey(List<Integer> signers) {
    List<PublicKey> pks = new ArrayList<>();
    signers.forEach(i -> pks.add(keys.multiSigKeys().get(i)));
    return bls.aggregatePublicKeys(pks).toBytes();
  }

  public byte[] beaconPublicKey() {
    return keys.beaconKey().publicKey().toBytes();
  }

  public byte[] certificationPublicKey() {
    return keys.certificationKey().publicKey().toBytes();
  }

  public boolean verifyMultiSignature(List<Integer> signers, byte[] message, byte[] signature) {
    work.add(CryptoWork.Op.BLS_VERIFY_MULTISIG);
    List<PublicKey> pks = new ArrayList<>();
    byte[] ids = Arrays.copyOf(multiSigKeysDigest,
        multiSigKeysDigest.length + signers.size() * 4);
    int k = multiSigKeysDigest.length;
    for (int i : signers) {
      if (i < 0 || i >= keys.multiSigKeys().size()) {
        return false;
      }
      pks.add(keys.multiSigKeys().get(i));
      ids[k++] = (byte) (i >>> 24);
      ids[k++] = (byte) (i >>> 16);
      ids[k++] = (byte) (i >>> 8);
      ids[k++] = (byte) i;
    }
    if (cheap()) {
      return CheapSignatures.verifyCombined("multisig", message, signature);
    }
    return cached(CryptoOpCounter.Op.VERIFY_MULTISIG, "multisig", ids, message, signature, () -> {
      try {
        return bls.verifyMultiSignatureHashed(pks, hashed.hash(message, bls.messageDst()),
            Signature.fromBytes(signature));
      } catch (IllegalArgumentException e) { // includes MalformedPointException
        return false;
      }
    });
  }

  private static byte[] digestOf(List<PublicKey> keys) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      keys.forEach(pk -> d.update(pk.toBytes()));
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
