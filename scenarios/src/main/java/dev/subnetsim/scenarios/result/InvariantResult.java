package dev.subnetsim.scenarios.result;

/** The verdict of one invariant checker or pass criterion. */
public record InvariantResult(String name, Status status, String detail) {
  public enum Status {
    HELD, VIOLATED, NOT_CHECKED;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
