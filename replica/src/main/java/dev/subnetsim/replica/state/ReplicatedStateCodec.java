package dev.subnetsim.replica.state;

import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterState;
import dev.subnetsim.replica.execution.messaging.CallContext;
import dev.subnetsim.replica.execution.messaging.Callback;
import dev.subnetsim.replica.execution.messaging.Origin;
import dev.subnetsim.replica.execution.messaging.QueuedMessage;
import dev.subnetsim.replica.state.CertifiedStateTree.RequestStatus;
import java.util.TreeMap;

/**
 * The byte form of a {@link ReplicatedState} that a CUP checkpoints and state sync transfers, and
 * the part of it the state's manifest hash covers. Every collection is written in its sorted (or
 * queue) order, so equal states encode to equal bytes.
 */
final class ReplicatedStateCodec {
  private ReplicatedStateCodec() {}

  /**
   * Queues, call contexts, callbacks, chain-key requests, streams, signals, key records and the
   * presignature log: the part of the encoding that {@link ReplicatedState#manifestHash} also hashes.
   */
  static byte[] queuesAndContexts(ReplicatedState s) {
    StateCodec.Writer w = new StateCodec.Writer();
    w.u64(s.queue.size());
    s.queue.forEach(m -> writeMessage(w, m));
    w.u64(s.callContexts.size());
    s.callContexts.values().forEach(c -> {
      w.u64(c.id()).u64(c.canister().index());
      writeOrigin(w, c.origin());
      w.bool(c.responded()).u64(c.outstandingCalls());
    });
    w.u64(s.callbacks.size());
    s.callbacks.values().forEach(c -> w.u64(c.id()).u64(c.callContextId()).u64(c.callee().index())
        .text(c.replyMethod()).text(c.rejectMethod()).bytes(c.context()));
    w.u64(s.chainKeyRequests.size());
    s.chainKeyRequests.values().forEach(r -> {
      w.u64(r.id());
      writeOrigin(w, r.origin());
      w.u64(r.caller().index()).text(r.method()).bytes(r.arg()).u64(r.receivedAtNanos())
          .bytes(r.context());
    });
    w.u64(s.streams.size());
    s.streams.forEach((dest, messages) -> {
      w.text(dest).u64(s.streamEnd.get(dest)).u64(messages.size());
      messages.forEach((i, m) -> w.u64(i).bytes(m));
    });
    w.u64(s.inducted.size());
    s.inducted.forEach((source, next) -> w.text(source).u64(next));
    w.u64(s.presignaturesUsed.size());
    s.presignaturesUsed.forEach((key, used) -> w.text(key).u64(used));
    w.u64(s.keyRecords.size());
    s.keyRecords.forEach((name, value) -> w.text(name).bytes(value));
    w.bytes(s.presignatureLog);
    return w.toBytes();
  }

  static byte[] encode(ReplicatedState s) {
    StateCodec.Writer w = new StateCodec.Writer();
    w.u64(s.height).u64(s.timeNanos).u64(s.nextId);
    w.u64(s.canisters.size());
    for (CanisterState c : s.canisters.values()) {
      w.u64(c.id().index()).text(c.program()).u64(c.cycles()).bytes(c.certifiedData())
          .bytes(c.encodeStableMemory());
    }
    w.u64(s.requestStatus.size());
    s.requestStatus.forEach((id, st) -> w.bytes(id).text(st.status())
        .bytes(st.reply() == null ? new byte[0] : st.reply()).bool(st.reply() != null)
        .u64(st.rejectCode()).text(st.rejectMessage() == null ? "" : st.rejectMessage())
        .bool(st.rejectMessage() != null).u64(s.statusTime.get(id)));
    w.bytes(queuesAndContexts(s));
    w.u64(s.presignatureRecords.size());
    s.presignatureRecords.forEach((name, value) -> w.text(name).bytes(value));
    return w.toBytes();
  }

  /** @throws IllegalArgumentException on malformed bytes (see {@link ReplicatedState#decode}) */
  static ReplicatedState decode(byte[] bytes) {
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

}
