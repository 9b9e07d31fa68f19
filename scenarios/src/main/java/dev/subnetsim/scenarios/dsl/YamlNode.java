package dev.subnetsim.scenarios.dsl;

import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node came from, so every error can name
 * the file, line and field path (Jackson's own tree drops locations).
 */
public sealed interface YamlNode {

  /** The dotted field path from the document root, e.g. {@code faults[2].at}. */
  String path();

  /**
   * Reads YAML text into a located tree (for other YAML files of the project, such as experiment
   * files, that want errors with file, line and field); malformed YAML is a
   * {@link ScenarioException}.
   */
  static YamlNode read(String file, String text) {
    return YamlReader.read(file, text);
  }

  /** 1-based line of the node in its file. */
  int line();

  /** What the node is, for "expected X, got Y" messages. */
  String describe();

  record Scalar(String path, int line, String text) implements YamlNode {
    @Override
    public String describe() {
      return "'" + text + "'";
    }
  }

  record Sequence(String path, int line, List<YamlNode> items) implements YamlNode {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /** Keys in file order; {@code keyLines} gives the line of each key. */
  record Mapping(String path, int line, Map<String, YamlNode> fields, Map<String, Integer> keyLines)
      implements YamlNode {
    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record Null(String path, int line) implements YamlNode {
    @Override
    public String describe() {
      return "nothing";
    }
  }
}
