package dev.subnetsim.replica.wasm;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * What a Wasm canister keeps beside its heap and stable memory, in its replicated memory: its
 * version, global timer, controller, heap size and the values of its globals (low and high 64
 * bits each, so a v128 global fits).
 */
record CanisterMeta(long version, long timer, byte[] controller, int heapPages, long[] globals) {
  private static final int MAGIC = 0x57534d31; // "WSM1"

  CanisterMeta {
    controller = controller.clone();
    globals = globals.clone();
  }

  static CanisterMeta installedBy(byte[] controller) {
    return new CanisterMeta(0, 0, controller, 0, new long[0]);
  }

  CanisterMeta withTimer(long t) {
    return new CanisterMeta(version, t, controller, heapPages, globals);
  }

  /** After a message that changed the canister: the next version, the heap and globals now. */
  CanisterMeta next(int pages, long[] values) {
    return new CanisterMeta(version + 1, timer, controller, pages, values);
  }

  @Override
  public byte[] controller() {
    return controller.clone();
  }

  @Override
  public long[] globals() {
    return globals.clone();
  }

  byte[] encode() {
    ByteBuffer b = ByteBuffer.allocate(4 + 8 + 8 + 4 + 1 + controller.length + 4
        + 8 * globals.length);
    b.putInt(MAGIC).putLong(version).putLong(timer).putInt(heapPages)
        .put((byte) controller.length).put(controller).putInt(globals.length);
    for (long g : globals) {
      b.putLong(g);
    }
    return b.array();
  }

  /** Decodes what {@link #encode} wrote; anything else is a corrupt canister (a trap). */
  static CanisterMeta decode(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      if (b.getInt() != MAGIC) {
        throw new IllegalStateException("not a Wasm canister's metadata");
      }
      long version = b.getLong();
      long timer = b.getLong();
      int pages = b.getInt();
      byte[] controller = new byte[b.get() & 0xff];
      b.get(controller);
      int n = b.getInt();
      if (n < 0 || n > b.remaining() / 8) {
        throw new IllegalStateException("corrupt globals count " + n);
      }
      long[] globals = new long[n];
      for (int i = 0; i < n; i++) {
        globals[i] = b.getLong();
      }
      return new CanisterMeta(version, timer, controller, pages, globals);
    } catch (BufferUnderflowException e) {
      throw new IllegalStateException("truncated Wasm canister metadata", e);
    }
  }
}
