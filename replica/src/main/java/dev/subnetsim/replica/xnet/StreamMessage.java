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
        boolean replied = in.readBoolean();
        byte[] data = StreamCodec.bytes(in);
        int code = in.readInt();
        m = new Response(id, new Reply(replied, data, code,
            new String(StreamCodec.bytes(in), StandardCharsets.UTF_8)));
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
