package dev.subnetsim.scenarios.dsl.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.subnetsim.scenarios.dsl.ScenarioException;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.spec.ScenarioSpec;

/**
 * Scenario files for the bad-input tests: a fixed head (lines 1-5: name, duration, two subnets of
 * 4 nodes) followed by the case's lines from line 6, and the exit-2 error they must produce.
 */
final class BadInput {
  static final String FILE = "bad.yaml";

  private BadInput() {}

  static String scenario(String duration, String rest) {
    return "name: bad\n"
        + "duration: " + duration + "\n"
        + "subnets:\n"
        + "  - {name: root, role: root, nodes: 4}\n"
        + "  - {name: app, role: app, nodes: 4}\n"
        + rest;
  }

  static String scenario(String rest) {
    return scenario("10s", rest);
  }

  static ScenarioSpec parse(String yaml) {
    return ScenarioParser.parse(FILE, yaml);
  }

  /** Asserts the error names the file, line and field as {@code file:line: field 'f': reason}. */
  static void rejected(String yaml, int line, String field, String reason) {
    ScenarioException e = catchThrowableOfType(() -> parse(yaml), ScenarioException.class);
    assertThat(e).as("expected a ScenarioException for:%n%s", yaml).isNotNull();
    assertThat(e.getMessage())
        .startsWith(FILE + ":" + line + ": field '" + field + "': ")
        .contains(reason);
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.field()).isEqualTo(field);
  }
}
