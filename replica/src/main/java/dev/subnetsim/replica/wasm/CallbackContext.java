package dev.subnetsim.replica.wasm;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The callbacks of a call a Wasm canister made: reply, reject and (optional, {@code cleanupFun}
 * -1) cleanup, each a function index into the module's table and the environment value passed to
 * it. Carried by the runtime as the callback's context bytes and handed back with the response;
 * the runtime's context is replicated state, so a peer cannot forge it, yet it is decoded strictly.
 */
record CallbackContext(int replyFun, int replyEnv, int rejectFun, int rejectEnv, int cleanupFun,
    int cleanupEnv) {

  /** The method names under which the runtime runs the callbacks (no canister method has them). */
  static final String REPLY_METHOD = "\u0000wasm-reply-callback";
  static final String REJECT_METHOD = "\u0000wasm-reject-callback";

  private static final int MAGIC = 0x57434231; // "WCB1"
  private static final int SIZE = 4 + 6 * 4;

  CallbackContext withCleanup(int fun, int env) {
    return new CallbackContext(replyFun, replyEnv, rejectFun, rejectEnv, fun, env);
  }

  boolean hasCleanup() {
    return cleanupFun != -1;
  }

  byte[] encode() {
    return ByteBuffer.allocate(SIZE).putInt(MAGIC).putInt(replyFun).putInt(replyEnv)
        .putInt(rejectFun).putInt(rejectEnv).putInt(cleanupFun).putInt(cleanupEnv).array();
  }

  static Optional<CallbackContext> decode(byte[] b) {
    if (b.length != SIZE) {
      return Optional.empty();
    }
    ByteBuffer buf = ByteBuffer.wrap(b);
    if (buf.getInt() != MAGIC) {
      return Optional.empty();
    }
    return Optional.of(new CallbackContext(buf.getInt(), buf.getInt(), buf.getInt(), buf.getInt(),
        buf.getInt(), buf.getInt()));
  }
}
