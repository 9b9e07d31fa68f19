package dev.subnetsim.app.run;

import java.io.PrintStream;
import java.nio.file.Path;

/** What {@code subnet-sim run} executes: a job that writes the output folder and says if it passed. */
public interface MainJob {

  /** A short name for the output folder and the summary's {@code scenario} field. */
  String name();

  /**
   * Runs the job with the given seed, writing the output folder contract of docs/FORMATS.md into
   * {@code out}; progress and the seed go to {@code console}.
   */
  JobOutcome run(long seed, Path out, PrintStream console) throws Exception;

  /** The job's verdict: {@code passed} is false when an invariant failed. */
  record JobOutcome(boolean passed, String headline) {}
}
