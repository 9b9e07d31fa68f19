package dev.subnetsim.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * N worker JVMs on this machine, on loopback, started with this JVM's class path (for
 * {@code subnet-sim run --workers N} and the tests); the first starts the cluster and the others
 * join it. Each exits with its parent, and {@link #close} stops them all.
 */
public final class LocalWorkers implements AutoCloseable {
  private static final String HOST = "127.0.0.1";

  private final List<Process> processes;
  private final List<HostPort> addresses;

  private LocalWorkers(List<Process> processes, List<HostPort> addresses) {
    this.processes = processes;
    this.addresses = addresses;
  }

  /** Starts {@code n} workers whose replicas step on {@code threads} threads each. */
  public static LocalWorkers start(int n, int threads, Path logDir) throws IOException {
    if (n < 1) {
      throw new IllegalArgumentException("workers must be >= 1: " + n);
    }
    List<HostPort> addresses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      addresses.add(new HostPort(HOST, freePort()));
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> cmd = new ArrayList<>(List.of(java, "-Xss4m",
          "--enable-native-access=ALL-UNNAMED", "-XX:+IgnoreUnrecognizedVMOptions",
          "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName(),
          "--bind", addresses.get(i).toString(), "--threads", Integer.toString(threads),
          "--exit-with-parent"));
      if (i > 0) {
        cmd.addAll(List.of("--join", addresses.get(0).toString()));
      }
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE);
      Path log = logDir.resolve("worker-" + i + ".log");
      pb.redirectOutput(log.toFile()).redirectErrorStream(true);
      processes.add(pb.start());
    }
    return new LocalWorkers(processes, List.copyOf(addresses));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return s.getLocalPort();
    }
  }

  public List<HostPort> addresses() {
    return addresses;
  }

  /** Kills worker {@code i} at once, as a machine that dies would (for tests). */
  public void kill(int i) {
    processes.get(i).destroyForcibly();
  }

  @Override
  public void close() {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }
}
