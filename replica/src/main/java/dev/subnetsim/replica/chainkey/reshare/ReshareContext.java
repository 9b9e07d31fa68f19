package dev.subnetsim.replica.chainkey.reshare;

import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DealingValidator;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.DkgDealer;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.idkg.IdkgDealer;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgDealingVerifier;
import dev.subnetsim.chainkey.idkg.IdkgParams;
import dev.subnetsim.chainkey.idkg.IdkgTranscript;
import dev.subnetsim.chainkey.idkg.InvalidDealingException;
import dev.subnetsim.chainkey.idkg.MalformedIdkgBytesException;
import dev.subnetsim.chainkey.idkg.TranscriptKind;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.chainkey.reshare.ReshareSchedule.Reshare;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What both committees of a reshare agree on (public, like the registry): the schedule, the source
 * subnets' public key material (key transcripts and vetKD public coefficients from their genesis
 * ceremony), the target subnets' registered encryption keys, and from these the parameters of each
 * reshare instance. EC keys (ECDSA, Schnorr, ECDH, document) move by IDKG ReshareOfUnmasked, the
 * vetKD key by the BLS DKG's resharing; in both, dealer j deals its own share as the constant of
 * a fresh polynomial, so the target's shares are Lagrange combinations and the secret is never
 * assembled. Also makes a dealer's dealings (from its own shares only) and checks dealings
 * publicly, caching verdicts by content since every replica of a subnet checks the same bytes.
 */
public final class ReshareContext {
  private final ReshareSchedule schedule;
  private final Map<String, ChainKeyGenesis> sources;
  private final Map<String, KeyGeneration> generations;
  private final Map<String, NodeEncryptionKeys> targets;
  private final Map<String, Integer> sizes;
  private final Map<String, Optional<String>> verdicts = new TreeMap<>();

  /**
   * @param sources the genesis key material of every subnet that reshares (public parts are
   *     read here; secret shares are read only by the dealer they belong to)
   * @param targets registered encryption keys of every target subnet's nodes
   */
  public ReshareContext(ReshareSchedule schedule, Map<String, ChainKeyGenesis> sources,
      Map<String, NodeEncryptionKeys> targets) {
    this(schedule, sources, Map.of(), targets);
  }

  /**
   * @param generations subnets that generate their chain keys through consensus (a reshare
   *     source among them reshares the generated keys once they exist)
   */
  public ReshareContext(ReshareSchedule schedule, Map<String, ChainKeyGenesis> sources,
      Map<String, KeyGeneration> generations, Map<String, NodeEncryptionKeys> targets) {
    this.schedule = schedule;
    this.sources = Map.copyOf(sources);
    this.generations = Map.copyOf(generations);
    this.targets = Map.copyOf(targets);
    Map<String, Integer> n = new TreeMap<>();
    sources.forEach((s, g) -> n.put(s, g.shares().size()));
    generations.forEach((s, g) -> n.put(s, g.size()));
    this.sizes = n;
    for (Reshare r : schedule.reshares()) {
      if (!n.containsKey(r.source()) || !targets.containsKey(r.target())) {
        throw new IllegalArgumentException("reshare " + r.index() + ": " + r.source()
            + " holds no keys or " + r.target() + " has no registered encryption keys");
      }
    }
  }

  public static ReshareContext none() {
    return new ReshareContext(ReshareSchedule.NONE, Map.of(), Map.of());
  }

  public ReshareSchedule schedule() {
    return schedule;
  }

  public NodeEncryptionKeys targetKeys(String target) {
    return targets.get(target);
  }

  public ChainKeyGenesis source(String source) {
    return sources.get(source);
  }

  /** The key generation {@code subnet} runs through its consensus, if it does. */
  public Optional<KeyGeneration> keyGeneration(String subnet) {
    return Optional.ofNullable(generations.get(subnet));
  }

  /**
   * The public keys of a source: its genesis ceremony's, or those it generated (a reshare of
   * generated keys is dealt only once they exist).
   *
   * @throws IllegalStateException if the source generates its keys and has not yet
   */
  public SubnetChainKeys sourcePublicKeys(String source) {
    ChainKeyGenesis g = sources.get(source);
    return g != null ? g.publicKeys() : generated(source).publicKeys();
  }

