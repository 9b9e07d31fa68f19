package dev.subnetsim.app.session;

import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.SignatureScheme;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.scenarios.faults.Fault;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A simulated world for JUnit tests, without HTTP: built from a scenario, its virtual time moves
 * only when the test advances it ({@link #advance} returns once the world has run that far), and
 * users (each with its own seeded Ed25519 key) submit signed calls and queries to the example
 * canisters and read the certified replies. Calls enter the world where it stands (it is parked
 * between steps) and nothing simulated reads the wall clock, so the same seed and the same script
 * give the same replies at the same virtual times.
 *
 * <pre>{@code
 * try (SimSession sim = SimSession.start(LiveSessions.defaultScenario(), 7)) {
 *   UserKeyPair alice = sim.user(1);
 *   byte[] id = sim.submit(alice, sim.canister("app", "counter"), "increment", new byte[0]);
 *   SimSession.Reply r = sim.awaitReply(sim.canister("app", "counter"), id,
 *       Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class SimSession implements AutoCloseable {
  /** Virtual time 0 is this Unix time (2023-11-14), so runs do not depend on the wall clock. */
  public static final long EPOCH_NANOS = 1_700_000_000_000_000_000L;
  private static final long EXPIRY_NANOS = 120_000_000_000L;
  private static final long STEP_NANOS = 100_000_000L;
  private static final long WAIT_MILLIS = 120_000;

  /** A call's or query's outcome: the reply bytes, or the reject code and message. */
  public record Reply(boolean replied, byte[] data, long rejectCode, String rejectMessage) {}

  private final LiveSession session;
  private final LiveWorldView world;
  private long nonce;
  private int nextNode;

  private SimSession(LiveSession session) {
    this.session = session;
    this.world = new LiveWorldView(session.run());
  }

  /** Builds {@code spec}'s world with {@code seed}; virtual time stands at 0 until advanced. */
  public static SimSession start(ScenarioSpec spec, long seed) {
    SimSession sim = new SimSession(LiveSessions.start(spec, seed, EPOCH_NANOS, true, 2));
    // The driver runs its first window before it parks: returned only then, the time a test
    // reads first is the time that stands until it advances.
    sim.awaitCaughtUp();
    return sim;
  }

  /** A user with its own Ed25519 key, the same for the same {@code seed}. */
  public UserKeyPair user(long seed) {
    return UserKeyPair.generate(SignatureScheme.ED25519,
        SeededRandom.fromSeed(seed).fork("sim-session-user"));
  }

  /** Example canister {@code name} (e.g. "counter") of subnet {@code subnet}, as principal text. */
  @SuppressWarnings("unchecked")
  public String canister(String subnet, String name) {
    return ((List<Map<String, Object>>) world.topology(true).get("subnets")).stream()
        .filter(s -> s.get("name").equals(subnet)).findFirst()
        .map(s -> (String) ((Map<String, Object>) s.get("canisters")).get(name))
        .orElseThrow(() -> new IllegalArgumentException("no canister " + name + " on subnet "
            + subnet));
  }

  /** Virtual time, nanoseconds since the world started. */
  public long virtualTimeNanos() {
    return session.replicaUnixNanos() - EPOCH_NANOS;
  }

  /** Lets virtual time run {@code d} further and returns once the world has run that far. */
  public void advance(Duration d) {
    session.advance(d.toNanos());
    awaitCaughtUp();
  }

  private void awaitCaughtUp() {
    try {
      session.awaitCaughtUp(WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the world ran", e);
    }
  }

  /**
   * Signs and submits {@code user}'s update call (it enters a replica of the canister's subnet at
   * the next step); returns its request id.
   */
  public byte[] submit(UserKeyPair user, String canister, String method, byte[] arg) {
    CanisterId id = canisterId(canister);
    IngressMessage m = new IngressMessage(user.principal(), id.toBytes(), method, arg,
        session.replicaUnixNanos() + EXPIRY_NANOS, nonce());
    List<NodeId> members = world.members(subnetOf(id));
    if (!session.submit(members.get(Math.floorMod(nextNode++, members.size())),
        new PayloadItem.Ingress(user.sign(m)).encode())) {
      throw new IllegalStateException("too many calls waiting for the next step");
    }
    return m.requestId();
  }

  /** The call's certified outcome so far; empty while it is unknown, received or processing. */
  public Optional<Reply> status(String canister, byte[] requestId) {
    SubnetId subnet = subnetOf(canisterId(canister));
    return join(session.read(run -> world.requestStatus(subnet, requestId)));
  }

  /** Advances virtual time in small steps until the call's outcome is certified. */
  public Reply awaitReply(String canister, byte[] requestId, Duration maxVirtual) {
    long until = virtualTimeNanos() + maxVirtual.toNanos();
    while (true) {
      Optional<Reply> r = status(canister, requestId);
      if (r.isPresent()) {
        return r.get();
      }
      if (virtualTimeNanos() >= until) {
        throw new IllegalStateException("no certified outcome within " + maxVirtual
            + " of virtual time");
      }
      advance(Duration.ofNanos(STEP_NANOS));
    }
  }

  /** {@code user}'s query, on the subnet's most advanced state (virtual time does not move). */
  public Reply query(UserKeyPair user, String canister, String method, byte[] arg) {
    CanisterId id = canisterId(canister);
    LiveWorldView.QueryOutcome out = join(session.read(run -> world.query(subnetOf(id), id,
        user.principal().toBytes(), method, arg)));
    return new Reply(out.replied(), out.reply(), out.rejectCode(), out.rejectMessage());
  }

  /**
   * Applies {@code fault} (crash, restart, partition, heal, ...; its time is ignored) when the
   * world next runs, as the control plane's {@code POST /sim/faults} does.
   */
  public void inject(Fault fault) {
    session.inject(fault);
  }

  /** Node {@code index} of subnet {@code subnet} (for faults). */
  public NodeId node(String subnet, int index) {
    return world.members(new SubnetId(subnet)).get(index);
  }

  /** The height {@code node}'s replica has executed (a crashed one's stays where it stopped). */
  public long executedHeight(NodeId node) {
    return join(session.read(run -> run.factory().replica(node).map(r -> r.state().height())
        .orElse(0L)));
  }

  /** Whether the world was stopped ({@link #close}). */
  public boolean closed() {
    return session.closed();
  }

  /** Stops the world. */
  @Override
  public void close() {
    session.close();
  }

  private CanisterId canisterId(String text) {
    CanisterId id = CanisterId.fromBytes(Principal.fromText(text).toBytes());
    if (id.isManagement()) {
      throw new IllegalArgumentException("users do not call the management canister");
    }
    return id;
  }

  private SubnetId subnetOf(CanisterId id) {
    return world.routing().subnetOf(id).map(SubnetId::new).filter(world::hasSubnet)
        .orElseThrow(() -> new IllegalArgumentException("canister " + id + " is in no subnet"));
  }

  private byte[] nonce() {
    return Long.toString(nonce++).getBytes(StandardCharsets.UTF_8);
  }

  private static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
    try {
      return f.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the world did not answer: " + e, e);
    }
  }
}
