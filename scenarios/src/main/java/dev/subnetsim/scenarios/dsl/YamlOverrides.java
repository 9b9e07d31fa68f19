package dev.subnetsim.scenarios.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link FieldOverride}s to a {@link YamlNode} tree. A replaced value keeps the line of
 * the value it replaces; a field the file does not have is added (with its mapping's line), so a
 * misspelt key is then reported by the parser's unknown-field check, with the closest known name.
 * Lists are never grown: an index past the end is an error.
 */
final class YamlOverrides {
  private final String file;
  private final FieldOverride override;

  private YamlOverrides(String file, FieldOverride override) {
    this.file = file;
    this.override = override;
  }

  static YamlNode apply(String file, YamlNode root, FieldOverride override) {
    List<FieldOverride.Step> steps = FieldOverride.steps(override.path(), override.origin());
    return new YamlOverrides(file, override).set(root, steps, 0, "", root.line());
  }

  /** An error of a scenario read with overrides, pointing at the override that concerns it. */
  static ScenarioException blame(ScenarioException e, List<FieldOverride> overrides) {
    for (FieldOverride o : overrides) {
      if (o.concerns(e.field())) {
        return new ScenarioException(e.file(), e.line(), e.field(), e.problem() + " (set by "
            + o.origin() + ")");
      }
    }
    return e;
  }

  /** {@code node} (null: absent) at {@code path} with the steps from {@code i} on applied. */
  private YamlNode set(YamlNode node, List<FieldOverride.Step> steps, int i, String path,
      int line) {
    if (i == steps.size()) {
      return new YamlNode.Scalar(path, node == null ? line : node.line(), override.value());
    }
    int here = node == null || node instanceof YamlNode.Null ? line : node.line();
    FieldOverride.Step step = steps.get(i);
    if (step instanceof FieldOverride.Key k) {
      return key(node, k.name(), steps, i, path, here);
    }
    YamlNode.Sequence seq = sequence(node, path, here);
    if (step instanceof FieldOverride.Index idx) {
      if (idx.index() >= seq.items().size()) {
        throw error(here, path, "has no element [" + idx.index() + "] (the list has "
            + seq.items().size() + ")");
      }
      return replaced(seq, idx.index(), steps, i, here);
    }
    if (seq.items().isEmpty()) {
      throw error(here, path, "is an empty list; [*] sets nothing");
    }
    for (int j = 0; j < seq.items().size(); j++) {
      seq = replaced(seq, j, steps, i, here);
    }
    return seq;
  }

  private YamlNode key(YamlNode node, String key, List<FieldOverride.Step> steps, int i,
      String path, int line) {
    YamlNode.Mapping map;
    if (node == null || node instanceof YamlNode.Null) {
      map = new YamlNode.Mapping(path, line, Map.of(), Map.of());
    } else if (node instanceof YamlNode.Mapping m) {
      map = m;
    } else {
      throw error(line, path, "expected a mapping to set '" + key + "' in, got "
          + node.describe());
    }
    String child = path.isEmpty() ? key : path + "." + key;
    Map<String, YamlNode> fields = new LinkedHashMap<>(map.fields());
    Map<String, Integer> keyLines = new LinkedHashMap<>(map.keyLines());
    YamlNode old = fields.get(key);
    fields.put(key, set(old, steps, i + 1, child, line));
    keyLines.putIfAbsent(key, line);
    return new YamlNode.Mapping(map.path(), map.line(), fields, keyLines);
  }

  private YamlNode.Sequence replaced(YamlNode.Sequence seq, int index,
      List<FieldOverride.Step> steps, int i, int line) {
    List<YamlNode> items = new ArrayList<>(seq.items());
    YamlNode item = items.get(index);
    items.set(index, set(item, steps, i + 1, seq.path() + "[" + index + "]", line));
    return new YamlNode.Sequence(seq.path(), seq.line(), items);
  }

  private YamlNode.Sequence sequence(YamlNode node, String path, int line) {
    if (node instanceof YamlNode.Sequence seq) {
      return seq;
    }
    throw error(line, path, node == null || node instanceof YamlNode.Null
        ? "the file has no list here to index" : "expected a list to index, got "
            + node.describe());
  }

  private ScenarioException error(int line, String path, String problem) {
    return new ScenarioException(file, line, path, problem + " (set by " + override.origin()
        + ")");
  }
}
