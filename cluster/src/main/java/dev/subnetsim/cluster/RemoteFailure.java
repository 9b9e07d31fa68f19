package dev.subnetsim.cluster;

/**
 * What a hosted replica's step threw, rebuilt by the driver from its wire form: its
 * {@code toString} and first stack frame are the original's, which is all the driver's finding
 * reads. Out-of-memory and stack-overflow errors come back as themselves, because the driver
 * treats those as the simulator's limits, not as findings.
 */
final class RemoteFailure extends RuntimeException {
  private final String type;
  private final String text;

  private RemoteFailure(String type, String text) {
    super(text, null, false, true);
    this.type = type;
    this.text = text;
  }

  /** The thrown exception's message (its text without the class name). */
  String message() {
    return text.startsWith(type + ": ") ? text.substring(type.length() + 2) : text;
  }

  /** The class name of what was thrown on the member. */
  String type() {
    return type;
  }

  /** The failure of class {@code type} whose {@code toString} was {@code text}. */
  static Throwable of(String type, String text) {
    String message = text.startsWith(type + ": ") ? text.substring(type.length() + 2) : null;
    if (type.equals(OutOfMemoryError.class.getName())) {
      return new OutOfMemoryError(message);
    }
    if (type.equals(StackOverflowError.class.getName())) {
      return new StackOverflowError(message);
    }
    return new RemoteFailure(type, text);
  }

  @Override
  public String toString() {
    return text;
  }
}
