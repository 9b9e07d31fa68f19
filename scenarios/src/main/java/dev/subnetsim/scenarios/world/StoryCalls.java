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

/**
 * What the story users send, as they send it: each call or query signed by its user, remembered
 * by request id with the user's judgement of its outcome, and the artifact-log lines the users
 * made from verified results. The stories write here; {@link CanisterStories} reads it.
 */
final class StoryCalls {
  private static final long EXPIRY_NANOS = 4 * 60 * 1_000_000_000L;

  /** A signed message and when its user sends it. */
  record Sent(long atNanos, byte[] message) {}

  private final List<Sent> sent = new ArrayList<>();
  private final TreeMap<String, Call> calls = new TreeMap<>();
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
    SignedIngress signed = user.sign(message);
    byte[] id = signed.message().requestId();
    calls.put(HexFormat.of().formatHex(id), new Call(story, at, id, after, check));
    sent.add(new Sent(at, message.isQuery() ? new QueryRequest(signed).encode()
        : new PayloadItem.Ingress(signed).encode()));
    return id;
  }

  void artifact(String line) {
    artifactLines.add(line);
  }

  List<Sent> sent() {
    return sent;
  }

  Optional<Call> call(byte[] requestId) {
    return Optional.ofNullable(calls.get(HexFormat.of().formatHex(requestId)));
  }

  int size() {
    return calls.size();
  }

  List<String> artifactLines() {
    return List.copyOf(artifactLines);
  }
}
