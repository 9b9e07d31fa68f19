package dev.subnetsim.replica.execution.stable;

/** A stable-memory access that would trap on the IC (out of bounds, out of memory, corruption). */
public final class StableMemoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StableMemoryException(String message) {
    super(message);
  }
}
