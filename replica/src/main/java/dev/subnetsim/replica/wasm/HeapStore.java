package dev.subnetsim.replica.wasm;

import dev.subnetsim.replica.execution.Env;
import dev.subnetsim.replica.execution.stable.Memory;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a Wasm canister's state lives between messages: in the canister's replicated memories
 * (so it is hashed into the state root, checkpointed into CUPs and shipped by state sync like a
 * Java canister's): memory 0 is its stable memory, 1 its heap (the linear memory's image), 2 its
 * {@link CanisterMeta}. Loading the heap reads it through the metered memory (one instruction per
 * byte, part of what a message costs here); storing writes only the pages that changed.
 */
final class HeapStore {
  static final int STABLE = 0;
  static final int HEAP = 1;
  static final int META = 2;
  private static final int PAGE = Memory.PAGE_SIZE;

  private HeapStore() {}

  /** A canister's heap and metadata at the start of a message. */
  record Snapshot(CanisterMeta meta, byte[] heap) {}

  /** The stored state, or empty if no module has been installed yet. */
  static Optional<Snapshot> load(Env env) {
    Memory meta = env.memory(META);
    if (meta.size() == 0) {
      return Optional.empty();
    }
    int len = (int) meta.readLong(0);
    if (len <= 0 || len > PAGE - 8) {
      throw new IllegalStateException("corrupt Wasm canister metadata length " + len);
    }
    byte[] bytes = new byte[len];
    meta.read(8, bytes);
    CanisterMeta m = CanisterMeta.decode(bytes);
    byte[] heap = new byte[m.heapPages() * PAGE];
    if (heap.length > 0) {
      env.memory(HEAP).read(0, heap);
    }
    return Optional.of(new Snapshot(m, heap));
  }

  /** Stores {@code heap} (writing only pages that differ from {@code before}) and {@code meta}. */
  static void store(Env env, CanisterMeta meta, byte[] heap, byte[] before) {
    Memory h = env.memory(HEAP);
    h.ensureCapacity(heap.length);
    for (int off = 0; off < heap.length; off += PAGE) {
      if (off + PAGE > before.length || !Arrays.equals(heap, off, off + PAGE, before, off,
          off + PAGE)) {
        h.write(off, Arrays.copyOfRange(heap, off, off + PAGE));
      }
    }
    byte[] bytes = meta.encode();
    Memory m = env.memory(META);
    m.ensureCapacity(8L + bytes.length);
    m.writeLong(0, bytes.length);
    m.write(8, bytes);
  }
}
