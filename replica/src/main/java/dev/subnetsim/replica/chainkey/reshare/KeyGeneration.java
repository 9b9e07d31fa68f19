package dev.subnetsim.replica.chainkey.reshare;

import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DealingValidator;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.DkgDealer;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.idkg.IdkgDealer;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgDealingVerifier;
import dev.subnetsim.chainkey.idkg.IdkgParams;
import dev.subnetsim.chainkey.idkg.InvalidDealingException;
import dev.subnetsim.chainkey.idkg.MalformedIdkgBytesException;
import dev.subnetsim.chainkey.idkg.TranscriptKind;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The public side of a key-holding subnet generating its chain keys through its own consensus, as
 * the IC's backup subnet does before any reshare: every replica deals each key with its own
 * randomness to every node's registered encryption key (IDKG RandomUnmasked for the ECDSA,
 * Schnorr, ECDH and document keys; a fresh BLS DKG dealing for the vetKD key), block execution
 * verifies the dealings and, once every key has its collection threshold, records the chosen ones
 * as the subnet's installed keys ({@link ReshareLedger}); each replica decrypts its own share of
 * them ({@link ReshareReceiver}) and the public keys are derived from the recorded dealings
 * ({@link InstalledChainKeys}). The key is the sum of at least f+1 dealers' random constants, so
 * one honest dealer makes it secret and no code adds the constants.
 *
 * <p>Key generation is the holder's installation number {@link #INSTANCE}: its dealings,
 * complaints and openings travel as the reshares' payload items with that number, and the same
 * ledger, complaint round and receivers handle them. Dealings are checked publicly here, caching
 * verdicts by content since every replica checks the same bytes.
 */
public final class KeyGeneration {
  /** The reshare number that key generation's payload items carry. */
  public static final int INSTANCE = -1;

  private final String subnet;
  private final NodeEncryptionKeys keys;
  private final int threshold;
  private final Map<String, Optional<String>> verdicts = new TreeMap<>();
  /** The generated keys' public side, once derived (the registry's record of them). */
  private InstalledChainKeys.Held published;

  /** @param keys the holder's nodes' registered encryption keys (node i at index i) */
  public KeyGeneration(String subnet, NodeEncryptionKeys keys) {
    this.subnet = subnet;
    this.keys = keys;
    this.threshold = (keys.size() - 1) / 3 + 1;
  }

  public String subnet() {
    return subnet;
  }

  public NodeEncryptionKeys keys() {
    return keys;
  }

  public int size() {
    return keys.size();
  }

  /** Every chain key the holder generates, by key id (the reshares' names). */
  public static List<String> keyIds() {
    List<String> ids = new ArrayList<>();
    for (ReshareKey k : ReshareKey.values()) {
      ids.addAll(k.keyIds());
    }
    return ids;
  }

  /** The id every dealing of {@code keyId} binds. */
  public String transcriptId(String keyId) {
    return "keygen/" + subnet + "/" + keyId;
  }

