package dev.subnetsim.replica.chainkey.presig;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ecdsa.EcdsaPresignature;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgDealingVerifier;
import dev.subnetsim.chainkey.idkg.IdkgParams;
import dev.subnetsim.chainkey.idkg.IdkgTranscript;
import dev.subnetsim.chainkey.idkg.IdkgTranscripts;
import dev.subnetsim.chainkey.idkg.InvalidDealingException;
import dev.subnetsim.chainkey.schnorr.SchnorrPresignature;
import dev.subnetsim.replica.chainkey.presig.PresignatureRecipe.Step;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A signing subnet's presignatures made in the background through consensus (the replicated side,
 * run by block execution, the same on every replica). After each block, every key whose stash
 * (ready plus being made) is below its target, plus the requests waiting for one, gets new numbered
 * instances; the replicas' dealings for an instance's transcripts ({@link PresignatureDealer}) come
 * in block payloads, are verified publicly and recorded, and at each transcript's collection
 * threshold the transcript is built; an instance is ready when all its transcripts are. Requests
 * take the lowest ready instance; its records are dropped once the request is answered.
 *
 * <p>Instances below the prefilled stash size (per key) are the setup ceremony's; numbering of
 * refilled ones continues after them. Built transcripts and dealing verdicts are memoized by
 * content (every replica of the subnet builds the same from the same records).
 *
 * <p>An instance still being made {@value #ABANDON_AFTER_BLOCKS} blocks after it was opened is
 * abandoned and its slot reopened (see the constant).
 *
 * <p>Records ({@link ReplicatedState#presignatureRecords}): {@code <key>#next} the next instance,
 * {@code <key>#building} and {@code <key>#ready} the instances being made and ready (untaken),
 * {@code <key>@<instance>#open} the height it was opened at,
 * {@code <key>@<instance>/<transcript>/<dealer>} a dealing, {@code <key>@<instance>/<transcript>#built}
 * the dealers chosen and their dealings' digest.
 */
public final class Presignatures {
  private static final int MEMO_LIMIT = 8192;
  /**
   * Blocks after which an instance still being made is abandoned (its records dropped, its slot
   * reopened): one whose transcript cannot reach its collection threshold, e.g. because too few
   * nodes hold openings of its inputs, must not hold an in-flight slot forever.
   */
  static final long ABANDON_AFTER_BLOCKS = 100;

  private final String subnet;
  private final int n;
  private final int threshold;
  private final Map<EcCurve, SortedMap<Integer, EcPoint>> receiverKeys;
  /** Key transcripts by key id ({@code ecdsa/SECP256K1}, {@code schnorr/BIP340}, ...). */
  private final SortedMap<String, IdkgTranscript> keys;
  private final SortedMap<String, Integer> prefilled;
  private final SortedMap<String, Integer> targets;
  private final int inFlight;
  private final Map<String, Built> built = lru();
  private final Map<String, Optional<String>> verdicts = lru();

  /** A built transcript with its instance's parameters and the digest of its dealings. */
  public record Built(IdkgParams params, IdkgTranscripts.Built built, String digest) {
    public IdkgTranscript transcript() {
      return built.transcript();
    }
  }

  /**
   * @param keys key transcripts by key id
   * @param prefilled presignatures per key made by the setup ceremony (instances 0..size-1)
   * @param targets stash size per key the refill keeps (0: never refilled)
   */
  public Presignatures(String subnet, int n, Map<EcCurve, SortedMap<Integer, EcPoint>> receiverKeys,
      Map<String, IdkgTranscript> keys, Map<String, Integer> prefilled, Map<String, Integer> targets,
      int inFlight) {
    this.subnet = subnet;
    this.n = n;
    this.threshold = (n - 1) / 3 + 1;
    this.receiverKeys = receiverKeys;
    this.keys = new TreeMap<>(keys);
    this.prefilled = new TreeMap<>(prefilled);
    this.targets = new TreeMap<>(targets);
    this.inFlight = inFlight;
  }

  private static <V> Map<String, V> lru() {
    // Looked up only, never iterated for a decision: access order cannot reach a run's output.
    return new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MEMO_LIMIT;
      }
    };
  }

  public List<String> keyIds() {
    return List.copyOf(keys.keySet());
  }

  /** Whether the background refill runs for {@code keyId}. */
  public boolean refills(String keyId) {
    return targets.getOrDefault(keyId, 0) > 0;
  }

  public int prefilled(String keyId) {
    return prefilled.getOrDefault(keyId, 0);
  }

  public int committeeSize() {
    return n;
  }

  // ---- record names ----

  static String instance(String keyId, long instance) {
    return keyId + "@" + String.format("%08d", instance);
  }

  static String dealingRecord(String keyId, long instance, String transcript, int dealer) {
    return instance(keyId, instance) + "/" + transcript + "/" + String.format("%04d", dealer);
  }

  private static String builtRecord(String keyId, long instance, String transcript) {
    return instance(keyId, instance) + "/" + transcript + "#built";
  }

  public String transcriptId(String keyId, long instance, String transcript) {
    return subnet + "/presig/" + instance(keyId, instance) + "/" + transcript;
  }

  // ---- replicated bookkeeping ----

  /** Instances of {@code keyId} being made (opened, not yet ready), ascending. */
  public List<Long> building(ReplicatedState s, String keyId) {
    return longs(s, keyId + "#building");
  }

  /** Ready instances of {@code keyId} not yet taken, ascending. */
  public List<Long> ready(ReplicatedState s, String keyId) {
    return longs(s, keyId + "#ready");
  }

  /** Presignatures a request could take now, per key: prefilled left plus refilled ready. */
  public long available(ReplicatedState s, String keyId) {
    return Math.max(0, prefilled(keyId) - s.presignaturesUsed(keyId)) + ready(s, keyId).size();
  }

  public boolean isBuilt(ReplicatedState s, String keyId, long instance, String transcript) {
    return s.presignatureRecords().containsKey(builtRecord(keyId, instance, transcript));
  }

  public boolean hasDealing(ReplicatedState s, String keyId, long instance, String transcript,
      int dealer) {
    return s.presignatureRecords().containsKey(dealingRecord(keyId, instance, transcript, dealer));
  }

  /**
   * Takes the next presignature of {@code keyId}: a prefilled one while any is left, else the
   * lowest ready refilled one; -1 if none is available.
   */
  public long take(ReplicatedState s, String keyId) {
    long used = s.presignaturesUsed(keyId);
    if (used < prefilled(keyId)) {
      s.setPresignaturesUsed(keyId, used + 1);
      return used;
    }
    List<Long> ready = new ArrayList<>(ready(s, keyId));
    if (ready.isEmpty()) {
      return -1;
    }
    long taken = ready.remove(0);
    putLongs(s, keyId + "#ready", ready);
    return taken;
  }

  /** Drops a used refilled presignature's records once its request is answered. */
  public void release(ReplicatedState s, String keyId, long instance) {
    if (instance >= prefilled(keyId)) {
      s.removePresignatureRecords(instance(keyId, instance));
    }
  }

  /**
   * After a block: opens instances so each refilled key's ready plus building presignatures reach
   * its target plus the requests waiting for one, at most {@code inFlight} being made at once.
   */
  public void refill(ReplicatedState s, Map<String, Integer> waiting) {
    for (String keyId : keys.keySet()) {
      if (!refills(keyId)) {
        continue;
      }
      List<Long> building = new ArrayList<>(building(s, keyId));
      boolean changed = building.removeIf(instance -> abandon(s, keyId, instance));
      long have = available(s, keyId) + building.size();
      long want = targets.get(keyId) + waiting.getOrDefault(keyId, 0);
      boolean opened = false;
      long next = next(s, keyId);
      while (have < want && building.size() < inFlight) {
        s.putPresignatureRecord(instance(keyId, next) + "#open", ReplicatedState.be64(s.height()));
        building.add(next++);
        have++;
        opened = true;
      }
      if (opened || changed) {
        putLongs(s, keyId + "#building", building);
      }
      if (opened) {
        s.putPresignatureRecord(keyId + "#next", ReplicatedState.be64(next));
      }
    }
  }

  /** The number the next refilled instance of {@code keyId} gets. */
  private long next(ReplicatedState s, String keyId) {
    byte[] next = s.presignatureRecords().get(keyId + "#next");
    return next == null ? prefilled(keyId) : ByteBuffer.wrap(next).getLong();
  }

  private static boolean abandon(ReplicatedState s, String keyId, long instance) {
    byte[] opened = s.presignatureRecords().get(instance(keyId, instance) + "#open");
    if (opened == null || s.height() - ByteBuffer.wrap(opened).getLong() <= ABANDON_AFTER_BLOCKS) {
      return false;
    }
    s.removePresignatureRecords(instance(keyId, instance));
    return true;
  }

  /**
   * Executes a dealing from a block; returns why it is rejected (attributed to the block's maker),
   * or empty (recorded, or late and ignored).
   */
  public Optional<String> onDealing(ReplicatedState s, PayloadItem.PresignatureDealing d) {
    Optional<String> refused = refusal(s, d);
    if (refused.isPresent() || late(s, d)) {
      return refused;
    }
    IdkgParams p = params(s, d.keyId(), d.instance(), d.transcript()).orElse(null);
    if (p == null) {
      return Optional.of("presignature dealing for " + transcriptId(d.keyId(), d.instance(),
          d.transcript()) + " before its inputs were built");
    }
    Optional<String> invalid = check(p, d.dealer(), d.dealing());
    if (invalid.isPresent()) {
      return invalid;
    }
    s.putPresignatureRecord(dealingRecord(d.keyId(), d.instance(), d.transcript(), d.dealer()),
        d.dealing());
    buildIfReady(s, d.keyId(), d.instance(), d.transcript(), p);
    return Optional.empty();
  }

  /**
   * Why a dealing can never be used, from checks that need no cryptography (unknown key,
   * transcript or dealer, or an instance that was never opened); empty if it may be.
   */
  Optional<String> refusal(ReplicatedState s, PayloadItem.PresignatureDealing d) {
    if (!keys.containsKey(d.keyId()) || !refills(d.keyId())) {
      return Optional.of("presignature dealing for key " + d.keyId() + ", which this subnet does "
          + "not refill");
    }
    if (!PresignatureRecipe.of(d.keyId()).has(d.transcript())) {
      return Optional.of("presignature dealing for unknown transcript " + d.transcript());
    }
    if (d.dealer() < 0 || d.dealer() >= n) {
      return Optional.of("presignature dealing from unknown dealer " + d.dealer());
    }
    if (d.instance() < prefilled(d.keyId()) || d.instance() >= next(s, d.keyId())) {
      return Optional.of("presignature dealing for instance " + d.instance() + " of "
          + d.keyId() + ", which is not open");
    }
    return Optional.empty();
  }

  /**
   * Whether a dealing of an opened instance is no longer needed (its instance is done or
   * abandoned, its transcript built, or this dealer's dealing recorded): harmless, ignored.
   */
  boolean late(ReplicatedState s, PayloadItem.PresignatureDealing d) {
    return !building(s, d.keyId()).contains(d.instance())
        || isBuilt(s, d.keyId(), d.instance(), d.transcript())
        || hasDealing(s, d.keyId(), d.instance(), d.transcript(), d.dealer());
  }

  /**
   * Checks a dealing publicly (well formed, for this instance and dealer, proofs, and for a
   * reshare or product the constant term is the dealer's public share); empty if valid.
   */
  public Optional<String> check(IdkgParams p, int dealer, byte[] bytes) {
    String key = p.transcriptId() + "/" + dealer + "/" + sha256(List.of(bytes));
    synchronized (verdicts) {
      Optional<String> known = verdicts.get(key);
      if (known != null) {
        return known;
      }
    }
    Optional<String> verdict;
    try {
      IdkgDealing d = IdkgDealing.fromBytes(p.kind(), p.curve(), bytes);
      if (d.dealer() != dealer || !d.transcriptId().equals(p.transcriptId())) {
        verdict = Optional.of("presignature dealing names dealer " + d.dealer() + " and instance "
            + d.transcriptId() + ", expected " + dealer + " and " + p.transcriptId());
      } else {
        IdkgDealingVerifier.verify(p, d);
        verdict = Optional.empty();
      }
    } catch (InvalidDealingException | IllegalArgumentException e) {
      verdict = Optional.of("invalid presignature dealing for " + p.transcriptId()
          + " from dealer " + dealer + ": " + e.getMessage());
    } catch (RuntimeException e) {
      verdict = Optional.of("malformed presignature dealing for " + p.transcriptId()
          + " from dealer " + dealer + ": " + e.getMessage());
    }
    synchronized (verdicts) {
      verdicts.put(key, verdict);
    }
    return verdict;
  }

  private void buildIfReady(ReplicatedState s, String keyId, long instance, String transcript,
      IdkgParams p) {
    String prefix = instance(keyId, instance) + "/" + transcript + "/";
    SortedMap<String, byte[]> dealings = s.presignatureRecords().subMap(prefix,
        prefix + Character.MAX_VALUE);
    if (dealings.size() < p.collectionThreshold()) {
      return;
    }
    Built b = build(p, new ArrayList<>(dealings.values()));
    List<Integer> dealers = b.built().dealers();
    ByteBuffer record = ByteBuffer.allocate(4 + 4 * dealers.size() + 32);
    record.putInt(dealers.size());
    dealers.forEach(record::putInt);
    record.put(HexFormat.of().parseHex(b.digest()));
    s.putPresignatureRecord(builtRecord(keyId, instance, transcript), record.array());
    PresignatureRecipe recipe = PresignatureRecipe.of(keyId);
    if (recipe.steps().stream().allMatch(st -> isBuilt(s, keyId, instance, st.name()))) {
      List<Long> building = new ArrayList<>(building(s, keyId));
      building.remove(instance);
      putLongs(s, keyId + "#building", building);
      List<Long> ready = new ArrayList<>(ready(s, keyId));
      ready.add(instance);
      ready.sort(Long::compare);
      putLongs(s, keyId + "#ready", ready);
    }
  }

  // ---- lookups (every replica, from its own state) ----

  /** The parameters of a transcript of an instance, once the transcripts it is dealt from exist. */
  public Optional<IdkgParams> params(ReplicatedState s, String keyId, long instance,
      String transcript) {
    Step step = PresignatureRecipe.of(keyId).step(transcript);
    IdkgTranscript key = keys.get(keyId);
    EcCurve curve = key.curve();
    List<IdkgTranscript> inputs = new ArrayList<>();
    for (String input : step.inputs()) {
      if (input.equals(Step.KEY)) {
        inputs.add(key);
      } else {
        Optional<Built> b = built(s, keyId, instance, input);
        if (b.isEmpty()) {
          return Optional.empty();
        }
        inputs.add(b.get().transcript());
      }
    }
    String id = transcriptId(keyId, instance, transcript);
    List<Integer> dealers = all();
    SortedMap<Integer, EcPoint> receivers = receiverKeys.get(curve);
    return Optional.of(switch (step.kind()) {
      case RANDOM_MASKED -> IdkgParams.random(id, curve, dealers, receivers, threshold, true);
      case RANDOM_UNMASKED -> IdkgParams.random(id, curve, dealers, receivers, threshold, false);
      case RESHARE -> IdkgParams.reshare(id, inputs.get(0), dealers, receivers, threshold);
      case PRODUCT -> IdkgParams.product(id, inputs.get(0), inputs.get(1), dealers, receivers,
          threshold);
    });
  }

  /** A built transcript of an instance, with the dealings it was made of. */
  public Optional<Built> built(ReplicatedState s, String keyId, long instance, String transcript) {
    byte[] record = s.presignatureRecords().get(builtRecord(keyId, instance, transcript));
    if (record == null) {
      return Optional.empty();
    }
    ByteBuffer b = ByteBuffer.wrap(record);
    List<Integer> dealers = new ArrayList<>();
    for (int i = b.getInt(); i > 0; i--) {
      dealers.add(b.getInt());
    }
    byte[] digest = new byte[32];
    b.get(digest);
    String memoKey = transcriptId(keyId, instance, transcript) + "#"
        + HexFormat.of().formatHex(digest);
    synchronized (built) {
      Built known = built.get(memoKey);
      if (known != null) {
        return Optional.of(known);
      }
    }
    IdkgParams p = params(s, keyId, instance, transcript).orElseThrow();
    List<byte[]> raw = new ArrayList<>();
    for (int dealer : dealers) {
      raw.add(s.presignatureRecords().get(dealingRecord(keyId, instance, transcript, dealer)));
    }
    return Optional.of(build(p, raw));
  }

  /**
   * The transcript made of these verified dealings, memoized by their digest: every replica of
   * the subnet builds the same one from the same records, so only the first pays for it.
   */
  private Built build(IdkgParams p, List<byte[]> raw) {
    String digest = sha256(raw);
    String memoKey = p.transcriptId() + "#" + digest;
    synchronized (built) {
      Built known = built.get(memoKey);
      if (known != null) {
        return known;
      }
    }
    List<IdkgDealing> dealings = new ArrayList<>();
    for (byte[] b : raw) {
      dealings.add(IdkgDealing.fromBytes(p.kind(), p.curve(), b));
    }
    Built result = new Built(p, IdkgTranscripts.create(p, dealings), digest);
    synchronized (built) {
      built.put(memoKey, result);
    }
    return result;
  }

  /** A refilled ECDSA presignature, once ready. */
  public EcdsaPresignature ecdsa(ReplicatedState s, EcCurve curve, long instance) {
    String keyId = "ecdsa/" + curve;
    return new EcdsaPresignature(transcriptId(keyId, instance, ""), transcript(s, keyId, instance,
        "kappa"), transcript(s, keyId, instance, "lambda"),
        transcript(s, keyId, instance, "kappa-lambda"),
        transcript(s, keyId, instance, "key-lambda"), keys.get(keyId));
  }

  /** A refilled Schnorr presignature, once ready. */
  public SchnorrPresignature schnorr(ReplicatedState s, String keyId, long instance) {
    return new SchnorrPresignature(transcriptId(keyId, instance, ""),
        transcript(s, keyId, instance, "nonce"), keys.get(keyId));
  }

  private IdkgTranscript transcript(ReplicatedState s, String keyId, long instance, String name) {
    return built(s, keyId, instance, name).orElseThrow(() -> new IllegalStateException(
        "presignature " + instance(keyId, instance) + " has no " + name + " transcript"))
        .transcript();
  }

  private List<Integer> all() {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    return all;
  }

  private static List<Long> longs(ReplicatedState s, String name) {
    byte[] v = s.presignatureRecords().get(name);
    List<Long> out = new ArrayList<>();
    if (v != null) {
      ByteBuffer b = ByteBuffer.wrap(v);
      while (b.hasRemaining()) {
        out.add(b.getLong());
      }
    }
    return out;
  }

  private static void putLongs(ReplicatedState s, String name, List<Long> values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.size());
    values.forEach(b::putLong);
    s.putPresignatureRecord(name, b.array());
  }

  static String sha256(List<byte[]> parts) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        d.update(ByteBuffer.allocate(4).putInt(p.length).array());
        d.update(p);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
