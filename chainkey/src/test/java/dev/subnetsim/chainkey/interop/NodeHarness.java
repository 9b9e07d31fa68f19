package dev.subnetsim.chainkey.interop;

import dev.subnetsim.chainkey.artifacts.ArtifactJson;
import dev.subnetsim.chainkey.artifacts.ChainKeyArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the Node interop harness ({@code chainkey/src/test/node}) from Java tests: writes artifacts
 * as a temporary artifacts log, runs {@code node verify-artifacts.mjs} on it and returns one result
 * per line; also runs {@code derive-keys.mjs} and {@code selftest.mjs}.
 *
 * <p>The harness directory comes from the system property {@code subnetsim.node.harness} (set by
 * chainkey's surefire configuration) or, for tests of other modules using chainkey's test-jar, by
 * walking up from the working directory to {@code chainkey/src/test/node}. A missing Node or a
 * missing {@code node_modules} is an error with a message saying what to do, never a skip: the
 * interop checks are part of the README test command.
 */
public final class NodeHarness {
  /** System property naming the harness directory. */
  public static final String DIRECTORY_PROPERTY = "subnetsim.node.harness";

  /**
   * The package pinned last: a node_modules installed before it was pinned lacks it, and chainkey's
   * npm-install profile (activated by the same missing file) installs again.
   */
  public static final String NEWEST_PACKAGE = "node_modules/@dfinity/identity/package.json";

  private static final long TIMEOUT_SECONDS = 300;
  private static final Pattern OK = Pattern.compile("^ok (\\d+) (\\S+)(?: \\((.*)\\))?$");
  private static final Pattern FAIL = Pattern.compile("^FAIL (\\d+) (\\S+): (.*)$");

  private final Path directory;

  private NodeHarness(Path directory) {
    this.directory = directory;
  }

  /** The harness of this checkout; fails with a clear message when it cannot run. */
  public static NodeHarness locate() {
    Path dir = findDirectory();
    if (!Files.isRegularFile(dir.resolve("node_modules/.package-lock.json"))
        || !Files.isRegularFile(dir.resolve(NEWEST_PACKAGE))) {
      throw new IllegalStateException(
          "npm packages of the Node interop harness are not installed in " + dir
              + "/node_modules: run `mvn -pl chainkey generate-test-resources` (without"
              + " -DskipNode) or `npm ci` in that directory");
    }
    NodeHarness harness = new NodeHarness(dir);
    harness.checkNodeVersion();
    return harness;
  }

  /** The directory holding verify-artifacts.mjs. */
  public Path directory() {
    return directory;
  }

  /** Verifies artifacts (one log line each), in order. */
  public Verification verify(List<? extends ChainKeyArtifact> artifacts) {
    return verifyLines(artifacts.stream().map(ArtifactJson::toJsonLine).toList());
  }

  /** Verifies raw log lines (e.g. hand-tampered JSON), in order; line i of the result is lines[i]. */
  public Verification verifyLines(List<String> lines) {
    Path file = writeTemp("artifacts", lines);
    try {
      ProcessResult run = run("verify-artifacts.mjs", file.toString());
      if (run.exitCode() == 2) {
        throw new IllegalStateException("verify-artifacts.mjs usage error: " + run.output());
      }
      List<LineResult> results = new ArrayList<>();
      for (String out : run.output().split("\n")) {
        Matcher ok = OK.matcher(out);
        Matcher fail = FAIL.matcher(out);
        if (ok.matches()) {
          results.add(new LineResult(Integer.parseInt(ok.group(1)), ok.group(2), true,
              ok.group(3) == null ? "" : ok.group(3)));
        } else if (fail.matches()) {
          results.add(new LineResult(Integer.parseInt(fail.group(1)), fail.group(2), false,
              fail.group(3)));
        }
      }
      if (results.size() != lines.size()) {
        throw new IllegalStateException("verify-artifacts.mjs answered " + results.size()
            + " lines for " + lines.size() + " artifacts:\n" + run.output());
      }
      return new Verification(results, run.exitCode(), run.output());
    } finally {
      deleteQuietly(file);
    }
  }

  /** Derives public keys with @dfinity/ic-pub-key / @dfinity/vetkeys, one answer per request. */
  public List<NodeDerivedKey> derive(List<DerivationRequest> requests) {
    Path file = writeTemp("derive", requests.stream().map(DerivationRequest::toJsonLine).toList());
    try {
      ProcessResult run = run("derive-keys.mjs", file.toString());
      return NodeDerivedKey.parseAll(run.output(), requests.size());
    } finally {
      deleteQuietly(file);
    }
  }

  /** The master keys published by @dfinity/ic-pub-key and @dfinity/vetkeys. */
  public List<PublishedMasterKey> publishedMasterKeys() {
    ProcessResult run = run("derive-keys.mjs", "--master-keys");
    if (run.exitCode() != 0) {
      throw new IllegalStateException("derive-keys.mjs --master-keys failed:\n" + run.output());
    }
    return PublishedMasterKey.parseAll(run.output());
  }

  /**
   * Runs {@code script} (a harness tool reading one JSON request per line from the file named by
   * its only argument) on {@code requests}.
   */
  public ProcessResult runOnRequests(String script, List<String> requests) {
    Path file = writeTemp("requests", requests);
    try {
      return run(script, file.toString());
    } finally {
      deleteQuietly(file);
    }
  }

  /** Runs selftest.mjs (noble-built valid and tampered artifacts through the verifier). */
  public ProcessResult selfTest() {
    return run("selftest.mjs");
  }

  /** Output and exit status of one node run. */
  public record ProcessResult(int exitCode, String output) {}

  /** One artifact's verdict: {@code line} is 1-based, {@code detail} is the library note or reason. */
  public record LineResult(int line, String kind, boolean ok, String detail) {}

  /** The verdicts of one verify-artifacts run. */
  public record Verification(List<LineResult> lines, int exitCode, String output) {
    public boolean allOk() {
      return exitCode == 0 && lines.stream().allMatch(LineResult::ok);
    }

    public LineResult line(int oneBased) {
      return lines.get(oneBased - 1);
    }
  }

  private static Path findDirectory() {
    String configured = System.getProperty(DIRECTORY_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured).toAbsolutePath();
      if (Files.isRegularFile(p.resolve("verify-artifacts.mjs"))) {
        return p;
      }
      throw new IllegalStateException(DIRECTORY_PROPERTY + "=" + configured
          + " does not contain verify-artifacts.mjs");
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      for (Path candidate : List.of(p.resolve("chainkey/src/test/node"), p.resolve("src/test/node"))) {
        if (Files.isRegularFile(candidate.resolve("verify-artifacts.mjs"))) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("cannot find the Node interop harness (chainkey/src/test/node)"
        + " above " + Path.of("").toAbsolutePath() + "; set -D" + DIRECTORY_PROPERTY + "=<dir>");
  }

  private void checkNodeVersion() {
    ProcessResult version;
    try {
      version = run("--version");
    } catch (IllegalStateException e) {
      throw new IllegalStateException("`node` is not on PATH: the interop tests need Node 20+"
          + " and npm (README, test command)", e);
    }
    String v = version.output().trim();
    Matcher m = Pattern.compile("^v(\\d+)\\.").matcher(v);
    if (version.exitCode() != 0 || !m.find() || Integer.parseInt(m.group(1)) < 20) {
      throw new IllegalStateException("the interop tests need Node 20+, found: " + v);
    }
  }

  private ProcessResult run(String... args) {
    List<String> command = new ArrayList<>();
    command.add("node");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true);
    try {
      Process process = pb.start();
      process.getOutputStream().close();
      CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("node " + String.join(" ", args) + " timed out");
      }
      return new ProcessResult(process.exitValue(), output.join());
    } catch (IOException e) {
      throw new IllegalStateException("cannot start node: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running node", e);
    }
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("reading node output failed", e);
    }
  }

  private static Path writeTemp(String prefix, List<String> lines) {
    try {
      Path file = Files.createTempFile("subnet-sim-" + prefix + "-", ".jsonl");
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a temporary artifacts log", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover temp file is harmless; the verdict is what matters.
    }
  }
}
