package dev.subnetsim.scenarios.dsl;

/**
 * A scenario file that cannot be run: names the file, the line and the field, and says what was
 * expected. The CLI maps it to exit status 2.
 */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String field;
  private final String problem;

  public ScenarioException(String file, int line, String field, String problem) {
    super(file + ":" + line + ": " + (field.isEmpty() ? "" : "field '" + field + "': ") + problem);
    this.file = file;
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  /** What is wrong, without the file, line and field. */
  public String problem() {
    return problem;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public String field() {
    return field;
  }
}
