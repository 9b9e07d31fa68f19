package dev.subnetsim.replica.chainkey.reshare;

import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.Transcript;
import dev.subnetsim.chainkey.dkg.TranscriptBuilder;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgParams;
import dev.subnetsim.chainkey.idkg.IdkgTranscript;
import dev.subnetsim.chainkey.idkg.IdkgTranscripts;
import dev.subnetsim.chainkey.idkg.TranscriptKind;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.SigningKeys;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.chainkey.presig.RefillPolicy;
import dev.subnetsim.replica.chainkey.reshare.ReshareSchedule.Reshare;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The public side of a target subnet's chain keys after a reshare, derived from the installed
 * dealings in its replicated state (so every replica, including one restarted from a CUP, derives
 * the same): the transcripts (public keys equal the source's, checked), the dealings they were
 * made of, and the presignature refill on the reshared signing keys. It holds no secret: each
 * replica decrypts its own share of these dealings with its own key ({@link ReshareReceiver}).
 *
 * <p>A reshared subnet's presignature stash starts empty and is filled by the refill through
 * consensus, whatever the refill policy's prefill says: a prefilled stash would need a ceremony
 * holding every node's key share in one place. Derivation is memoized per subnet: the first
 * replica to execute the install pays for it (it is public computation).
 */
public final class InstalledChainKeys {
  /** An installed EC key: the instance's parameters and its transcript with the dealings used. */
  public record EcKey(IdkgParams params, IdkgTranscripts.Built built) {}

  /** The installed vetKD key: its DKG configuration, dealings and transcript. */
  public record VetKd(DkgConfig config, List<Dealing> dealings, Transcript transcript) {
    public VetKd {
      dealings = List.copyOf(dealings);
    }
  }

  /** The installed keys' public side, for reshare {@code reshare} from {@code source}. */
  public record Held(int reshare, String source, SubnetChainKeys publicKeys,
      SortedMap<String, EcKey> ec, VetKd vetKd) {
    public Held {
      ec = Collections.unmodifiableSortedMap(new TreeMap<>(ec));
    }
  }

  private final String subnet;
  private final ReshareContext context;
  private final int ecdsaStash;
  private final int schnorrStash;
  private final RefillPolicy refill;
  /** Key generation through this subnet's consensus (null on a subnet that only receives keys). */
  private final KeyGeneration generation;
  private Integer memoReshare;
  private Held memo;
  private Install memoInstall;

  public InstalledChainKeys(String subnet, ReshareContext context, int ecdsaStash,
      int schnorrStash, RefillPolicy refill) {
    this.refill = refill;
    this.generation = context.keyGeneration(subnet).orElse(null);
    this.subnet = subnet;
    this.context = context;
    this.ecdsaStash = ecdsaStash;
    this.schnorrStash = schnorrStash;
  }

  public String subnet() {
    return subnet;
  }

  /**
   * An installation as replicated state records it: the reshare's number ({@link
   * KeyGeneration#INSTANCE} for generated keys) and the dealings per key id. Public: what a
   * replica derives {@link Held} from, and what another JVM can derive the same from.
   */
  public record Install(int reshare, SortedMap<String, List<byte[]>> dealings) {
    public Install {
      TreeMap<String, List<byte[]>> copy = new TreeMap<>();
      dealings.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      dealings = Collections.unmodifiableSortedMap(copy);
    }
  }

  /** The keys installed in {@code state}, if any (derived once per installation). */
  public synchronized Optional<Held> held(ReplicatedState state) {
    Optional<Integer> index = ReshareLedger.installedReshare(state);
    if (index.isEmpty()) {
      return Optional.empty();
    }
    if (memo == null || !memoReshare.equals(index.get())) {
      take(new Install(index.get(), ReshareLedger.installedDealings(state)));
    }
    return Optional.of(memo);
  }

  /**
   * Takes {@code install} as derived here, as if a replica of this JVM had executed it: for a
   * JVM whose readers (checkers, a cluster member's other replicas) see keys that replicas
   * elsewhere derived. Does nothing if the latest derivation is of the same installation.
   */
  public synchronized void adopt(Install install) {
    if (memo == null || !memoReshare.equals(install.reshare())) {
      take(install);
    }
  }

  private void take(Install install) {
    if (install.reshare() == KeyGeneration.INSTANCE) {
      if (generation == null) {
        throw new IllegalArgumentException(subnet + " generates no keys");
      }
      memo = generated(install.dealings());
      generation.publish(memo);
    } else {
      memo = derive(context.schedule().get(install.reshare()).orElseThrow(
          () -> new IllegalArgumentException("no reshare " + install.reshare())),
          install.dealings());
    }
    memoReshare = install.reshare();
    memoInstall = install;
  }

  /** The keys most recently derived by any replica (for run-level checkers), if any. */
  public synchronized Optional<Held> latest() {
    return Optional.ofNullable(memo);
  }

  /** The installation {@link #latest()} was derived from, if any. */
  public synchronized Optional<Install> latestInstall() {
    return Optional.ofNullable(memoInstall);
  }

  private Held derive(Reshare r, SortedMap<String, List<byte[]>> dealings) {
    TreeMap<String, EcKey> ec = new TreeMap<>();
    VetKd vetKd = null;
    for (var e : dealings.entrySet()) {
      String keyId = e.getKey();
      if (keyId.equals(ReshareKey.VETKD_ID)) {
        vetKd = vetKd(r, e.getValue());
        continue;
      }
      IdkgParams p = context.ecParams(r, keyId);
      EcKey key = ecKey(p, TranscriptKind.RESHARE_OF_UNMASKED, e.getValue());
      EcPoint expected = context.sourceTranscript(r.source(), keyId).commitment().constantTerm();
      if (!key.built().transcript().commitment().constantTerm().equals(expected)) {
        throw new IllegalStateException("reshared " + keyId + " has another public key");
      }
      ec.put(keyId, key);
    }
    return held(r.index(), r.source(), context.targetKeys(subnet), ec, vetKd);
  }

  /** The keys this subnet generated: fresh transcripts of the recorded dealings, no old key. */
  private Held generated(SortedMap<String, List<byte[]>> dealings) {
    TreeMap<String, EcKey> ec = new TreeMap<>();
    VetKd vetKd = null;
    for (var e : dealings.entrySet()) {
      String keyId = e.getKey();
      if (keyId.equals(ReshareKey.VETKD_ID)) {
        DkgConfig config = generation.vetKdConfig();
        List<Dealing> ds = e.getValue().stream().map(Dealing::fromBytes).toList();
        vetKd = new VetKd(config, ds, TranscriptBuilder.build(config, ds, List.of()));
      } else {
        ec.put(keyId, ecKey(generation.ecParams(keyId), TranscriptKind.RANDOM_UNMASKED,
            e.getValue()));
      }
    }
    return held(KeyGeneration.INSTANCE, subnet, generation.keys(), ec, vetKd);
  }

  private static EcKey ecKey(IdkgParams p, TranscriptKind kind, List<byte[]> bytes) {
    List<IdkgDealing> ds = bytes.stream()
        .map(b -> IdkgDealing.fromBytes(kind, p.curve(), b)).toList();
    return new EcKey(p, IdkgTranscripts.create(p, ds));
  }

  private Held held(int reshare, String source, NodeEncryptionKeys keys,
      TreeMap<String, EcKey> ec, VetKd vetKd) {
    int n = keys.size();
    Map<EcCurve, IdkgTranscript> ecdsa = new EnumMap<>(EcCurve.class);
    Map<ThresholdSchnorr.Algorithm, IdkgTranscript> schnorr =
        new EnumMap<>(ThresholdSchnorr.Algorithm.class);
    Map<EcCurve, EcThresholdPublicKey> ecdh = new EnumMap<>(EcCurve.class);
    EcThresholdPublicKey document = null;
    for (var e : ec.entrySet()) {
      String keyId = e.getKey();
      IdkgTranscript t = e.getValue().built().transcript();
      if (keyId.startsWith("ecdsa/")) {
        ecdsa.put(ReshareContext.curve(keyId.substring(6)), t);
      } else if (keyId.startsWith("schnorr/")) {
        schnorr.put(ReshareContext.algorithm(keyId.substring(8)), t);
      } else if (keyId.startsWith("ecdh/")) {
        ecdh.put(ReshareContext.curve(keyId.substring(5)), feldman(t, n));
      } else if (keyId.equals(ChainKeyGenesis.DOCUMENT_KEY_ID)) {
        document = feldman(t, n);
      }
    }
    SigningKeys.Public signing = SigningKeys.resharedPublic(subnet, n, ecdsa, schnorr,
        ecdsa.isEmpty() ? 0 : ecdsaStash, schnorr.isEmpty() ? 0 : schnorrStash,
        keys.idkgPublicKeysByCurve(), refill);
    return new Held(reshare, source, new SubnetChainKeys(
        vetKd == null ? null : vetKd.transcript().publicCoefficients(), ecdh, document, signing),
        ec, vetKd);
  }

  /** The threshold public key of a reshared Feldman key: Y and every node's public share. */
  private static EcThresholdPublicKey feldman(IdkgTranscript t, int n) {
    TreeMap<Integer, EcPoint> shares = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      shares.put(i, t.commitment().evaluateAt(i));
    }
    return new EcThresholdPublicKey(t.curve(), t.threshold(), t.commitment().constantTerm(), shares);
  }

  private VetKd vetKd(Reshare r, List<byte[]> bytes) {
    DkgConfig config = context.vetKdConfig(r);
    List<Dealing> dealings = bytes.stream().map(Dealing::fromBytes).toList();
    Transcript transcript = TranscriptBuilder.build(config, dealings, List.of());
    if (!transcript.publicCoefficients().publicKey()
        .equals(context.sourcePublicKeys(r.source()).vetKdKey().publicKey())) {
      throw new IllegalStateException("reshared vetKD key has another public key");
    }
    return new VetKd(config, dealings, transcript);
  }
}