  public IdkgParams ecParams(String keyId) {
    EcCurve curve = curveOf(keyId);
    List<Integer> dealers = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      dealers.add(i);
    }
    return IdkgParams.random(transcriptId(keyId), curve, dealers, keys.idkgPublicKeys(curve),
        threshold, false);
  }

  public DkgConfig vetKdConfig() {
    return DkgConfig.fresh(transcriptId(ReshareKey.VETKD_ID).getBytes(StandardCharsets.UTF_8),
        keys.size(), keys.dkgPublicKeys(), threshold);
  }

  /** Verified dealings of {@code keyId} that make its transcript (f+1: one honest dealer). */
  public int collectionThreshold(String keyId) {
    return keyId.equals(ReshareKey.VETKD_ID) ? vetKdConfig().collectionThreshold()
        : ecParams(keyId).collectionThreshold();
  }

  /** Dealer {@code dealer}'s dealing of a fresh random {@code keyId}. */
  public byte[] deal(String keyId, int dealer, SeededRandom rng) {
    if (keyId.equals(ReshareKey.VETKD_ID)) {
      return new DkgDealer(vetKdConfig(), dealer).createDealing(rng).toBytes();
    }
    return IdkgDealer.deal(ecParams(keyId), dealer, List.of(), rng).toBytes();
  }

  /**
   * A cheating dealer's dealing: for an EC key, an honest-looking dealing whose ciphertext for
   * the next node (dealer + 1 mod n) is garbage (public verification cannot see it; that receiver
   * must complain); for the
   * vetKD key, a polynomial of one degree too many (an attempt to raise the key's threshold,
   * caught by public verification).
   */
  public byte[] badDealing(String keyId, int dealer, SeededRandom rng) {
    if (keyId.equals(ReshareKey.VETKD_ID)) {
      DkgConfig c = vetKdConfig();
      DkgConfig higher = DkgConfig.fresh(c.dkgId(), c.dealerCount(), c.receiverKeys(),
          threshold + 1);
      return new DkgDealer(higher, dealer).createDealing(rng).toBytes();
    }
    IdkgParams p = ecParams(keyId);
    IdkgDealing d = IdkgDealer.deal(p, dealer, List.of(), rng);
    int victim = (dealer + 1) % keys.size();
    TreeMap<Integer, EcScalar[]> ciphertexts = new TreeMap<>(d.ciphertexts());
    EcScalar[] c = ciphertexts.get(victim).clone();
    c[0] = c[0].add(EcScalar.one(p.curve()));
    ciphertexts.put(victim, c);
    return new IdkgDealing(d.transcriptId(), d.dealer(), d.commitment(), d.ephemeral(),
        ciphertexts, d.proof()).toBytes();
  }

  /** Checks a dealing publicly; empty if valid, else the reason. */
  public Optional<String> check(String keyId, int dealer, byte[] bytes) {
    String key = keyId + "/" + dealer + "/" + ReshareContext.sha256(bytes);
    synchronized (verdicts) {
      Optional<String> known = verdicts.get(key);
      if (known != null) {
        return known;
      }
    }
    Optional<String> verdict = verify(keyId, dealer, bytes);
    synchronized (verdicts) {
      verdicts.put(key, verdict);
    }
    return verdict;
  }

  private Optional<String> verify(String keyId, int dealer, byte[] bytes) {
    if (!keyIds().contains(keyId)) {
      return Optional.of("key generation on " + subnet + " makes no key " + keyId);
    }
    try {
      if (keyId.equals(ReshareKey.VETKD_ID)) {
        Dealing d = Dealing.fromBytes(bytes);
        if (d.dealerIndex() != dealer) {
          return Optional.of("vetKD key-generation dealing names dealer " + d.dealerIndex());
        }
        DealingValidator.verify(vetKdConfig(), d);
        return Optional.empty();
      }
      IdkgParams p = ecParams(keyId);
      IdkgDealing d = IdkgDealing.fromBytes(TranscriptKind.RANDOM_UNMASKED, p.curve(), bytes);
      if (d.dealer() != dealer || !d.transcriptId().equals(p.transcriptId())) {
        return Optional.of("key-generation dealing of " + keyId + " names dealer " + d.dealer()
            + " and instance " + d.transcriptId());
      }
      IdkgDealingVerifier.verify(p, d);
      return Optional.empty();
    } catch (MalformedIdkgBytesException e) {
      return malformed(keyId, dealer, e);
    } catch (InvalidDealingException | IllegalArgumentException e) {
      return Optional.of("invalid key-generation dealing of " + keyId + " from dealer " + dealer
          + ": " + e.getMessage());
    } catch (RuntimeException e) {
      return malformed(keyId, dealer, e);
    }
  }

  private static Optional<String> malformed(String keyId, int dealer, RuntimeException e) {
    return Optional.of("malformed key-generation dealing of " + keyId + " from dealer " + dealer
        + ": " + e.getMessage());
  }

  /** Records the generated keys' public side (every replica derives the same; first wins). */
  synchronized void publish(InstalledChainKeys.Held held) {
    if (published == null) {
      published = held;
    }
  }

  /** The generated keys' public side, once any replica of the holder derived it. */
  public synchronized Optional<InstalledChainKeys.Held> generated() {
    return Optional.ofNullable(published);
  }

  static EcCurve curveOf(String keyId) {
    if (keyId.startsWith("ecdsa/")) {
      return ReshareContext.curve(keyId.substring(6));
    }
    if (keyId.startsWith("ecdh/")) {
      return ReshareContext.curve(keyId.substring(5));
    }
    if (keyId.equals("schnorr/ed25519")) {
      return EcCurve.ED25519;
    }
    if (keyId.equals("schnorr/bip340") || keyId.equals(ReshareKey.DOCUMENT.keyIds().get(0))) {
      return EcCurve.SECP256K1;
    }
    throw new IllegalArgumentException("no EC key " + keyId);
  }
}
