package dev.subnetsim.replica.chainkey.presig;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The numbered presignature instances of a signing subnet's keys, in the replicated state: which
 * are being made and which are ready, opening new ones to keep each stash at its target, abandoning
 * stuck ones, and handing the lowest ready one to a request.
 *
 * <p>Records ({@link ReplicatedState#presignatureRecords}): {@code <key>#next} the next instance,
 * {@code <key>#building} and {@code <key>#ready} the instances being made and ready (untaken),
 * {@code <key>@<instance>#open} the height it was opened at,
 * {@code <key>@<instance>/<transcript>/<dealer>} a dealing, {@code <key>@<instance>/<transcript>#built}
 * the dealers chosen and their dealings' digest.
 */
final class PresignatureInstances {
  /**
   * Blocks after which an instance still being made is abandoned (its records dropped, its slot
   * reopened): one whose transcript cannot reach its collection threshold, e.g. because too few
   * nodes hold openings of its inputs, must not hold an in-flight slot forever.
   */
  static final long ABANDON_AFTER_BLOCKS = 100;

  /** Key ids in order: refills run through them in this order, the same on every replica. */
  private final List<String> keyIds;
  private final SortedMap<String, Integer> prefilled;
  private final SortedMap<String, Integer> targets;
  private final int inFlight;

  PresignatureInstances(List<String> keyIds, Map<String, Integer> prefilled,
      Map<String, Integer> targets, int inFlight) {
    this.keyIds = List.copyOf(keyIds);
    this.prefilled = new TreeMap<>(prefilled);
    this.targets = new TreeMap<>(targets);
    this.inFlight = inFlight;
  }

  boolean knows(String keyId) {
    return keyIds.contains(keyId);
  }

  boolean refills(String keyId) {
    return targets.getOrDefault(keyId, 0) > 0;
  }

  int prefilled(String keyId) {
    return prefilled.getOrDefault(keyId, 0);
  }

  // ---- record names ----

  static String instance(String keyId, long instance) {
    return keyId + "@" + String.format("%08d", instance);
  }

  static String dealingRecord(String keyId, long instance, String transcript, int dealer) {
    return instance(keyId, instance) + "/" + transcript + "/" + String.format("%04d", dealer);
  }

  static String builtRecord(String keyId, long instance, String transcript) {
    return instance(keyId, instance) + "/" + transcript + "#built";
  }

  /** The name prefix of the dealings recorded for a transcript of an instance. */
  static String dealingsPrefix(String keyId, long instance, String transcript) {
    return instance(keyId, instance) + "/" + transcript + "/";
  }

  // ---- state of the instances ----

  List<Long> building(ReplicatedState s, String keyId) {
    return longs(s, keyId + "#building");
  }

  List<Long> ready(ReplicatedState s, String keyId) {
    return longs(s, keyId + "#ready");
  }

  long available(ReplicatedState s, String keyId) {
    return Math.max(0, prefilled(keyId) - s.presignaturesUsed(keyId)) + ready(s, keyId).size();
  }

  boolean isBuilt(ReplicatedState s, String keyId, long instance, String transcript) {
    return s.presignatureRecords().containsKey(builtRecord(keyId, instance, transcript));
  }

  boolean hasDealing(ReplicatedState s, String keyId, long instance, String transcript,
      int dealer) {
    return s.presignatureRecords().containsKey(dealingRecord(keyId, instance, transcript, dealer));
  }

  /** The number the next refilled instance of {@code keyId} gets. */
  long next(ReplicatedState s, String keyId) {
    byte[] next = s.presignatureRecords().get(keyId + "#next");
    return next == null ? prefilled(keyId) : ReplicatedState.fromBe64(next, "next-instance record");
  }

  // ---- changes ----

  long take(ReplicatedState s, String keyId) {
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

  void release(ReplicatedState s, String keyId, long instance) {
    if (instance >= prefilled(keyId)) {
      s.removePresignatureRecords(instance(keyId, instance));
    }
  }

  void refill(ReplicatedState s, Map<String, Integer> waiting) {
    for (String keyId : keyIds) {
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

  private static boolean abandon(ReplicatedState s, String keyId, long instance) {
    byte[] opened = s.presignatureRecords().get(instance(keyId, instance) + "#open");
    if (opened == null || s.height() - ReplicatedState.fromBe64(opened, "opened-at record")
        <= ABANDON_AFTER_BLOCKS) {
      return false;
    }
    s.removePresignatureRecords(instance(keyId, instance));
    return true;
  }

  /** Moves an instance from being made to ready once every transcript of its recipe is built. */
  void readyIfComplete(ReplicatedState s, String keyId, long instance) {
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

  static List<Long> longs(ReplicatedState s, String name) {
    byte[] v = s.presignatureRecords().get(name);
    return v == null ? new ArrayList<>() : decodeLongs(v);
  }

  static void putLongs(ReplicatedState s, String name, List<Long> values) {
    s.putPresignatureRecord(name, encodeLongs(values));
  }

  /** A list record: the values as consecutive 8-byte big-endian longs, no count. */
  static byte[] encodeLongs(List<Long> values) {
    BigEndianWriter w = new BigEndianWriter(8 * values.size());
    values.forEach(w::u64);
    return w.toBytes();
  }

  /** @throws MalformedBytesException unless the record is a whole number of longs */
  static List<Long> decodeLongs(byte[] v) {
    List<Long> out = new ArrayList<>();
    BigEndianReader r = new BigEndianReader(v, "presignature list record");
    while (r.remaining() > 0) {
      out.add(r.i64("value"));
    }
    return out;
  }
}
