package dev.subnetsim.scenarios.world;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.SignatureScheme;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.query.QueryRequest;
import dev.subnetsim.scenarios.world.CanisterStories.Call;
import dev.subnetsim.scenarios.world.CanisterStories.Outcome;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the story users send, as they send it: each call or query signed by its user, remembered
 * by request id with the user's judgement of its outcome, and the artifact-log lines the users
 * made from verified results. The stories write here; {@link CanisterStories} reads it.
 */
final class StoryCalls {
  private static final long EXPIRY_NANOS = 4 * 60 * 1_000_000_000L;

  /**
   * A signed message and when its user sends it; or, with {@code later}, a message its user makes
   * only then ({@code message} is then the planning order among messages sent at the same time).
   */
  record Sent(long atNanos, byte[] message, Supplier<byte[]> later) {
    Sent(long atNanos, byte[] message) {
      this(atNanos, message, null);
    }
  }

  /**
   * A call its user makes when it sends it: no request id until then (nor ever, if the user did
   * not have what it needed to make it), then its request id, and whether the user has seen it
   * completed.
   */
  static final class Later {
    private byte[] requestId;
    private boolean completed;
    private boolean replied;

    synchronized Optional<byte[]> requestId() {
      return Optional.ofNullable(requestId);
    }

    /** Whether the user saw it replied to (not rejected) before now. */
    synchronized boolean replied() {
      return completed && replied;
    }

    /** Whether the user saw it answered, replied or rejected, before now. */
    synchronized boolean completed() {
      return completed;
    }
  }

  private final List<Sent> sent = new ArrayList<>();
  private final TreeMap<String, Call> calls = new TreeMap<>();
  private final TreeMap<String, Later> later = new TreeMap<>();
  /** Lines of the artifacts log made from verified story results (canister signatures). */
  private final List<String> artifactLines = new ArrayList<>();

  static UserKeyPair user(SeededRandom rng, String name) {
    return UserKeyPair.generate(SignatureScheme.ED25519, rng.fork(name));
  }

  /** A signed update call; null (nothing sent) when it would be sent after the run's end. */
  byte[] send(String story, long at, UserKeyPair user, CanisterId canister, String method,
      byte[] arg, Optional<byte[]> after, Function<Outcome, String> check, long endNanos) {
    if (at >= endNanos) {
      return null;
    }
    return submit(story, at, user, new IngressMessage(user.principal(), canister.toBytes(),
        method, arg, at + EXPIRY_NANOS, ByteBuffer.allocate(8).putLong(at).array()), after, check);
  }

  /** A signed query; its answer carries the data certificate of the state it ran on. */
  byte[] query(String story, long at, UserKeyPair user, CanisterId canister, String method,
      byte[] arg, Optional<byte[]> after, Function<Outcome, String> check, long endNanos) {
    if (at >= endNanos) {
      return null;
    }
    return submit(story, at, user, IngressMessage.query(user.principal(), canister.toBytes(),
        method, arg, at + EXPIRY_NANOS, ByteBuffer.allocate(8).putLong(at).array()), after, check);
  }

  private byte[] submit(String story, long at, UserKeyPair user, IngressMessage message,
      Optional<byte[]> after, Function<Outcome, String> check) {
    SignedIngress signed = sign(story, at, user, message, after, check);
    sent.add(new Sent(at, message.isQuery() ? new QueryRequest(signed).encode()
        : new PayloadItem.Ingress(signed).encode()));
    return signed.message().requestId();
  }

  private synchronized SignedIngress sign(String story, long at, UserKeyPair user,
      IngressMessage message, Optional<byte[]> after, Function<Outcome, String> check) {
    SignedIngress signed = user.sign(message);
    byte[] id = signed.message().requestId();
    calls.put(HexFormat.of().formatHex(id), new Call(story, at, id, after, check));
    return signed;
  }

  /** What a call made when sent waits for: {@code call} seen replied to, or seen answered at all. */
  record After(Later call, boolean anyAnswer) {
    static Optional<After> replied(Later call) {
      return Optional.of(new After(call, false));
    }

    static Optional<After> answered(Later call) {
      return Optional.of(new After(call, true));
    }

    boolean met() {
      return anyAnswer ? call.completed() : call.replied();
    }
  }

  /**
   * A signed update call its user makes when it sends it, at {@code at}: only once {@code after}
   * (if given) is met, and with the argument {@code arg} makes then (null: the user has not what
   * it needs, and sends nothing). Nothing is planned after the run's end.
   */
  Later sendLater(String story, long at, UserKeyPair user, CanisterId canister, String method,
      Supplier<byte[]> arg, Optional<After> after, Function<Outcome, String> check,
      long endNanos) {
    Later handle = new Later();
    if (at >= endNanos) {
      return handle;
    }
    // Planning order among messages of the same instant: by story, method and user.
    byte[] order = (story + "/" + method + "/" + user.principal()).getBytes(
        java.nio.charset.StandardCharsets.UTF_8);
    sent.add(new Sent(at, order, () -> {
      if (after.isPresent() && !after.get().met()) {
        return null;
      }
      byte[] a = arg.get();
      if (a == null) {
        return null;
      }
      SignedIngress signed = sign(story, at, user, new IngressMessage(user.principal(),
          canister.toBytes(), method, a, at + EXPIRY_NANOS,
          ByteBuffer.allocate(8).putLong(at).array()),
          after.flatMap(w -> w.call().requestId()), check);
      synchronized (this) {
        synchronized (handle) {
          handle.requestId = signed.message().requestId();
        }
        later.put(HexFormat.of().formatHex(handle.requestId), handle);
      }
      return new PayloadItem.Ingress(signed).encode();
    }));
    return handle;
  }

  /** What the user saw of a call: its first completion (for calls made when sent). */
  synchronized void completed(byte[] requestId, boolean replied) {
    Later handle = later.get(HexFormat.of().formatHex(requestId));
    if (handle != null) {
      synchronized (handle) {
        if (!handle.completed) {
          handle.completed = true;
          handle.replied = replied;
        }
      }
    }
  }

  void artifact(String line) {
    artifactLines.add(line);
  }

  List<Sent> sent() {
    return sent;
  }

  synchronized Optional<Call> call(byte[] requestId) {
    return Optional.ofNullable(calls.get(HexFormat.of().formatHex(requestId)));
  }

  synchronized int size() {
    return calls.size();
  }

  List<String> artifactLines() {
    return List.copyOf(artifactLines);
  }
}
