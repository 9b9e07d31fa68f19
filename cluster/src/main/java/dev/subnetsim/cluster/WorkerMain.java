package dev.subnetsim.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker JVM: {@code WorkerMain --bind HOST:PORT [--join HOST:PORT[,...]] [--threads N]
 * [--exit-with-parent]}. What {@code subnet-sim worker} runs, and what {@link LocalWorkers} starts;
 * with {@code --exit-with-parent} it exits when its standard input closes (its parent died), so a
 * driver that is killed leaves no member behind.
 */
public final class WorkerMain {
  private WorkerMain() {}

  /** The options of a worker. */
  public record Options(HostPort bind, List<HostPort> join, int threads, boolean exitWithParent) {
    public Options {
      join = List.copyOf(join);
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1: " + threads);
      }
    }

    static Options parse(String... args) {
      HostPort bind = null;
      List<HostPort> join = new ArrayList<>();
      int threads = 2;
      boolean exitWithParent = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--bind" -> bind = HostPort.parse(value(args, ++i));
          case "--join" -> join.addAll(HostPort.parseList(value(args, ++i)));
          case "--threads" -> threads = Integer.parseInt(value(args, ++i));
          case "--exit-with-parent" -> exitWithParent = true;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (bind == null) {
        throw new IllegalArgumentException("--bind HOST:PORT is required");
      }
      return new Options(bind, join, threads, exitWithParent);
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }
  }

  /** Starts the member and blocks until its actor system stops. */
  public static void run(Options options) throws Exception {
    ClusterMember member = ClusterMember.worker(options.bind(), options.join(), options.threads());
    System.out.println("subnet-sim worker: member " + member.address() + " up"
        + (options.join().isEmpty() ? " (first member)" : ", joining " + options.join()));
    System.out.flush();
    if (options.exitWithParent()) {
      Thread watch = new Thread(() -> {
        try (InputStream in = System.in) {
          while (in.read() >= 0) {
            // Nothing is read from the parent; end of input means it is gone.
          }
        } catch (IOException e) {
          // The pipe broke: the parent is gone as well.
        }
        member.close();
      }, "parent-watch");
      watch.setDaemon(true);
      watch.start();
    }
    member.awaitTermination();
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("subnet-sim worker: " + e.getMessage());
      System.exit(2);
      return;
    }
    run(options);
    System.exit(0);
  }
}
