package dev.subnetsim.replica.xnet;

import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.messaging.QueuedMessage.Reply;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
      return StreamCodec.write(out -> {
        out.writeByte('Q');
        out.writeLong(callbackId);
        StreamCodec.bytes(out, caller);
        out.writeLong(target.index());
        StreamCodec.bytes(out, method.getBytes(StandardCharsets.UTF_8));
        StreamCodec.bytes(out, arg);
      });
    }
  }

  record Response(long callbackId, Reply reply) implements StreamMessage {
    public byte[] encode() {
      return StreamCodec.write(out -> {
        out.writeByte('P');
        out.writeLong(callbackId);
        out.writeBoolean(reply.replied());
        StreamCodec.bytes(out, reply.data());
        out.writeInt(reply.rejectCode());
        StreamCodec.bytes(out, reply.rejectMessage().getBytes(StandardCharsets.UTF_8));
      });
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
      return StreamCodec.write(out -> {
        out.writeByte('K');
        out.writeInt(reshare);
        out.writeInt(dealings.size());
        for (var e : dealings.entrySet()) {
          StreamCodec.bytes(out, e.getKey().getBytes(StandardCharsets.UTF_8));
          out.writeInt(e.getValue().size());
          for (byte[] d : e.getValue()) {
            StreamCodec.bytes(out, d);
          }
        }
      });
    }
  }

  /**
   * Decodes a stream message.
   *
   * @throws IllegalArgumentException on a truncated or unknown message
   */
  static StreamMessage decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
      int tag = in.readByte();
      StreamMessage m;
      if (tag == 'Q') {
        m = new Request(in.readLong(), StreamCodec.bytes(in), new CanisterId(in.readLong()),
            new String(StreamCodec.bytes(in), StandardCharsets.UTF_8), StreamCodec.bytes(in));
      } else if (tag == 'P') {
        long id = in.readLong();
        int repliedFlag = in.readByte();
        if (repliedFlag != 0 && repliedFlag != 1) {
          throw new IllegalArgumentException("stream response flag " + repliedFlag);
        }
        boolean replied = repliedFlag == 1;
        byte[] data = StreamCodec.bytes(in);
        int code = in.readInt();
        m = new Response(id, new Reply(replied, data, code,
            new String(StreamCodec.bytes(in), StandardCharsets.UTF_8)));
      } else if (tag == 'K') {
        int reshare = in.readInt();
        int keys = in.readInt();
        if (keys < 0 || keys > 64) {
          throw new IllegalArgumentException("reshare message with " + keys + " keys");
        }
        java.util.TreeMap<String, java.util.List<byte[]>> dealings = new java.util.TreeMap<>();
        for (int k = 0; k < keys; k++) {
          String keyId = new String(StreamCodec.bytes(in), StandardCharsets.UTF_8);
          int count = in.readInt();
          if (count < 0 || count > 1024) {
            throw new IllegalArgumentException("reshare message with " + count + " dealings");
          }
          java.util.List<byte[]> list = new java.util.ArrayList<>();
          for (int i = 0; i < count; i++) {
            list.add(StreamCodec.bytes(in));
          }
          dealings.put(keyId, list);
        }
        m = new KeysReshared(reshare, dealings);
      } else {
        throw new IllegalArgumentException("unknown stream message tag " + tag);
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException("trailing bytes after stream message");
      }
      return m;
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated stream message");
    }
  }
}
