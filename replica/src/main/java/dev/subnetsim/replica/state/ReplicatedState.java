package dev.subnetsim.replica.state;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterState;
import dev.subnetsim.replica.execution.messaging.CallContext;
import dev.subnetsim.replica.execution.messaging.Callback;
import dev.subnetsim.replica.execution.messaging.QueuedMessage;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A subnet's replicated state at one height: canisters (with their stable memories), the input
 * queue, call contexts and callbacks, the request statuses of ingress messages, and the pending
 * chain-key requests. Every honest replica holds the same state after executing the same blocks;
 * {@link #certifiedTree} is what the subnet certifies, {@link #encode} ({@link ReplicatedStateCodec})
 * what a CUP checkpoints and state sync transfers. Mutable: owned by one replica's execution.
 */
public final class ReplicatedState {
  /**
   * {@code /canister/<id>/controllers} of the example canisters: installed at genesis, controlled
   * by no one (no install_code reaches them); a self-described CBOR empty list.
   */
  private static final byte[] NO_CONTROLLERS = {(byte) 0xd9, (byte) 0xd9, (byte) 0xf7,
      (byte) 0x80};
  /** A finished request's status stays readable this long (the IC's ingress expiry window). */
  public static final long STATUS_RETENTION_NANOS = 5 * 60 * 1_000_000_000L;

  // Fields are package-private so ReplicatedStateCodec can write them out and restore them.
  long height;
  long timeNanos;
  final TreeMap<CanisterId, CanisterState> canisters = new TreeMap<>();
  final Deque<QueuedMessage> queue = new ArrayDeque<>();
  final TreeMap<Long, CallContext> callContexts = new TreeMap<>();
  final TreeMap<Long, Callback> callbacks = new TreeMap<>();
  final TreeMap<byte[], RequestStatus> requestStatus = new TreeMap<>(Arrays::compareUnsigned);
  /** When each finished status was written, for pruning. */
  final TreeMap<byte[], Long> statusTime = new TreeMap<>(Arrays::compareUnsigned);
  final TreeMap<Long, ChainKeyRequest> chainKeyRequests = new TreeMap<>();
  /** Outgoing cross-subnet streams: destination subnet -> (index -> encoded stream message). */
  final TreeMap<String, TreeMap<Long, byte[]>> streams = new TreeMap<>();
  /** The index the next message appended to each outgoing stream gets. */
  final TreeMap<String, Long> streamEnd = new TreeMap<>();
  /** Per source subnet, the index of the next stream message to induct (our signal to it). */
  final TreeMap<String, Long> inducted = new TreeMap<>();
  /** Per signing key, how many of its prefilled presignatures (the setup ceremony's) are taken. */
  final TreeMap<String, Long> presignaturesUsed = new TreeMap<>();
  /**
   * Key resharing progress and installed reshared keys, by name: collected dealings on a source
   * subnet, the dealings of each received key on a target subnet (see the reshare package).
   */
  final TreeMap<String, byte[]> keyRecords = new TreeMap<>();
  /**
   * Presignature refill progress (dealings, built transcripts, readiness), by name. These grow to
   * megabytes on a signing subnet, so the manifest hashes a running digest of every change
   * ({@link #presignatureLog}) instead of re-hashing them at every height: changes happen in
   * execution order, the same on every honest replica, so diverging records diverge the digest.
   */
  final TreeMap<String, byte[]> presignatureRecords = new TreeMap<>();
  byte[] presignatureLog = new byte[32];
  long nextId = 1;

  public long height() {
    return height;
  }

  public long timeNanos() {
    return timeNanos;
  }

  public void advance(long newHeight, long newTimeNanos) {
    height = newHeight;
    timeNanos = Math.max(timeNanos, newTimeNanos);
  }

  public long nextId() {
    return nextId++;
  }

  /** The id the next allocation will get (ids below it were allocated by executed blocks). */
  public long nextIdPeek() {
    return nextId;
  }

  public SortedMap<CanisterId, CanisterState> canisters() {
    return canisters;
  }

  public void install(CanisterState canister) {
    canisters.put(canister.id(), canister);
  }

  public Deque<QueuedMessage> queue() {
    return queue;
  }

  public TreeMap<Long, CallContext> callContexts() {
    return callContexts;
  }

  public TreeMap<Long, Callback> callbacks() {
    return callbacks;
  }

  public TreeMap<Long, ChainKeyRequest> chainKeyRequests() {
    return chainKeyRequests;
  }

  /** Appends a message to the stream to {@code destination}; returns its index. */
  public long appendToStream(String destination, byte[] message) {
    long index = streamEnd.getOrDefault(destination, 0L);
    streams.computeIfAbsent(destination, k -> new TreeMap<>()).put(index, message.clone());
    streamEnd.put(destination, index + 1);
    return index;
  }

  /** Drops stream messages the destination has inducted (its signal says up to {@code end}). */
  public void pruneStream(String destination, long end) {
    TreeMap<Long, byte[]> s = streams.get(destination);
    if (s != null) {
      s.headMap(end).clear();
    }
  }

  public SortedMap<String, TreeMap<Long, byte[]>> streams() {
    return streams;
  }

  public long presignaturesUsed(String key) {
    return presignaturesUsed.getOrDefault(key, 0L);
  }

  public void setPresignaturesUsed(String key, long used) {
    presignaturesUsed.put(key, used);
  }

  /**
   * The divergent-execution Byzantine behaviour: records an entry no honest replica has (as a
   * replica with a non-deterministic or faulty execution would), so this state's hash diverges.
   */
  public void diverge(long height) {
    keyRecords.put("divergent-execution", be64(height));
  }

  /** The presignature records (read-only view; change them with the methods below). */
  public SortedMap<String, byte[]> presignatureRecords() {
    return java.util.Collections.unmodifiableSortedMap(presignatureRecords);
  }

  /**
   * Records {@code value} itself, not a copy: dealings of tens of kilobytes are recorded as one
   * array shared by every replica of the subnet ({@link SharedBytes}), so nobody modifies a
   * recorded value (the view above is read-only and the callers pass arrays they made).
   */
  public void putPresignatureRecord(String name, byte[] value) {
    presignatureRecords.put(name, value);
    logPresignatureChange('+', name, value);
  }

  /** Removes every presignature record whose name starts with {@code prefix}. */
  public void removePresignatureRecords(String prefix) {
    SortedMap<String, byte[]> doomed = presignatureRecords.subMap(prefix,
        prefix + Character.MAX_VALUE);
    if (!doomed.isEmpty()) {
      doomed.clear();
      logPresignatureChange('-', prefix, new byte[0]);
    }
  }

  private void logPresignatureChange(char op, String name, byte[] value) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(presignatureLog);
      d.update((byte) op);
      d.update(new StateCodec.Writer().text(name).bytes(value).toBytes());
      presignatureLog = d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key-resharing records (see {@link #keyRecords}); callers keep names ordered by prefix. */
  public TreeMap<String, byte[]> keyRecords() {
    return keyRecords;
  }

  public long inducted(String source) {
    return inducted.getOrDefault(source, 0L);
  }

  public void setInducted(String source, long next) {
    inducted.put(source, next);
  }

  public RequestStatus requestStatus(byte[] requestId) {
    return requestStatus.get(requestId);
  }

  public void setRequestStatus(byte[] requestId, RequestStatus status) {
    requestStatus.put(requestId.clone(), status);
    statusTime.put(requestId.clone(), timeNanos);
  }

  /** Drops finished statuses older than the retention window (the IC reports them "done"). */
  public void pruneStatuses() {
    statusTime.entrySet().removeIf(e -> {
      boolean old = timeNanos - e.getValue() > STATUS_RETENTION_NANOS
          && !"received".equals(requestStatus.get(e.getKey()).status())
          && !"processing".equals(requestStatus.get(e.getKey()).status());
      if (old) {
        requestStatus.remove(e.getKey());
      }
      return old;
    });
  }

  /**
   * The certified state tree of this state under {@code registry}: its /subnet entries and, in a
   * world served to clients, each canister's module_hash and controllers.
   */
  public HashTree certifiedTree(SubnetRegistry registry) {
    return certifiedTree(registry.entries(), registry.servedToClients());
  }

  /** The certified state tree of this state, with the given /subnet entries. */
  public HashTree certifiedTree(List<CertifiedStateTree.SubnetEntry> subnets) {
    return certifiedTree(subnets, false);
  }

  private HashTree certifiedTree(List<CertifiedStateTree.SubnetEntry> subnets,
      boolean canisterInfo) {
    TreeMap<CanisterId, byte[]> certifiedData = new TreeMap<>();
    canisters.forEach((id, c) -> certifiedData.put(id, c.certifiedData()));
    List<CertifiedStateTree.ExtraLeaf> xnet = new java.util.ArrayList<>();
    streams.forEach((dest, messages) -> messages.forEach((index, m) -> xnet.add(
        new CertifiedStateTree.ExtraLeaf(List.of(utf8("streams"), utf8(dest), be64(index)), m))));
    inducted.forEach((source, next) -> xnet.add(new CertifiedStateTree.ExtraLeaf(
        List.of(utf8("xnet_inducted"), utf8(source)), be64(next))));
    if (canisterInfo) {
      canisters.forEach((id, c) -> {
        xnet.add(new CertifiedStateTree.ExtraLeaf(List.of(utf8("canister"), id.toBytes(),
            utf8("module_hash")), c.moduleHash()));
        xnet.add(new CertifiedStateTree.ExtraLeaf(List.of(utf8("canister"), id.toBytes(),
            utf8("controllers")), NO_CONTROLLERS.clone()));
      });
    }
    return new CertifiedStateTree(timeNanos, certifiedData, requestStatus, subnets,
        manifestHash(), xnet).build();
  }

  /**
   * SHA-256 over everything not in the certified tree itself (canister memories, queues, call
   * contexts, chain-key requests): certified under {@code /state_manifest} so replicas that
   * diverge anywhere in their state disagree on the certified root, as the IC's CUP state hash
   * makes them disagree.
   */
  public byte[] manifestHash() {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(new StateCodec.Writer().u64(height).u64(nextId).toBytes());
      for (CanisterState c : canisters.values()) {
        d.update(c.id().toBytes());
        d.update(c.stableMemoryHash());
        d.update(new StateCodec.Writer().u64(c.cycles()).toBytes());
      }
      d.update(ReplicatedStateCodec.queuesAndContexts(this));
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Stream indices and signals as 8-byte big-endian labels and values (ordered like numbers). */
  public static byte[] be64(long v) {
    return new BigEndianWriter(8).u64(v).toBytes();
  }

  /**
   * The long of a {@link #be64} {@code record}.
   *
   * @throws MalformedBytesException unless it is exactly 8 bytes
   */
  public static long fromBe64(byte[] bytes, String record) {
    BigEndianReader r = new BigEndianReader(bytes, record);
    long v = r.i64("value");
    r.finish();
    return v;
  }

  /** The checkpoint / state-sync form ({@link ReplicatedStateCodec}). */
  public byte[] encode() {
    return ReplicatedStateCodec.encode(this);
  }

  /**
   * Decodes {@link #encode}'s form.
   *
   * @throws IllegalArgumentException on malformed bytes (a peer's state-sync data is untrusted
   *     until its root matches a certified CUP)
   */
  public static ReplicatedState decode(byte[] bytes) {
    return ReplicatedStateCodec.decode(bytes);
  }

  /** Request statuses, for tests and the HTTP read path. */
  public Map<byte[], RequestStatus> requestStatuses() {
    return java.util.Collections.unmodifiableMap(requestStatus);
  }
}
