package dev.subnetsim.replica.state;

import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.replica.chainkey.ChainKeyRequest;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterState;
import dev.subnetsim.replica.execution.messaging.CallContext;
import dev.subnetsim.replica.execution.messaging.Callback;
import dev.subnetsim.replica.execution.messaging.Origin;
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
 * {@link #certifiedTree} is what the subnet certifies, {@link #encode} what a CUP checkpoints and
 * state sync transfers. Mutable: owned by one replica's execution.
 */
public final class ReplicatedState {
  /** A finished request's status stays readable this long (the IC's ingress expiry window). */
  public static final long STATUS_RETENTION_NANOS = 5 * 60 * 1_000_000_000L;

  private long height;
  private long timeNanos;
  private final TreeMap<CanisterId, CanisterState> canisters = new TreeMap<>();
  private final Deque<QueuedMessage> queue = new ArrayDeque<>();
  private final TreeMap<Long, CallContext> callContexts = new TreeMap<>();
  private final TreeMap<Long, Callback> callbacks = new TreeMap<>();
  private final TreeMap<byte[], RequestStatus> requestStatus = new TreeMap<>(Arrays::compareUnsigned);
  /** When each finished status was written, for pruning. */
  private final TreeMap<byte[], Long> statusTime = new TreeMap<>(Arrays::compareUnsigned);
  private final TreeMap<Long, ChainKeyRequest> chainKeyRequests = new TreeMap<>();
  /** Outgoing cross-subnet streams: destination subnet -> (index -> encoded stream message). */
  private final TreeMap<String, TreeMap<Long, byte[]>> streams = new TreeMap<>();
  /** The index the next message appended to each outgoing stream gets. */
  private final TreeMap<String, Long> streamEnd = new TreeMap<>();
  /** Per source subnet, the index of the next stream message to induct (our signal to it). */
  private final TreeMap<String, Long> inducted = new TreeMap<>();
  /** Per signing key, how many of its prefilled presignatures (the setup ceremony's) are taken. */
  private final TreeMap<String, Long> presignaturesUsed = new TreeMap<>();
  /**
   * Key resharing progress and installed reshared keys, by name: collected dealings on a source
   * subnet, the dealings of each received key on a target subnet (see the reshare package).
   */
  private final TreeMap<String, byte[]> keyRecords = new TreeMap<>();
  /**
   * Presignature refill progress (dealings, built transcripts, readiness), by name. These grow to
   * megabytes on a signing subnet, so the manifest hashes a running digest of every change
   * ({@link #presignatureLog}) instead of re-hashing them at every height: changes happen in
   * execution order, the same on every honest replica, so diverging records diverge the digest.
   */
  private final TreeMap<String, byte[]> presignatureRecords = new TreeMap<>();
  private byte[] presignatureLog = new byte[32];
  private long nextId = 1;

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

  public void putPresignatureRecord(String name, byte[] value) {
    presignatureRecords.put(name, value.clone());
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

  /** The certified state tree of this state, with the given /subnet entries. */
  public HashTree certifiedTree(List<CertifiedStateTree.SubnetEntry> subnets) {
    TreeMap<CanisterId, byte[]> certifiedData = new TreeMap<>();
    canisters.forEach((id, c) -> certifiedData.put(id, c.certifiedData()));
    List<CertifiedStateTree.ExtraLeaf> xnet = new java.util.ArrayList<>();
    streams.forEach((dest, messages) -> messages.forEach((index, m) -> xnet.add(
        new CertifiedStateTree.ExtraLeaf(List.of(utf8("streams"), utf8(dest), be64(index)), m))));
    inducted.forEach((source, next) -> xnet.add(new CertifiedStateTree.ExtraLeaf(
        List.of(utf8("xnet_inducted"), utf8(source)), be64(next))));
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
      d.update(encodeQueuesAndContexts());
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
    return java.nio.ByteBuffer.allocate(8).putLong(v).array();
  }

  private byte[] encodeQueuesAndContexts() {
    StateCodec.Writer w = new StateCodec.Writer();
    w.u64(queue.size());
    queue.forEach(m -> writeMessage(w, m));
    w.u64(callContexts.size());
    callContexts.values().forEach(c -> {
      w.u64(c.id()).u64(c.canister().index());
      writeOrigin(w, c.origin());
      w.bool(c.responded()).u64(c.outstandingCalls());
    });
    w.u64(callbacks.size());
    callbacks.values().forEach(c -> w.u64(c.id()).u64(c.callContextId()).u64(c.callee().index())
        .text(c.replyMethod()).text(c.rejectMethod()).bytes(c.context()));
    w.u64(chainKeyRequests.size());
    chainKeyRequests.values().forEach(r -> {
      w.u64(r.id());
      writeOrigin(w, r.origin());
      w.u64(r.caller().index()).text(r.method()).bytes(r.arg()).u64(r.receivedAtNanos())
          .bytes(r.context());
    });
    w.u64(streams.size());
    streams.forEach((dest, messages) -> {
      w.text(dest).u64(streamEnd.get(dest)).u64(messages.size());
      messages.forEach((i, m) -> w.u64(i).bytes(m));
    });
    w.u64(inducted.size());
    inducted.forEach((source, next) -> w.text(source).u64(next));
    w.u64(presignaturesUsed.size());
    presignaturesUsed.forEach((key, used) -> w.text(key).u64(used));
    w.u64(keyRecords.size());
    keyRecords.forEach((name, value) -> w.text(name).bytes(value));
    w.bytes(presignatureLog);
    return w.toBytes();
  }

  /** The checkpoint / state-sync form. */
  public byte[] encode() {
    StateCodec.Writer w = new StateCodec.Writer();
    w.u64(height).u64(timeNanos).u64(nextId);
    w.u64(canisters.size());
    for (CanisterState c : canisters.values()) {
      w.u64(c.id().index()).text(c.program()).u64(c.cycles()).bytes(c.certifiedData())
          .bytes(c.encodeStableMemory());
    }
    w.u64(requestStatus.size());
    requestStatus.forEach((id, s) -> w.bytes(id).text(s.status())
        .bytes(s.reply() == null ? new byte[0] : s.reply()).bool(s.reply() != null)
        .u64(s.rejectCode()).text(s.rejectMessage() == null ? "" : s.rejectMessage())
        .bool(s.rejectMessage() != null).u64(statusTime.get(id)));
    w.bytes(encodeQueuesAndContexts());
    w.u64(presignatureRecords.size());
    presignatureRecords.forEach((name, value) -> w.text(name).bytes(value));
    return w.toBytes();
  }

  /**
   * Decodes {@link #encode}'s form.
   *
   * @throws IllegalArgumentException on malformed bytes (a peer's state-sync data is untrusted
   *     until its root matches a certified CUP)
   */
  public static ReplicatedState decode(byte[] bytes) {
    StateCodec.Reader r = new StateCodec.Reader(bytes);
    ReplicatedState s = new ReplicatedState();
    s.height = r.u64();
    s.timeNanos = r.u64();
    s.nextId = r.u64();
    int canisters = r.count("canisters");
    for (int i = 0; i < canisters; i++) {
      CanisterId id = new CanisterId(r.u64());
      String program = r.text();
      long cycles = r.u64();
      byte[] certified = r.bytes();
      s.install(CanisterState.restore(id, program, r.bytes(), cycles, certified));
    }
    int statuses = r.count("statuses");
    for (int i = 0; i < statuses; i++) {
      byte[] id = r.bytes();
      String status = r.text();
      byte[] reply = r.bytes();
      boolean hasReply = r.bool();
      long code = r.u64();
      String message = r.text();
      boolean hasMessage = r.bool();
      s.requestStatus.put(id, new RequestStatus(status, hasReply ? reply : null, code,
          hasMessage ? message : null));
      s.statusTime.put(id, r.u64());
    }
    StateCodec.Reader q = new StateCodec.Reader(r.bytes());
    int queued = q.count("queued messages");
    for (int i = 0; i < queued; i++) {
      s.queue.add(readMessage(q));
    }
    int contexts = q.count("call contexts");
    for (int i = 0; i < contexts; i++) {
      long id = q.u64();
      CanisterId canister = new CanisterId(q.u64());
      Origin origin = readOrigin(q);
      s.callContexts.put(id, new CallContext(id, canister, origin, q.bool(), q.int32()));
    }
    int callbacks = q.count("callbacks");
    for (int i = 0; i < callbacks; i++) {
      long id = q.u64();
      s.callbacks.put(id, new Callback(id, q.u64(), new CanisterId(q.u64()), q.text(), q.text(),
          q.bytes()));
    }
    int requests = q.count("chain-key requests");
    for (int i = 0; i < requests; i++) {
      long id = q.u64();
      Origin origin = readOrigin(q);
      s.chainKeyRequests.put(id, new ChainKeyRequest(id, origin, new CanisterId(q.u64()),
          q.text(), q.bytes(), q.u64(), q.bytes()));
    }
    int streamCount = q.count("streams");
    for (int i = 0; i < streamCount; i++) {
      String dest = q.text();
      s.streamEnd.put(dest, q.u64());
      int n = q.count("stream messages");
      TreeMap<Long, byte[]> messages = new TreeMap<>();
      for (int k = 0; k < n; k++) {
        messages.put(q.u64(), q.bytes());
      }
      s.streams.put(dest, messages);
    }
    int sources = q.count("inducted sources");
    for (int i = 0; i < sources; i++) {
      s.inducted.put(q.text(), q.u64());
    }
    int keys = q.count("signing keys");
    for (int i = 0; i < keys; i++) {
      s.presignaturesUsed.put(q.text(), q.u64());
    }
    int records = q.count("key records");
    for (int i = 0; i < records; i++) {
      s.keyRecords.put(q.text(), q.bytes());
    }
    s.presignatureLog = q.bytes();
    q.end();
    int presignatures = r.count("presignature records");
    for (int i = 0; i < presignatures; i++) {
      s.presignatureRecords.put(r.text(), r.bytes());
    }
    r.end();
    return s;
  }

  private static void writeOrigin(StateCodec.Writer w, Origin o) {
    if (o instanceof Origin.FromIngress i) {
      w.u64(0).bytes(i.requestId());
    } else if (o instanceof Origin.FromCall c) {
      w.u64(1).u64(c.callbackId());
    } else if (o instanceof Origin.FromWorkload l) {
      w.u64(2).u64(l.sequence()).u64(l.sentAtNanos());
    } else if (o instanceof Origin.FromRemote r) {
      w.u64(3).text(r.subnet()).u64(r.callbackId());
    }
  }

  private static Origin readOrigin(StateCodec.Reader r) {
    long tag = r.u64();
    if (tag < 0 || tag > 3) { // checked as a long: a narrowing cast would alias 2^32 to tag 0
      throw new IllegalArgumentException("malformed state: origin tag " + tag);
    }
    return switch ((int) tag) {
      case 0 -> new Origin.FromIngress(r.bytes());
      case 1 -> new Origin.FromCall(r.u64());
      case 2 -> new Origin.FromWorkload(r.u64(), r.u64());
      default -> new Origin.FromRemote(r.text(), r.u64());
    };
  }

  private static void writeMessage(StateCodec.Writer w, QueuedMessage m) {
    if (m instanceof QueuedMessage.Request q) {
      w.u64(0);
      writeOrigin(w, q.origin());
      w.bytes(q.caller()).u64(q.target().index()).text(q.method()).bytes(q.arg());
    } else if (m instanceof QueuedMessage.Response p) {
      w.u64(1).u64(p.callbackId()).bool(p.reply().replied()).bytes(p.reply().data())
          .u64(p.reply().rejectCode()).text(p.reply().rejectMessage());
    }
  }

  private static QueuedMessage readMessage(StateCodec.Reader r) {
    long tag = r.u64();
    if (tag == 0) {
      return new QueuedMessage.Request(readOrigin(r), r.bytes(), new CanisterId(r.u64()), r.text(),
          r.bytes());
    }
    if (tag == 1) {
      return new QueuedMessage.Response(r.u64(), new QueuedMessage.Reply(r.bool(), r.bytes(),
          r.int32(), r.text()));
    }
    throw new IllegalArgumentException("malformed state: message tag " + tag);
  }

  /** Request statuses, for tests and the HTTP read path. */
  public Map<byte[], RequestStatus> requestStatuses() {
    return java.util.Collections.unmodifiableMap(requestStatus);
  }
}
