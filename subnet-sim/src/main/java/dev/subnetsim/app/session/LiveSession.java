package dev.subnetsim.app.session;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.scenarios.driver.DriverOutcome;
import dev.subnetsim.scenarios.driver.LiveHook;
import dev.subnetsim.scenarios.driver.SimulationConfig.IngressInjection;
import dev.subnetsim.scenarios.engine.LiveRun;
import dev.subnetsim.scenarios.faults.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A served simulation: the driver of a {@link LiveRun} on its own thread, paced by a
 * {@link LiveClock}. Outside threads (HTTP requests) never touch replicas: they queue client
 * messages and reads, which the driver's thread takes between windows, when every replica is
 * idle.
 */
public final class LiveSession implements LiveHook, AutoCloseable {
  /** Longest a paced driver sleeps before looking at the clock again. */
  private static final long MAX_SLEEP_NANOS = 50_000_000L;
  /** Client messages waiting for the next window; beyond it submissions are refused (429). */
  public static final int MAX_WAITING = 10_000;

  private final LiveRun run;
  private final LiveClock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  /** Signalled when a manual-time driver parks: it has run everything time allows. */
  private final Condition parked = lock.newCondition();
  private final List<IngressInjection> inbox = new ArrayList<>();
  /** Faults asked for from outside, applied at the next window. */
  private final List<Fault> faults = new ArrayList<>();
  private final List<Runnable> reads = new ArrayList<>();
  private final Thread driver;
  private final CompletableFuture<DriverOutcome> outcome = new CompletableFuture<>();
  private final int maxWaiting;
  /** After the run ended, reads run on their callers' threads, one at a time (queries mutate). */
  private final Object afterEnd = new Object();
  private boolean stopping;
  private boolean ended;
  /** Manual time: the driver waits for time, with nothing queued since it parked. */
  private boolean caughtUp;
  private long doneUntil;
  /** The next queued event's virtual time, as the driver last said (a tick runs up to it). */
  private long nextEvent;

  private LiveSession(LiveRun run, LiveClock clock, int maxWaiting) {
    this.run = run;
    this.clock = clock;
    this.maxWaiting = maxWaiting;
    this.driver = new Thread(this::drive, "subnet-sim-live-driver");
    this.driver.setDaemon(true);
  }

  /** Starts driving {@code run}, paced by {@code clock}. */
  public static LiveSession start(LiveRun run, LiveClock clock) {
    LiveSession s = new LiveSession(run, clock, MAX_WAITING);
    s.driver.start();
    return s;
  }

  /** A session whose driver is not started (tests of what it takes in). */
  public static LiveSession unstarted(LiveRun run, LiveClock clock, int maxWaiting) {
    return new LiveSession(run, clock, maxWaiting);
  }

  private void drive() {
    try {
      outcome.complete(run.run(this));
    } catch (RuntimeException | Error e) { // Stopped when closed, else the simulator's failure
      outcome.completeExceptionally(e);
    } finally {
      List<Runnable> left;
      lock.lock();
      try {
        ended = true;
        left = new ArrayList<>(reads);
        reads.clear();
      } finally {
        lock.unlock();
      }
      synchronized (afterEnd) { // the replicas no longer step: reading them is safe now
        left.forEach(Runnable::run);
      }
    }
  }

  public LiveRun run() {
    return run;
  }

  public LiveClock clock() {
    return clock;
  }

  /** How the driver ended; incomplete while it runs. */
  public CompletableFuture<DriverOutcome> outcome() {
    return outcome;
  }

