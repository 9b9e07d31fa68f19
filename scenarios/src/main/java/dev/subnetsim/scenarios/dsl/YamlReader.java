package dev.subnetsim.scenarios.dsl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses YAML text into {@link YamlNode}s with line numbers, via Jackson's streaming parser. */
final class YamlReader {
  private final String file;
  private final JsonParser parser;

  private YamlReader(String file, JsonParser parser) {
    this.file = file;
    this.parser = parser;
  }

  static YamlNode read(String file, String text) {
    try (JsonParser p = new YAMLFactory().createParser(text)) {
      YamlReader reader = new YamlReader(file, p);
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ScenarioException(file, 1, "", "the file is empty; expected a scenario mapping");
      }
      return reader.node("", first);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      throw new ScenarioException(file, line, "", "not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ScenarioException(file, 1, "", "cannot read: " + e.getMessage());
    }
  }

  private int line() {
    return Math.max(1, parser.currentTokenLocation().getLineNr());
  }

  private YamlNode node(String path, JsonToken token) throws IOException {
    int line = line();
    switch (token) {
      case START_OBJECT: {
        Map<String, YamlNode> fields = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int keyLine = line();
          String child = path.isEmpty() ? key : path + "." + key;
          if (fields.containsKey(key)) {
            throw new ScenarioException(file, keyLine, child, "appears twice");
          }
          keyLines.put(key, keyLine);
          fields.put(key, node(child, parser.nextToken()));
        }
        return new YamlNode.Mapping(path, line, fields, keyLines);
      }
      case START_ARRAY: {
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
          items.add(node(path + "[" + items.size() + "]", t));
        }
        return new YamlNode.Sequence(path, line, items);
      }
      case VALUE_NULL:
        return new YamlNode.Null(path, line);
      default:
        return new YamlNode.Scalar(path, line, parser.getText());
    }
  }
}
