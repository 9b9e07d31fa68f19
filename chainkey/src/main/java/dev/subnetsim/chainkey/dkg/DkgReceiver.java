package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.threshold.Lagrange;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A receiver of one DKG instance: opens its ciphertext in each dealing (checking the share
 * against the commitment, or producing a complaint), and from the transcript computes its key
 * share — the sum of its shares (fresh key) or their Lagrange combination over the dealers'
 * indices (resharing) — checked against the transcript's public key share for its index.
 *
 * <p>State: its encryption key pair, the shares it opened, and its final key share; never the
 * secret key, which no party computes (the tests check this on every party's state). Not
 * thread-safe: one receiver belongs to one replica, which steps single-threaded.
 */
public final class DkgReceiver {

  private final DkgConfig config;
  private final int receiverIndex;
  private final ReceiverKeyPair keys;
  private final TreeMap<Integer, Scalar> openedShares = new TreeMap<>();
  private Scalar keyShare;

  public DkgReceiver(DkgConfig config, int receiverIndex, ReceiverKeyPair keys) {
    this.config = Objects.requireNonNull(config, "config");
    this.keys = Objects.requireNonNull(keys, "keys");
    if (receiverIndex < 0 || receiverIndex >= config.receiverCount()) {
      throw new IllegalArgumentException(
          "receiver index " + receiverIndex + " outside [0, " + config.receiverCount() + ")");
    }
    if (!config.receiverKey(receiverIndex).equals(keys.publicKey())) {
      throw new IllegalArgumentException("key pair is not receiver " + receiverIndex + "'s registered key");
    }
    this.receiverIndex = receiverIndex;
  }

  public int receiverIndex() {
    return receiverIndex;
  }

  /**
   * Verifies the dealing publicly, decrypts this receiver's share and checks it against the
   * commitment (share * G2 = the commitment evaluated at x = index+1).
   *
   * @param rng randomness for the complaint's proof, if one is needed
   * @throws InvalidDealingException if the dealing fails public verification
   */
  public ShareOpening open(Dealing dealing, SecureRandom rng) {
    DealingValidator.verify(config, dealing);
    Scalar share = decrypt(dealing);
    if (G2Point.generator().mul(share).equals(dealing.commitment().publicKeyShare(receiverIndex))) {
      openedShares.put(dealing.dealerIndex(), share);
      return new ShareOpening.Valid(dealing.dealerIndex(), share);
    }
    return new ShareOpening.Invalid(complaintAgainst(dealing, rng));
  }

  /**
   * Recovers this receiver's share of a dealing whose ciphertext for it does not decrypt (after an
   * upheld complaint), from other receivers' openings of the same dealing (receiver index to its
   * share): each opening is checked against the dealing's commitment and ignored if wrong, the
   * dealer's polynomial is interpolated at this receiver's point from the first {@code threshold}
   * valid ones, and the result is checked against the commitment before it is kept for {@link
   * #computeKeyShare}.
   *
   * @return the recovered share, or empty with fewer than a threshold of valid openings
   */
  public Optional<Scalar> recoverShare(Dealing dealing, Map<Integer, Scalar> openings) {
    int t = dealing.threshold();
    List<Scalar> xs = new ArrayList<>(t);
    List<Scalar> ys = new ArrayList<>(t);
    for (var e : new TreeMap<>(openings).entrySet()) {
      int j = e.getKey();
      if (xs.size() == t) {
        break;
      }
      if (j >= 0 && j != receiverIndex && j < config.receiverCount()
          && dealing.commitment().verifyShare(j, e.getValue())) {
        xs.add(Scalar.fromLong(j + 1L));
        ys.add(e.getValue());
      }
    }
    if (xs.size() < t) {
      return Optional.empty();
    }
    List<Scalar> lambdas = Lagrange.coefficientsAt(Scalar.fromLong(receiverIndex + 1L), xs);
    Scalar share = Scalar.ZERO;
    for (int i = 0; i < t; i++) {
      share = share.add(lambdas.get(i).mul(ys.get(i)));
    }
    if (!dealing.commitment().verifyShare(receiverIndex, share)) {
      return Optional.empty(); // cannot happen with t verified openings of a t-coefficient commitment
    }
    openedShares.put(dealing.dealerIndex(), share);
    return Optional.of(share);
  }

  /**
   * This receiver's key share for the transcript, checked against the transcript's public key
   * share; also kept as {@link #keyShare()}. Shares not yet opened with {@link #open} (a receiver
   * that joins from a catch-up package) are decrypted and checked only through the combined
   * share: one G2 multiplication instead of one per dealing; each is checked on its own only if
   * the combination fails, to name the dealer.
   *
   * @throws InvalidTranscriptException if the transcript is for another DKG or includes a dealing
   *     whose share for this receiver is invalid (the receiver should have complained)
   */
  public Scalar computeKeyShare(Transcript transcript) {
    if (!transcript.isFor(config) || transcript.receiverCount() != config.receiverCount()) {
      throw new InvalidTranscriptException("transcript is for another DKG");
    }
    List<Integer> dealers = transcript.dealerIndices();
    List<Scalar> weights = transcript.isResharing() ? Lagrange.coefficientsAtZero(dealers) : null;
    TreeMap<Integer, Scalar> unchecked = new TreeMap<>();
    Scalar acc = Scalar.ZERO;
    for (int i = 0; i < dealers.size(); i++) {
      Dealing d = transcript.dealings().get(i);
      Scalar share = openedShares.get(d.dealerIndex());
      if (share == null) {
        share = decrypt(d);
        unchecked.put(i, share);
      }
      acc = acc.add(weights == null ? share : weights.get(i).mul(share));
    }
    if (!G2Point.generator().mul(acc).equals(transcript.publicCoefficients().publicKeyShare(receiverIndex))) {
      for (var e : unchecked.entrySet()) {
        Dealing d = transcript.dealings().get(e.getKey());
        if (!G2Point.generator().mul(e.getValue()).equals(d.commitment().publicKeyShare(receiverIndex))) {
          throw new InvalidTranscriptException(
              "transcript includes dealer " + d.dealerIndex() + " whose share for receiver "
                  + receiverIndex + " is invalid");
        }
      }
      throw new InvalidTranscriptException("combined share does not match the transcript's public key share");
    }
    for (var e : unchecked.entrySet()) {
      openedShares.put(transcript.dealings().get(e.getKey()).dealerIndex(), e.getValue());
    }
    keyShare = acc;
    return acc;
  }

  /** The key share computed from the transcript, once {@link #computeKeyShare} has run. */
  public Optional<Scalar> keyShare() {
    return Optional.ofNullable(keyShare);
  }

  /** A complaint revealing this receiver's DH key for the dealing, with its proof. */
  Complaint complaintAgainst(Dealing dealing, SecureRandom rng) {
    G1Point dhKey = dealing.ephemeralKey().mul(keys.secretKey());
    byte[] ctx = Complaint.proofContext(config, dealing.dealerIndex(), receiverIndex);
    ChaumPedersenProof proof = ChaumPedersenProof.prove(keys.secretKey(), dealing.ephemeralKey(), ctx, rng);
    return new Complaint(dealing.dealerIndex(), receiverIndex, dhKey, proof);
  }

  private Scalar decrypt(Dealing dealing) {
    G1Point dhKey = dealing.ephemeralKey().mul(keys.secretKey());
    return ShareEncryption.open(config, dealing, receiverIndex, dhKey);
  }

  @Override
  public String toString() {
    return "DkgReceiver(index=" + receiverIndex + ", opened=" + openedShares.keySet() + ", secrets redacted)";
  }
}