  private InstalledChainKeys.Held generated(String source) {
    KeyGeneration g = generations.get(source);
    if (g == null) {
      throw new IllegalArgumentException("no keys on " + source);
    }
    return g.generated().orElseThrow(() -> new IllegalStateException(source
        + " has not generated its chain keys yet"));
  }

  /** Reconstruction threshold of a target committee's reshared keys (f+1). */
  public int targetThreshold(String target) {
    return (targets.get(target).size() - 1) / 3 + 1;
  }

  /** The source key transcript of an EC key id on {@code source}. */
  public IdkgTranscript sourceTranscript(String source, String keyId) {
    ChainKeyGenesis g = sources.get(source);
    if (g == null) {
      InstalledChainKeys.EcKey k = generated(source).ec().get(keyId);
      if (k == null) {
        throw new IllegalArgumentException("no key " + keyId + " on " + source);
      }
      return k.built().transcript();
    }
    var signing = g.publicKeys().signing();
    if (keyId.startsWith("ecdsa/")) {
      return signing.ecdsaKeys().get(curve(keyId.substring(6)));
    }
    if (keyId.startsWith("schnorr/")) {
      return signing.schnorrKeys().get(algorithm(keyId.substring(8)));
    }
    IdkgTranscript t = g.feldmanKeys().get(keyId);
    if (t == null) {
      throw new IllegalArgumentException("no key " + keyId + " on " + source);
    }
    return t;
  }

  public IdkgParams ecParams(Reshare r, String keyId) {
    IdkgTranscript source = sourceTranscript(r.source(), keyId);
    List<Integer> dealers = new ArrayList<>();
    for (int i = 0; i < sizes.get(r.source()); i++) {
      dealers.add(i);
    }
    return IdkgParams.reshare(r.transcriptId(keyId), source, dealers,
        targets.get(r.target()).idkgPublicKeys(source.curve()), targetThreshold(r.target()));
  }

  public DkgConfig vetKdConfig(Reshare r) {
    return DkgConfig.resharing(r.transcriptId(ReshareKey.VETKD_ID).getBytes(StandardCharsets.UTF_8),
        sourcePublicKeys(r.source()).vetKdKey(), sizes.get(r.source()),
        targets.get(r.target()).dkgPublicKeys(), targetThreshold(r.target()));
  }

  /** Verified dealings of {@code keyId} that make its transcript. */
  public int collectionThreshold(Reshare r, String keyId) {
    return keyId.equals(ReshareKey.VETKD_ID) ? vetKdConfig(r).collectionThreshold()
        : ecParams(r, keyId).collectionThreshold();
  }

  /** Dealer {@code dealer}'s dealing of {@code keyId}, made from its own shares only. */
  public byte[] deal(Reshare r, String keyId, int dealer, NodeChainKeyShares mine,
      SeededRandom rng) {
    if (keyId.equals(ReshareKey.VETKD_ID)) {
      return new DkgDealer(vetKdConfig(r), dealer).createResharingDealing(mine.vetKdShare(), rng)
          .toBytes();
    }
    return IdkgDealer.deal(ecParams(r, keyId), dealer, List.of(opening(mine, keyId)), rng)
        .toBytes();
  }

  /**
   * A cheating dealer's dealing: for an EC key, an honest-looking dealing whose ciphertext for
   * target node 0 is garbage (public verification cannot see it; that receiver must complain); for
   * the vetKD key, a dealing of a fresh secret instead of its share (an attempt to change the key,
   * caught by public verification).
   */
  public byte[] badDealing(Reshare r, String keyId, int dealer, NodeChainKeyShares mine,
      SeededRandom rng) {
    if (keyId.equals(ReshareKey.VETKD_ID)) {
      return new DkgDealer(vetKdConfig(r), dealer)
          .createResharingDealing(dev.subnetsim.chainkey.bls12381.Scalar.random(rng), rng)
          .toBytes();
    }
    IdkgParams p = ecParams(r, keyId);
    IdkgDealing d = IdkgDealer.deal(p, dealer, List.of(opening(mine, keyId)), rng);
    TreeMap<Integer, dev.subnetsim.chainkey.ec.EcScalar[]> ciphertexts =
        new TreeMap<>(d.ciphertexts());
    dev.subnetsim.chainkey.ec.EcScalar[] c = ciphertexts.get(0).clone();
    c[0] = c[0].add(dev.subnetsim.chainkey.ec.EcScalar.one(p.curve()));
    ciphertexts.put(0, c);
    return new IdkgDealing(d.transcriptId(), d.dealer(), d.commitment(), d.ephemeral(),
        ciphertexts, d.proof()).toBytes();
  }

