package dev.subnetsim.consensus.dkg;

import dev.subnetsim.consensus.artifacts.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The DKG items one replica knows, by slot (key/dealer; the first per slot counts): those the
 * finalized chain includes, by target epoch; valid ones awaiting inclusion in a block (gossiped,
 * our own dealings and complaints); and our complaints awaiting gossip.
 */
final class DkgItemPool {
  /** Finalized items by target epoch, then slot. */
  private final TreeMap<Long, TreeMap<String, DkgItem>> included = new TreeMap<>();
  /** Valid items awaiting inclusion, by slot. */
  private final TreeMap<String, DkgItem> pending = new TreeMap<>();
  /** Our complaints awaiting gossip. */
  private final List<DkgItem> toGossip = new ArrayList<>();

  /** The items awaiting inclusion (read by {@link DkgItemChecker} to skip re-checking them). */
  TreeMap<String, DkgItem> pending() {
    return pending;
  }

  /** Finalized items by target epoch (written and read by {@link DkgSummary}). */
  TreeMap<Long, TreeMap<String, DkgItem>> included() {
    return included;
  }

  boolean isPending(DkgItem item) {
    return pending.containsKey(item.slot());
  }

  void keep(DkgItem item) {
    pending.put(item.slot(), item);
  }

  /** Our complaint: kept for inclusion and gossiped once. */
  void complain(DkgItem complaint) {
    pending.put(complaint.slot(), complaint);
    toGossip.add(complaint);
  }

  /** Our complaints to gossip (each returned once). */
  List<DkgItem> drainGossip() {
    List<DkgItem> out = List.copyOf(toGossip);
    toGossip.clear();
    return out;
  }

  /**
   * Pending items for {@code target} that neither the finalized chain nor the unfinalized
   * ancestors ({@code ancestorItems}) include yet; dealings only within the dealing window.
   */
  List<byte[]> payloadFor(long target, boolean window, List<byte[]> ancestorItems) {
    TreeSet<String> present = new TreeSet<>(included.getOrDefault(target, new TreeMap<>()).keySet());
    for (byte[] raw : ancestorItems) {
      present.add(DkgItem.decode(raw).slot());
    }
    List<byte[]> out = new ArrayList<>();
    for (DkgItem item : pending.values()) {
      if (item.targetEpoch() == target && !present.contains(item.slot())
          && (window || item.kind() == DkgItem.Kind.COMPLAINT)) {
        out.add(item.encode());
      }
    }
    return out;
  }

  /** Counts a finalized block's items for {@code target} (the first per slot counts). */
  void includeFinalized(Block b, long target) {
    for (byte[] raw : b.dkg()) {
      DkgItem item;
      try {
        item = DkgItem.decode(raw);
      } catch (IllegalArgumentException ex) {
        continue; // unreachable: n-f replicas validated the block before finalizing it
      }
      if (item.targetEpoch() == target) {
        included.computeIfAbsent(target, k -> new TreeMap<>()).putIfAbsent(item.slot(), item);
      }
    }
  }

  List<DkgItem> included(long target, ThresholdKey key, DkgItem.Kind kind) {
    return included.getOrDefault(target, new TreeMap<>()).values().stream()
        .filter(i -> i.key() == key && i.kind() == kind).toList();
  }

  /** Forgets every item for epochs up to {@code target}, once its transcripts are made. */
  void dropThrough(long target) {
    included.headMap(target, true).clear();
    pending.values().removeIf(i -> i.targetEpoch() <= target);
  }
}
