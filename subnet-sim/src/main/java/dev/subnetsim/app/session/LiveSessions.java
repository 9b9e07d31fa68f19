package dev.subnetsim.app.session;

import dev.subnetsim.scenarios.dsl.ScenarioException;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.engine.LiveRun;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Builds and starts served simulations. */
public final class LiveSessions {
  /** A served run stops after this much virtual time (about 30 years: never, in practice). */
  public static final long END_NANOS = 1_000_000_000_000_000_000L;
  private static final String DEFAULT = "dev/subnetsim/app/session/serve-default.yaml";

  private LiveSessions() {}

  /** The default world of {@code subnet-sim serve}: a root and an app subnet of four nodes. */
  public static ScenarioSpec defaultScenario() {
    try (InputStream in = LiveSessions.class.getClassLoader().getResourceAsStream(DEFAULT)) {
      if (in == null) {
        throw new ScenarioException(DEFAULT, 0, "", "missing from the classpath");
      }
      return ScenarioParser.parse(DEFAULT, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ScenarioException(DEFAULT, 0, "", "cannot read: " + e.getMessage());
    }
  }

  /**
   * Assembles {@code spec}'s world and starts driving it.
   *
   * @param epochNanos the Unix time of virtual time 0 (replicas' clocks)
   * @param manualTime virtual time moves only when advanced; else it follows the wall clock
   */
  public static LiveSession start(ScenarioSpec spec, long seed, long epochNanos,
      boolean manualTime, int threads) {
    LiveRun run = LiveRun.assemble(spec, seed, epochNanos, END_NANOS, threads);
    return LiveSession.start(run, manualTime ? LiveClock.manual(epochNanos)
        : LiveClock.live(epochNanos));
  }

  /** The wall clock now as Unix nanoseconds (the default anchor of virtual time). */
  public static long wallClockUnixNanos() {
    return LiveClock.wallUnixNanos();
  }
}
