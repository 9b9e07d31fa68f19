package dev.subnetsim.replica.chainkey.presig;

import static dev.subnetsim.replica.chainkey.presig.PresignatureInstances.instance;

import dev.subnetsim.chainkey.ec.EcDleqProof;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.idkg.IdkgComplaint;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgOpening;
import dev.subnetsim.chainkey.idkg.IdkgParams;
import dev.subnetsim.replica.chainkey.presig.Presignatures.Built;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Complaints about presignature dealings and the openings that answer them (the replicated side,
 * run by block execution). A node whose share of a dealing a built transcript was made of does not
 * decrypt complains with its DH value and a DLEQ proof; execution checks the proof against its
 * registered key and that the ciphertext really fails, and records the complaint. Then every node
 * may open that dealing; each opening is checked against the dealing's commitment and recorded, and
 * from a threshold of them the complainer interpolates its share ({@link NodePresignatureShares}).
 * Only dealings proven bad are opened (an opening reveals the opener's share of that one dealing).
 * Records live under the instance ({@code <key>@<instance>/<transcript>#complaint/<dealer>/<node>}
 * and {@code #opening/...}: the opening's value, then its mask if masked), so they are dropped with
 * it; {@code <key>#complained} lists the instances with complaints (pruned as they go). A
 * complaint about a transcript not built (or no longer kept) is ignored as late.
 */
final class PresignatureComplaints {
  /** Per key, the list record of instances with upheld complaints. */
  private static final String COMPLAINED = "#complained";
  private final PresignatureInstances instances;
  private final PresignatureTranscripts transcripts;
  private final int n;

  PresignatureComplaints(int n, PresignatureInstances instances,
      PresignatureTranscripts transcripts) {
    this.n = n;
    this.instances = instances;
    this.transcripts = transcripts;
  }

  private static String prefix(String keyId, long instance, String transcript, String what,
      int dealer) {
    return instance(keyId, instance) + "/" + transcript + "#" + what + "/"
        + String.format("%04d", dealer) + "/";
  }

  static String complaintRecord(String keyId, long instance, String transcript, int dealer,
      int complainer) {
    return prefix(keyId, instance, transcript, "complaint", dealer)
        + String.format("%04d", complainer);
  }

  static String openingRecord(String keyId, long instance, String transcript, int dealer,
      int opener) {
    return prefix(keyId, instance, transcript, "opening", dealer) + String.format("%04d", opener);
  }

  /** The dealers of a built transcript whose dealing someone complained about (upheld). */
  SortedSet<Integer> complained(ReplicatedState s, String keyId, long instance, String transcript) {
    String p = instance(keyId, instance) + "/" + transcript + "#complaint/";
    TreeSet<Integer> out = new TreeSet<>();
    s.presignatureRecords().subMap(p, p + Character.MAX_VALUE).keySet().forEach(k ->
        out.add(Integer.parseInt(k.substring(p.length(), p.length() + 4))));
    return out;
  }

  /** The recorded (verified) openings of a complained dealing. */
  List<IdkgOpening> openings(ReplicatedState s, IdkgParams params, String keyId, long instance,
      String transcript, int dealer) {
    String p = prefix(keyId, instance, transcript, "opening", dealer);
    List<IdkgOpening> out = new ArrayList<>();
    s.presignatureRecords().subMap(p, p + Character.MAX_VALUE).forEach((k, v) -> out.add(
        new IdkgOpening(params.transcriptId(), dealer, Integer.parseInt(k.substring(p.length())),
            decodeOpening(params, v))));
    return out;
  }

  private static CommitmentOpening decodeOpening(IdkgParams p, byte[] v) {
    int len = p.curve().scalarLength();
    EcScalar value = EcScalar.fromBytes(p.curve(), Arrays.copyOf(v, len));
    return p.kind().masked() ? new CommitmentOpening.Pedersen(value,
        EcScalar.fromBytes(p.curve(), Arrays.copyOfRange(v, len, 2 * len)))
        : new CommitmentOpening.Simple(value);
  }

  /** Executes a complaint from a block; returns why it is rejected (or empty). */
  Optional<String> onComplaint(ReplicatedState s, PayloadItem.PresignatureComplaint c) {
    String what = "presignature complaint of node " + c.complainer() + " about dealer "
        + c.dealer() + "'s dealing for " + c.keyId() + "@" + c.instance() + "/" + c.transcript();
    Optional<String> refused = refusal(c.keyId(), c.transcript(), c.complainer(), what);
    if (refused.isPresent()) {
      return refused;
    }
    Optional<Built> b = transcripts.built(s, c.keyId(), c.instance(), c.transcript());
    if (b.isEmpty()) {
      return Optional.empty(); // not built, or already used and dropped: late, ignored
    }
    Optional<IdkgDealing> d = dealing(b.get(), c.dealer());
    if (d.isEmpty()) {
      return Optional.of(what + ": not a dealing the transcript was built from");
    }
    String record = complaintRecord(c.keyId(), c.instance(), c.transcript(), c.dealer(),
        c.complainer());
    if (s.presignatureRecords().containsKey(record)) {
      return Optional.empty();
    }
    IdkgParams p = b.get().params();
    IdkgComplaint complaint;
    try {
      complaint = new IdkgComplaint(p.transcriptId(), c.dealer(), c.complainer(),
          EcPoint.decode(p.curve(), c.dh()), EcDleqProof.fromBytes(p.curve(), c.proof()));
    } catch (RuntimeException e) {
      return Optional.of("malformed " + what + ": " + e.getMessage());
    }
    if (!valid(complaint, p, d.get())) {
      return Optional.of("false " + what + " (proof fails or the share decrypts)");
    }
    s.putPresignatureRecord(record, new byte[0]);
    List<Long> listed = new ArrayList<>(complainedInstances(s, c.keyId()));
    if (!listed.contains(c.instance())) {
      listed.add(c.instance());
      listed.sort(Long::compare);
    }
    PresignatureInstances.putLongs(s, c.keyId() + COMPLAINED, listed);
    return Optional.empty();
  }

  /**
   * Instances of {@code keyId} still kept (being made, ready, or taken by a request not yet
   * answered) with an upheld complaint: the list record, less instances dropped since.
   */
  List<Long> complainedInstances(ReplicatedState s, String keyId) {
    List<Long> listed = PresignatureInstances.longs(s, keyId + COMPLAINED);
    listed.removeIf(i -> !s.presignatureRecords().containsKey(instance(keyId, i) + "#open"));
    return listed;
  }

  /** Executes an opening from a block; returns why it is rejected (or empty). */
  Optional<String> onOpening(ReplicatedState s, PayloadItem.PresignatureOpening o) {
    String what = "presignature opening by node " + o.opener() + " of dealer " + o.dealer()
        + "'s dealing for " + o.keyId() + "@" + o.instance() + "/" + o.transcript();
    Optional<String> refused = refusal(o.keyId(), o.transcript(), o.opener(), what);
    if (refused.isPresent()) {
      return refused;
    }
    Optional<Built> b = transcripts.built(s, o.keyId(), o.instance(), o.transcript());
    if (b.isEmpty()) {
      return Optional.empty();
    }
    if (!complained(s, o.keyId(), o.instance(), o.transcript()).contains(o.dealer())) {
      return Optional.of(what + ", which no upheld complaint asks for");
    }
    String record = openingRecord(o.keyId(), o.instance(), o.transcript(), o.dealer(),
        o.opener());
    if (s.presignatureRecords().containsKey(record)) {
      return Optional.empty();
    }
    IdkgParams p = b.get().params();
    CommitmentOpening opening;
    try {
      EcScalar value = EcScalar.fromBytes(p.curve(), o.value());
      if (p.kind().masked()) {
        opening = new CommitmentOpening.Pedersen(value, EcScalar.fromBytes(p.curve(), o.mask()));
      } else if (o.mask().length == 0) {
        opening = new CommitmentOpening.Simple(value);
      } else {
        return Optional.of("malformed " + what + ": a mask for an unmasked transcript");
      }
    } catch (RuntimeException e) {
      return Optional.of("malformed " + what + ": " + e.getMessage());
    }
    IdkgDealing d = dealing(b.get(), o.dealer()).orElseThrow();
    if (!new IdkgOpening(p.transcriptId(), o.dealer(), o.opener(), opening).isValid(d)) {
      return Optional.of("wrong " + what + " (does not open the dealing's commitment)");
    }
    byte[] bytes = opening instanceof CommitmentOpening.Pedersen ped
        ? concat(ped.value().toBytes(), ped.mask().toBytes()) : opening.value().toBytes();
    s.putPresignatureRecord(record, bytes);
    return Optional.empty();
  }

  private Optional<String> refusal(String keyId, String transcript, int node, String what) {
    if (!instances.knows(keyId) || !instances.refills(keyId)
        || !PresignatureRecipe.of(keyId).has(transcript)) {
      return Optional.of(what + ": no such refilled key or transcript");
    }
    if (node < 0 || node >= n) {
      return Optional.of(what + ": no such node");
    }
    return Optional.empty();
  }

  static Optional<IdkgDealing> dealing(Built b, int dealer) {
    return b.built().dealings().stream().filter(d -> d.dealer() == dealer).findFirst();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Whether a complaint holds; a hostile one that makes the check throw does not. */
  private static boolean valid(IdkgComplaint c, IdkgParams p, IdkgDealing d) {
    try {
      return c.isValid(p, d);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