  /**
   * Checks a dealing publicly (well-formed, for this instance and dealer, constant term = the
   * dealer's public share of the key, proofs); empty if valid, else the reason.
   */
  public Optional<String> check(Reshare r, String keyId, int dealer, byte[] bytes) {
    String key = r.index() + "/" + keyId + "/" + dealer + "/" + sha256(bytes);
    synchronized (verdicts) {
      Optional<String> known = verdicts.get(key);
      if (known != null) {
        return known;
      }
    }
    Optional<String> verdict = verify(r, keyId, dealer, bytes);
    synchronized (verdicts) {
      verdicts.put(key, verdict);
    }
    return verdict;
  }

  private Optional<String> verify(Reshare r, String keyId, int dealer, byte[] bytes) {
    if (!r.keyIds().contains(keyId)) {
      return Optional.of("reshare " + r.index() + " does not move key " + keyId);
    }
    try {
      if (keyId.equals(ReshareKey.VETKD_ID)) {
        Dealing d = Dealing.fromBytes(bytes);
        if (d.dealerIndex() != dealer) {
          return Optional.of("vetKD resharing dealing names dealer " + d.dealerIndex());
        }
        DealingValidator.verify(vetKdConfig(r), d);
        return Optional.empty();
      }
      IdkgParams p = ecParams(r, keyId);
      IdkgDealing d = IdkgDealing.fromBytes(TranscriptKind.RESHARE_OF_UNMASKED, p.curve(), bytes);
      if (d.dealer() != dealer || !d.transcriptId().equals(p.transcriptId())) {
        return Optional.of("dealing of " + keyId + " names dealer " + d.dealer()
            + " and instance " + d.transcriptId());
      }
      IdkgDealingVerifier.verify(p, d);
      return Optional.empty();
    } catch (MalformedIdkgBytesException e) {
      return malformed(keyId, dealer, e); // not "invalid", though an IllegalArgumentException
    } catch (InvalidDealingException | IllegalArgumentException e) {
      return Optional.of("invalid resharing dealing of " + keyId + " from dealer " + dealer
          + ": " + e.getMessage());
    } catch (RuntimeException e) {
      return malformed(keyId, dealer, e);
    }
  }

  private static Optional<String> malformed(String keyId, int dealer, RuntimeException e) {
    return Optional.of("malformed resharing dealing of " + keyId + " from dealer " + dealer
        + ": " + e.getMessage());
  }

  /** A node's opening of an EC key it holds from genesis. */
  static CommitmentOpening opening(NodeChainKeyShares mine, String keyId) {
    if (keyId.startsWith("ecdsa/")) {
      return mine.signing().ecdsaKeys().get(curve(keyId.substring(6)));
    }
    if (keyId.startsWith("schnorr/")) {
      return mine.signing().schnorrKeys().get(algorithm(keyId.substring(8)));
    }
    if (keyId.startsWith("ecdh/")) {
      return new CommitmentOpening.Simple(mine.ecdhShares().get(curve(keyId.substring(5))).scalar());
    }
    if (keyId.equals(ChainKeyGenesis.DOCUMENT_KEY_ID)) {
      return new CommitmentOpening.Simple(mine.documentShare().scalar());
    }
    throw new IllegalArgumentException("no EC key " + keyId);
  }

  static EcCurve curve(String name) {
    return EcCurve.valueOf(name.toUpperCase(Locale.ROOT));
  }

  static ThresholdSchnorr.Algorithm algorithm(String name) {
    return ThresholdSchnorr.Algorithm.valueOf(name.toUpperCase(Locale.ROOT));
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
