package dev.subnetsim.replica.wasm;

import static dev.subnetsim.replica.wasm.Ic0Function.NONE;
import static dev.subnetsim.replica.wasm.Ic0Function.of;
import static dev.subnetsim.replica.wasm.Ic0Messages.copy;
import static dev.subnetsim.replica.wasm.Ic0Messages.i32;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The canister's system calls: its id, status, version, controllers, cycles, time, stable memory
 * (32- and 64-bit), certified data, the data certificate, the global timer, the performance
 * counter, debug printing and traps. Simplified, and said so: a canister is always running
 * ({@code canister_status} 1); its one controller is the principal that installed it; cycles are
 * not charged to Wasm execution beyond the runtime's cost model, so the balance is the canister's
 * and {@code cycles_burn128} burns nothing; the data certificate is never present (queries are
 * not handed one); the global timer is recorded but never fires.
 */
final class Ic0System {
  private Ic0System() {}

  static List<Ic0Function> functions() {
    return List.of(
        of("canister_self_size", "", "i", (r, a) -> i32(r.self().length)),
        of("canister_self_copy", "iii", "", (r, a) -> copy(r, a, r.self())),
        of("canister_cycle_balance", "", "I", (r, a) -> new long[] {r.env().cyclesBalance()}),
        of("canister_cycle_balance128", "i", "", (r, a) -> write128(r, a[0],
            r.env().cyclesBalance())),
        of("cycles_burn128", "IIi", "", (r, a) -> write128(r, a[2], 0)),
        of("canister_status", "", "i", (r, a) -> i32(1)),
        of("canister_version", "", "I", (r, a) -> new long[] {r.meta().version()}),
        of("is_controller", "ii", "i", (r, a) -> {
          byte[] p = r.read(a[0], a[1]);
          if (p.length > 29) {
            r.trap("is_controller: a principal has at most 29 bytes");
          }
          return i32(Arrays.equals(p, r.meta().controller()) ? 1 : 0);
        }),
        of("in_replicated_execution", "", "i", (r, a) -> i32(r.entry().persists() ? 1 : 0)),
        of("time", "", "I", (r, a) -> new long[] {r.env().timeNanos()}),
        of("data_certificate_present", "", "i", (r, a) -> i32(0)),
        of("data_certificate_size", "", "i", (r, a) -> noCertificate(r)),
        of("data_certificate_copy", "iii", "", (r, a) -> noCertificate(r)),
        of("certified_data_set", "ii", "", (r, a) -> {
          byte[] d = r.read(a[0], a[1]);
          if (d.length > 32) {
            r.trap("certified_data_set: at most 32 bytes, got " + d.length);
          }
          r.setCertifiedData(d);
          return NONE;
        }),
        of("global_timer_set", "I", "I", (r, a) -> {
          long previous = r.meta().timer();
          r.setMeta(r.meta().withTimer(a[0]));
          return new long[] {previous};
        }),
        of("performance_counter", "i", "I", (r, a) -> new long[] {r.instructions()}),
        of("debug_print", "ii", "", (r, a) -> {
          r.debugPrint(new String(r.read(a[0], Math.min(Integer.toUnsignedLong((int) a[1]),
              4096)), StandardCharsets.UTF_8));
          return NONE;
        }),
        of("trap", "ii", "", (r, a) -> {
          r.trap("canister called ic0.trap: " + new String(r.read(a[0],
              Math.min(Integer.toUnsignedLong((int) a[1]), 4096)), StandardCharsets.UTF_8));
          return NONE;
        }),
        of("stable_size", "", "i", (r, a) -> i32((int) r.stable().pages())),
        of("stable_grow", "i", "i", (r, a) -> {
          long old = r.stable().grow(Integer.toUnsignedLong((int) a[0]), 65_536);
          return i32((int) old);
        }),
        of("stable_read", "iii", "", (r, a) -> {
          r.write(u32(a[0]), r.stable().read(u32(a[1]), u32(a[2])));
          return NONE;
        }),
        of("stable_write", "iii", "", (r, a) -> {
          r.stable().write(u32(a[0]), r.read(a[1], a[2]));
          return NONE;
        }),
        of("stable64_size", "", "I", (r, a) -> new long[] {r.stable().pages()}),
        of("stable64_grow", "I", "I", (r, a) -> new long[] {r.stable().grow(a[0], Long.MAX_VALUE)}),
        of("stable64_read", "III", "", (r, a) -> {
          r.write(a[0], r.stable().read(a[1], a[2]));
          return NONE;
        }),
        of("stable64_write", "III", "", (r, a) -> {
          r.stable().write(a[0], r.read64(a[1], a[2]));
          return NONE;
        }));
  }

  private static long u32(long v) {
    return Integer.toUnsignedLong((int) v);
  }

  private static long[] noCertificate(MessageRun r) {
    r.trap("no data certificate is present (data_certificate_present is 0)");
    return NONE;
  }

  /** A 128-bit amount as the spec lays it out in memory: 16 bytes, little-endian. */
  private static long[] write128(MessageRun r, long dst, long low) {
    r.write(u32(dst), ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(low)
        .putLong(0).array());
    return NONE;
  }
}
