package dev.subnetsim.replica.wasm;

/**
 * Reads just enough of a module's binary to name what Chicory cannot load with a clear reason,
 * before it is parsed: a 64-bit memory (limits flag 0x04 in the memory section, binary format
 * "memory64"), which Motoko 4.x and Rust's wasm64 targets emit.
 */
final class WasmSections {
  private static final int MEMORY_SECTION = 5;
  private static final int MEMORY64_FLAG = 0x04;

  private WasmSections() {}

  /** The refusal reason if the module declares a 64-bit memory; null otherwise or if unreadable. */
  static String memory64(byte[] b) {
    if (b.length < 8 || b[0] != 0 || b[1] != 'a' || b[2] != 's' || b[3] != 'm') {
      return null;
    }
    int[] pos = {8};
    try {
      while (pos[0] < b.length) {
        int id = b[pos[0]++] & 0xff;
        long size = leb(b, pos);
        int end = (int) Math.min(b.length, pos[0] + size);
        if (id == MEMORY_SECTION) {
          long count = leb(b, pos);
          if (count > 0 && (b[pos[0]] & MEMORY64_FLAG) != 0) {
            return "declares a 64-bit memory (memory64); this runtime runs 32-bit canisters only"
                + " (Motoko 3.x or Rust wasm32)";
          }
          return null;
        }
        pos[0] = end;
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      return null; // malformed: the parser gives the reason
    }
    return null;
  }

  private static long leb(byte[] b, int[] pos) {
    long v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int x = b[pos[0]++] & 0xff;
      v |= (long) (x & 0x7f) << shift;
      if ((x & 0x80) == 0) {
        return v;
      }
    }
    throw new ArrayIndexOutOfBoundsException("LEB128 too long");
  }
}
