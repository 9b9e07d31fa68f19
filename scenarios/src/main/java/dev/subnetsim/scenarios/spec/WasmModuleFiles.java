package dev.subnetsim.scenarios.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a Wasm canister's module is: a file (an absolute path) or, for a scenario of the bundled
 * catalog, a classpath resource written {@code classpath:catalog/wasm/NAME.wasm}. A module's
 * {@code path} is resolved against the scenario's own location, so a catalog scenario finds the
 * modules shipped beside it whether it was read from {@code scenarios/catalog/} on disk or from
 * the classpath.
 */
public final class WasmModuleFiles {
  /** The prefix of a module location on the classpath. */
  public static final String CLASSPATH = "classpath:";

  private WasmModuleFiles() {}

  /**
   * The location of {@code path} as written in a scenario: a {@code classpath:} location is kept;
   * otherwise it is relative to the scenario's folder, on the classpath if {@code
   * scenarioOnClasspath} (the scenario came from the catalog resources), else on disk.
   */
  public static String resolve(String scenario, boolean scenarioOnClasspath, String path) {
    if (path.startsWith(CLASSPATH)) {
      return CLASSPATH + resource(path.substring(CLASSPATH.length()));
    }
    if (scenarioOnClasspath) {
      Path base = Path.of(scenario).getParent();
      return CLASSPATH + resource((base == null ? Path.of(path) : base.resolve(path)).toString());
    }
    return Path.of(scenario).toAbsolutePath().getParent().resolve(path).normalize().toString();
  }

  /** A normalized resource name; one that climbs out of the classpath root is refused. */
  private static String resource(String name) {
    String n = Path.of(name).normalize().toString().replace('\\', '/');
    if (n.startsWith("..") || n.startsWith("/") || n.isEmpty()) {
      throw new IllegalArgumentException("not a classpath resource: " + name);
    }
    return n;
  }

  /** The module's bytes; a missing file or resource is a {@link NoSuchFileException}. */
  public static byte[] read(String location) throws IOException {
    if (!location.startsWith(CLASSPATH)) {
      return Files.readAllBytes(Path.of(location));
    }
    String name = location.substring(CLASSPATH.length());
    try (InputStream in = WasmModuleFiles.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new NoSuchFileException(location, null, "no such resource on the classpath");
      }
      return in.readAllBytes();
    }
  }
}
