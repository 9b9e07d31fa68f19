package dev.subnetsim.replica.wasm;

import dev.subnetsim.replica.execution.CanisterId;
import java.io.ByteArrayOutputStream;

/** A call between {@code call_new} and {@code call_perform}. */
final class PendingCall {
  /** Bytes an argument may have (the IC's limit on inter-canister payloads is 2 MiB). */
  static final int MAX_ARG = 2 * 1024 * 1024;

  private final CanisterId target;
  private final String method;
  private final ByteArrayOutputStream arg = new ByteArrayOutputStream();
  private CallbackContext callbacks;
  private boolean cleanupSet;

  PendingCall(CanisterId target, String method, CallbackContext callbacks) {
    this.target = target;
    this.method = method;
    this.callbacks = callbacks;
  }

  void append(byte[] data) {
    if (arg.size() + (long) data.length > MAX_ARG) {
      throw new IllegalStateException("call argument exceeds " + MAX_ARG + " bytes");
    }
    arg.writeBytes(data);
  }

  void onCleanup(MessageRun run, int fun, int env) {
    if (cleanupSet) {
      run.trap("call_on_cleanup called twice for one call");
    }
    cleanupSet = true;
    callbacks = callbacks.withCleanup(fun, env);
  }

  CanisterId target() {
    return target;
  }

  String method() {
    return method;
  }

  byte[] arg() {
    return arg.toByteArray();
  }

  CallbackContext callbacks() {
    return callbacks;
  }
}
