package dev.subnetsim.scenarios.dsl;

import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads scenario files from disk or from the bundled catalog (classpath {@code catalog/}). */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  public static ScenarioSpec load(Path file) {
    return ScenarioParser.parse(file.toString(), text(file));
  }

  /**
   * A scenario or experiment file's text; a missing or unreadable file is a {@link
   * ScenarioException} naming it (exit 2, like any other bad input).
   */
  public static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ScenarioException(file.toString(), 0, "", "no such file");
    } catch (IOException e) {
      throw new ScenarioException(file.toString(), 0, "", "cannot read: " + e.getMessage());
    }
  }

  /** The text of a catalog scenario (what {@link #catalog} parses). */
  public static String catalogText(String name) {
    String resource = "catalog/" + name + ".yaml";
    try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ScenarioException(resource, 0, "", "no such catalog scenario");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioException(resource, 0, "", "cannot read: " + e.getMessage());
    }
  }

  /** A catalog scenario by name, e.g. {@code flagship} for {@code catalog/flagship.yaml}. */
  public static ScenarioSpec catalog(String name) {
    String resource = "catalog/" + name + ".yaml";
    try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ScenarioException(resource, 0, "", "no such catalog scenario");
      }
      return ScenarioParser.parseResource(resource,
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ScenarioException(resource, 0, "", "cannot read: " + e.getMessage());
    }
  }
}
