package dev.subnetsim.chainkey.artifacts;

/** An artifacts-log line that does not follow docs/FORMATS.md; the message names the field. */
public final class ArtifactFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public ArtifactFormatException(String field, String problem) {
    super("field " + field + ": " + problem);
    this.field = field;
  }

  public ArtifactFormatException(String field, String problem, Throwable cause) {
    super("field " + field + ": " + problem, cause);
    this.field = field;
  }

  /** The JSON field that was wrong ({@code "line"} when the line itself is not a JSON object). */
  public String field() {
    return field;
  }
}
