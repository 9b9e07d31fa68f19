package dev.subnetsim.replica.chainkey.presig;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ecdsa.EcdsaPresignature;
import dev.subnetsim.chainkey.idkg.IdkgParams;
import dev.subnetsim.chainkey.idkg.IdkgTranscript;
import dev.subnetsim.chainkey.idkg.IdkgTranscripts;
import dev.subnetsim.chainkey.schnorr.SchnorrPresignature;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.state.SharedBytes;
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
 * refilled ones continues after them. An instance still being made
 * {@value PresignatureInstances#ABANDON_AFTER_BLOCKS} blocks after it was opened is abandoned and its
 * slot reopened.
 *
 * <p>The work is split three ways: {@link PresignatureInstances} keeps the instances' records (and
 * documents their names), {@link PresignatureDealingChecks} decides what a dealing is worth, and
 * {@link PresignatureTranscripts} builds and assembles the transcripts (memoized by content).
 */
public final class Presignatures {
  private final int n;
  private final List<String> keyIds;
  private final PresignatureInstances instances;
  private final PresignatureDealingChecks checks;
  private final PresignatureTranscripts transcripts;
  private final PresignatureComplaints complaints;
  /** The subnet's replicas record each finalized dealing as one shared array. */
  private final SharedBytes recorded = new SharedBytes();

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
    this.n = n;
    this.keyIds = List.copyOf(new TreeMap<>(keys).keySet());
    this.instances = new PresignatureInstances(keyIds, prefilled, targets, inFlight);
    this.checks = new PresignatureDealingChecks(n, instances);
    this.transcripts = new PresignatureTranscripts(subnet, n, receiverKeys, keys);
    this.complaints = new PresignatureComplaints(n, instances, transcripts);
  }

  public List<String> keyIds() {
    return keyIds;
  }

  /** Whether the background refill runs for {@code keyId}. */
  public boolean refills(String keyId) {
    return instances.refills(keyId);
  }

  public int prefilled(String keyId) {
    return instances.prefilled(keyId);
  }

  public int committeeSize() {
    return n;
  }

  public String transcriptId(String keyId, long instance, String transcript) {
    return transcripts.transcriptId(keyId, instance, transcript);
  }

  // ---- replicated bookkeeping ----

  /** Instances of {@code keyId} being made (opened, not yet ready), ascending. */
  public List<Long> building(ReplicatedState s, String keyId) {
    return instances.building(s, keyId);
  }

  /** Ready instances of {@code keyId} not yet taken, ascending. */
  public List<Long> ready(ReplicatedState s, String keyId) {
    return instances.ready(s, keyId);
  }

  /** Presignatures a request could take now, per key: prefilled left plus refilled ready. */
  public long available(ReplicatedState s, String keyId) {
    return instances.available(s, keyId);
  }

  public boolean isBuilt(ReplicatedState s, String keyId, long instance, String transcript) {
    return instances.isBuilt(s, keyId, instance, transcript);
  }

  public boolean hasDealing(ReplicatedState s, String keyId, long instance, String transcript,
      int dealer) {
    return instances.hasDealing(s, keyId, instance, transcript, dealer);
  }

  /**
   * Takes the next presignature of {@code keyId}: a prefilled one while any is left, else the
   * lowest ready refilled one; -1 if none is available.
   */
  public long take(ReplicatedState s, String keyId) {
    return instances.take(s, keyId);
  }

  /** Drops a used refilled presignature's records once its request is answered. */
  public void release(ReplicatedState s, String keyId, long instance) {
    instances.release(s, keyId, instance);
  }

  /**
   * After a block: opens instances so each refilled key's ready plus building presignatures reach
   * its target plus the requests waiting for one, at most {@code inFlight} being made at once.
   */
  public void refill(ReplicatedState s, Map<String, Integer> waiting) {
    instances.refill(s, waiting);
  }

  /**
   * Executes a dealing from a block; returns why it is rejected (attributed to the block's maker),
   * or empty (recorded, or late and ignored).
   */
  public Optional<String> onDealing(ReplicatedState s, PayloadItem.PresignatureDealing d) {
    Optional<String> refused = checks.refusal(s, d);
    if (refused.isPresent() || checks.late(s, d)) {
      return refused;
    }
    IdkgParams p = params(s, d.keyId(), d.instance(), d.transcript()).orElse(null);
    if (p == null) {
      return Optional.of("presignature dealing for " + transcriptId(d.keyId(), d.instance(),
          d.transcript()) + " before its inputs were built");
    }
    Optional<String> invalid = checks.check(p, d.dealer(), d.dealing());
    if (invalid.isPresent()) {
      return invalid;
    }
    s.putPresignatureRecord(PresignatureInstances.dealingRecord(d.keyId(), d.instance(),
        d.transcript(), d.dealer()), recorded.intern(d.dealing()));
    if (transcripts.buildIfReady(s, d.keyId(), d.instance(), d.transcript(), p)) {
      instances.readyIfComplete(s, d.keyId(), d.instance());
    }
    return Optional.empty();
  }

  /** Executes a complaint about a dealing from a block; returns why it is rejected, if it is. */
  public Optional<String> onComplaint(ReplicatedState s, PayloadItem.PresignatureComplaint c) {
    return complaints.onComplaint(s, c);
  }

  /** Executes an opening of a complained dealing from a block; returns why it is rejected. */
  public Optional<String> onOpening(ReplicatedState s, PayloadItem.PresignatureOpening o) {
    return complaints.onOpening(s, o);
  }

  /** Instances of {@code keyId} still kept that have an upheld complaint. */
  public List<Long> complainedInstances(ReplicatedState s, String keyId) {
    return complaints.complainedInstances(s, keyId);
  }

  /** Dealers of a built transcript whose dealing has an upheld complaint. */
  public java.util.SortedSet<Integer> complained(ReplicatedState s, String keyId, long instance,
      String transcript) {
    return complaints.complained(s, keyId, instance, transcript);
  }

  /** The recorded openings of a complained dealing of a built transcript. */
  public List<dev.subnetsim.chainkey.idkg.IdkgOpening> openings(ReplicatedState s, Built b,
      String keyId, long instance, String transcript, int dealer) {
    return complaints.openings(s, b.params(), keyId, instance, transcript, dealer);
  }

  /** See {@link PresignatureDealingChecks#refusal}. */
  Optional<String> refusal(ReplicatedState s, PayloadItem.PresignatureDealing d) {
    return checks.refusal(s, d);
  }

  /** See {@link PresignatureDealingChecks#late}. */
  boolean late(ReplicatedState s, PayloadItem.PresignatureDealing d) {
    return checks.late(s, d);
  }

  /**
   * Checks a dealing publicly (well formed, for this instance and dealer, proofs, and for a
   * reshare or product the constant term is the dealer's public share); empty if valid.
   */
  public Optional<String> check(IdkgParams p, int dealer, byte[] bytes) {
    return checks.check(p, dealer, bytes);
  }

  // ---- lookups (every replica, from its own state) ----

  /** The parameters of a transcript of an instance, once the transcripts it is dealt from exist. */
  public Optional<IdkgParams> params(ReplicatedState s, String keyId, long instance,
      String transcript) {
    return transcripts.params(s, keyId, instance, transcript);
  }

  /** A built transcript of an instance, with the dealings it was made of. */
  public Optional<Built> built(ReplicatedState s, String keyId, long instance, String transcript) {
    return transcripts.built(s, keyId, instance, transcript);
  }

  /** A refilled ECDSA presignature, once ready. */
  public EcdsaPresignature ecdsa(ReplicatedState s, EcCurve curve, long instance) {
    return transcripts.ecdsa(s, curve, instance);
  }

  /** A refilled Schnorr presignature, once ready. */
  public SchnorrPresignature schnorr(ReplicatedState s, String keyId, long instance) {
    return transcripts.schnorr(s, keyId, instance);
  }
}
