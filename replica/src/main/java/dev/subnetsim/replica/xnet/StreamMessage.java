package dev.subnetsim.replica.xnet;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.messaging.QueuedMessage.Reply;
import java.nio.charset.StandardCharsets;

/**
 * A message in a cross-subnet stream (the IC's XNet stream): a request from a canister of the
 * source subnet to a canister (or the management canister) of the destination, or the response
 * to such a request. {@code callbackId} names the source-side callback the response will run.
 */
public sealed interface StreamMessage {

  long callbackId();

  byte[] encode();

  record Request(long callbackId, byte[] caller, CanisterId target, String method, byte[] arg)
      implements StreamMessage {
    public Request {
      caller = caller.clone();
      arg = arg.clone();
    }

    public byte[] encode() {
      return new BigEndianWriter().u8('Q').u64(callbackId).lengthPrefixed(caller)
          .u64(target.index()).lengthPrefixed(method.getBytes(StandardCharsets.UTF_8))
          .lengthPrefixed(arg).toBytes();
    }
  }

  record Response(long callbackId, Reply reply) implements StreamMessage {
    public byte[] encode() {
      return new BigEndianWriter().u8('P').u64(callbackId).u8(reply.replied() ? 1 : 0)
          .lengthPrefixed(reply.data()).u32(reply.rejectCode())
          .lengthPrefixed(reply.rejectMessage().getBytes(StandardCharsets.UTF_8)).toBytes();
    }
  }

  /**
   * A completed reshare, sent by the source subnet to the target: for each key id the verified
   * dealings its transcript is made of (the target's nodes decrypt their shares from them). Not a
   * call: {@link #callbackId()} is -1.
   */
  record KeysReshared(int reshare, java.util.SortedMap<String, java.util.List<byte[]>> dealings)
      implements StreamMessage {
    public KeysReshared {
      java.util.TreeMap<String, java.util.List<byte[]>> copy = new java.util.TreeMap<>();
      dealings.forEach((k, v) -> copy.put(k, v.stream().map(byte[]::clone).toList()));
      dealings = java.util.Collections.unmodifiableSortedMap(copy);
    }

    public long callbackId() {
      return -1;
    }

    public byte[] encode() {
      BigEndianWriter w = new BigEndianWriter().u8('K').u32(reshare).u32(dealings.size());
      for (var e : dealings.entrySet()) {
        w.lengthPrefixed(e.getKey().getBytes(StandardCharsets.UTF_8)).u32(e.getValue().size());
        for (byte[] d : e.getValue()) {
          w.lengthPrefixed(d);
        }
      }
      return w.toBytes();
    }
  }

  /**
   * Decodes a stream message.
   *
   * @throws IllegalArgumentException on a truncated or unknown message
   */
  static StreamMessage decode(byte[] bytes) {
    // The reasons stay those of the earlier codec: any field past the end is "truncated".
    try {
      BigEndianReader in = new BigEndianReader(bytes, "stream message");
      int tag = (byte) in.u8("tag");
      StreamMessage m;
      if (tag == 'Q') {
        m = new Request(in.i64("callback id"), field(in, "caller"),
            new CanisterId(in.i64("target")), new String(field(in, "method"),
            StandardCharsets.UTF_8), field(in, "arg"));
      } else if (tag == 'P') {
        long id = in.i64("callback id");
        int repliedFlag = (byte) in.u8("replied");
        if (repliedFlag != 0 && repliedFlag != 1) {
          throw new IllegalArgumentException("stream response flag " + repliedFlag);
        }
        boolean replied = repliedFlag == 1;
        byte[] data = field(in, "data");
        int code = in.i32("reject code");
        m = new Response(id, new Reply(replied, data, code,
            new String(field(in, "reject message"), StandardCharsets.UTF_8)));
      } else if (tag == 'K') {
        int reshare = in.i32("reshare");
        int keys = in.i32("keys");
        if (keys < 0 || keys > 64) {
          throw new IllegalArgumentException("reshare message with " + keys + " keys");
        }
        java.util.TreeMap<String, java.util.List<byte[]>> dealings = new java.util.TreeMap<>();
        for (int k = 0; k < keys; k++) {
          String keyId = new String(field(in, "key id"), StandardCharsets.UTF_8);
          int count = in.i32("dealings");
          if (count < 0 || count > 1024) {
            throw new IllegalArgumentException("reshare message with " + count + " dealings");
          }
          java.util.List<byte[]> list = new java.util.ArrayList<>();
          for (int i = 0; i < count; i++) {
            list.add(field(in, "dealing"));
          }
          dealings.put(keyId, list);
        }
        m = new KeysReshared(reshare, dealings);
      } else {
        throw new IllegalArgumentException("unknown stream message tag " + tag);
      }
      if (in.remaining() > 0) {
        throw new IllegalArgumentException("trailing bytes after stream message");
      }
      return m;
    } catch (MalformedBytesException e) {
      throw new IllegalArgumentException("truncated stream message");
    }
  }

  /** u32 length || bytes, bounded by what is left. */
  private static byte[] field(BigEndianReader in, String name) {
    return in.lengthPrefixed(name, Integer.MAX_VALUE);
  }
}