  /** The Unix time (nanoseconds) the replicas read now: the anchor plus simulated time. */
  public long replicaUnixNanos() {
    lock.lock();
    try {
      return clock.epochNanos() + doneUntil;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Hands {@code message} to {@code node} as a client submission, at the next window; false
   * (nothing queued) while {@link #MAX_WAITING} messages already wait: back-pressure, so a flood
   * of clients cannot exhaust memory.
   */
  public boolean submit(NodeId node, byte[] message) {
    lock.lock();
    try {
      if (inbox.size() >= maxWaiting) {
        return false;
      }
      inbox.add(new IngressInjection(0, node, message.clone()));
      caughtUp = false;
      work.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code reader} on the driver's thread between windows (at once after the run ended). */
  public <T> CompletableFuture<T> read(Function<LiveRun, T> reader) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable task = () -> {
      try {
        result.complete(reader.apply(run));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    };
    lock.lock();
    try {
      if (!ended) {
        reads.add(task);
        caughtUp = false;
        work.signal();
        return result;
      }
    } finally {
      lock.unlock();
    }
    synchronized (afterEnd) {
      task.run();
    }
    return result;
  }

  /** Applies {@code fault} at the next window (its time is ignored). */
  public void inject(Fault fault) {
    lock.lock();
    try {
      faults.add(fault);
      caughtUp = false;
      work.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Turns auto-progress (virtual time following the wall clock) on or off. */
  public void autoProgress(boolean on) {
    clock.autoProgress(on);
    wake();
  }

  /**
   * Manual time: lets the simulation run up to its next event (one lookahead window); returns
   * the new allowance.
   */
  public long tick() {
    long next;
    lock.lock();
    try {
      next = nextEvent;
    } finally {
      lock.unlock();
    }
    long allowed = clock.allowedNanos();
    return advance(next == Long.MAX_VALUE ? 0 : Math.max(0, next - allowed));
  }

  @Override
  public List<Fault> faultsNow(long doneUntilNanos) {
    lock.lock();
    try {
      List<Fault> out = List.copyOf(faults);
      faults.clear();
      return out;
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the driver: the time it may run to has moved. */
  private void wake() {
    lock.lock();
    try {
      caughtUp = false;
      work.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Manual time: lets the simulation run {@code nanos} further. */
  public long advance(long nanos) {
    long allowed = clock.advance(nanos);
    wake();
    return allowed;
  }

  @Override
  public List<IngressInjection> between(long doneUntilNanos, long nextEventNanos) {
    lock.lock();
    try {
      doneUntil = doneUntilNanos;
      nextEvent = nextEventNanos;
      while (true) {
        if (stopping) {
          throw new Stopped();
        }
        if (!reads.isEmpty()) {
          List<Runnable> now = new ArrayList<>(reads);
          reads.clear();
          lock.unlock();
          try {
            now.forEach(Runnable::run);
          } finally {
            lock.lock();
          }
          continue;
        }
        if (!inbox.isEmpty() || !faults.isEmpty()) { // faults are taken by faultsNow next
          List<IngressInjection> out = new ArrayList<>();
          inbox.forEach(i -> out.add(new IngressInjection(doneUntilNanos, i.node(),
              i.message())));
          inbox.clear();
          return out;
        }
        long allowed = clock.allowedNanos();
        if (nextEventNanos <= allowed) {
          return List.of();
        }
        if (clock.isManual()) {
          caughtUp = true;
          parked.signalAll();
          work.await();
        } else {
          work.awaitNanos(Math.min(nextEventNanos - allowed, MAX_SLEEP_NANOS));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Stopped();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Manual time: blocks until the driver has run everything the allowed time lets it (and taken
   * every message and read queued before), or the run ended.
   *
   * @throws IllegalStateException if that takes more than {@code timeoutMillis} of wall time
   */
  public void awaitCaughtUp(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    lock.lock();
    try {
      while (!caughtUp && !ended && !outcome.isDone()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("the world did not catch up with its time in "
              + timeoutMillis + " ms");
        }
        parked.awaitNanos(Math.min(left, MAX_SLEEP_NANOS));
      }
    } finally {
      lock.unlock();
    }
  }

  /** Whether {@link #close} was called (the run then ends on purpose, not by failure). */
  public boolean closed() {
    lock.lock();
    try {
      return stopping;
    } finally {
      lock.unlock();
    }
  }

  /** Stops the driver at its next window and waits for it to shut its replicas down. */
  @Override
  public void close() {
    lock.lock();
    try {
      stopping = true;
      work.signal();
    } finally {
      lock.unlock();
    }
    try {
      driver.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ends the driver's run from inside the hook when the session closes. */
  public static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("the live session was closed", null, false, false);
    }
  }
}
