package dev.subnetsim.app.cli;

/**
 * A run that ran out of heap or stack (or hit another VM error) is an internal error, exit 3,
 * reported in one line: its stack trace says nothing about the scenario and would bury the line.
 */
final class ResourceExhaustion {
  private ResourceExhaustion() {}

  /** The VM error {@code t} is or was caused by (replica failures arrive wrapped), or null. */
  static VirtualMachineError find(Throwable t) {
    Throwable c = t;
    for (int depth = 0; c != null && depth < 64; depth++, c = c.getCause()) {
      if (c instanceof VirtualMachineError e) {
        return e;
      }
    }
    return null;
  }

  static String line(VirtualMachineError e) {
    String what = e instanceof OutOfMemoryError ? "out of memory"
        : e instanceof StackOverflowError ? "stack overflow" : e.getClass().getSimpleName();
    String detail = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
    String hint = e instanceof OutOfMemoryError
        ? "; try a shorter duration, lower rates or smaller subnets, or more heap "
            + "(SUBNET_SIM_JAVA_OPTS=-Xmx...)"
        : "";
    return "subnet-sim: internal error: " + what + detail + hint;
  }
}
