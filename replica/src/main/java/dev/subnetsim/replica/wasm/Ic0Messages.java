package dev.subnetsim.replica.wasm;

import static dev.subnetsim.replica.wasm.Ic0Function.NONE;
import static dev.subnetsim.replica.wasm.Ic0Function.of;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The message's own system calls: its argument, caller, reject details, the response, the method
 * name and cycles. Cycles are not modelled for Wasm callers: no cycles travel with calls, so
 * {@code msg_cycles_available*}, {@code msg_cycles_refunded*} and {@code msg_cycles_accept*}
 * answer 0 (128-bit values are written as 16 little-endian bytes, as the spec lays them out).
 */
final class Ic0Messages {
  private Ic0Messages() {}

  static List<Ic0Function> functions() {
    return List.of(
        of("msg_arg_data_size", "", "i", (r, a) -> i32(r.arg().length)),
        of("msg_arg_data_copy", "iii", "", (r, a) -> copy(r, a, r.arg())),
        of("msg_caller_size", "", "i", (r, a) -> i32(r.caller().length)),
        of("msg_caller_copy", "iii", "", (r, a) -> copy(r, a, r.caller())),
        of("msg_reject_code", "", "i", (r, a) -> i32(r.rejectCode())),
        of("msg_reject_msg_size", "", "i", (r, a) -> i32(r.arg().length)),
        of("msg_reject_msg_copy", "iii", "", (r, a) -> copy(r, a, r.arg())),
        of("msg_deadline", "", "I", (r, a) -> new long[] {0}),
        of("msg_reply_data_append", "ii", "", (r, a) -> {
          r.appendReply(r.read(a[0], a[1]));
          return NONE;
        }),
        of("msg_reply", "", "", (r, a) -> {
          r.reply();
          return NONE;
        }),
        of("msg_reject", "ii", "", (r, a) -> {
          r.reject(utf8(r, r.read(a[0], a[1])));
          return NONE;
        }),
        of("msg_method_name_size", "", "i", (r, a) -> i32(r.methodName().length)),
        of("msg_method_name_copy", "iii", "", (r, a) -> copy(r, a, r.methodName())),
        of("accept_message", "", "", (r, a) -> NONE),
        of("msg_cycles_available", "", "I", (r, a) -> new long[] {0}),
        of("msg_cycles_available128", "i", "", (r, a) -> zero128(r, a[0])),
        of("msg_cycles_refunded", "", "I", (r, a) -> new long[] {0}),
        of("msg_cycles_refunded128", "i", "", (r, a) -> zero128(r, a[0])),
        of("msg_cycles_accept", "I", "I", (r, a) -> new long[] {0}),
        of("msg_cycles_accept128", "IIi", "", (r, a) -> zero128(r, a[2])));
  }

  /** The spec traps on a reject message that is not UTF-8 rather than mangling it. */
  private static String utf8(MessageRun r, byte[] b) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      r.trap("msg_reject: the message is not valid UTF-8");
      return "";
    }
  }

  static long[] i32(int v) {
    return new long[] {v};
  }

  /** The spec's {@code *_copy(dst, offset, size)}: traps if {@code offset + size} is past the end. */
  static long[] copy(MessageRun r, long[] a, byte[] src) {
    long dst = Integer.toUnsignedLong((int) a[0]);
    long offset = Integer.toUnsignedLong((int) a[1]);
    long size = Integer.toUnsignedLong((int) a[2]);
    if (offset + size > src.length) {
      r.trap("copy of " + size + " bytes at offset " + offset + " past the end of " + src.length);
    }
    byte[] part = new byte[(int) size];
    System.arraycopy(src, (int) offset, part, 0, (int) size);
    r.write(dst, part);
    return NONE;
  }

  static long[] zero128(MessageRun r, long dst) {
    r.write(Integer.toUnsignedLong((int) dst), new byte[16]);
    return NONE;
  }
}
