package dev.subnetsim.replica.wire;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.replica.state.WeakValues;

/**
 * Large peer bodies decoded once for all the simulated replicas of a subnet. Every replica of a
 * subnet receives its own copy of a broadcast block proposal (megabytes when it carries dealings)
 * and keeps the decoded block in its pool until a catch-up package lets it go; decoded separately,
 * a 34-node subnet holds each such block 34 times. Here a body of at least {@link #MIN_BYTES}
 * whose kind and SHA-256 match one decoded before, while some replica still holds that message
 * ({@link WeakValues}), yields the same decoded message.
 *
 * <p>Results never depend on timing or threads: a decoded message is a function of its kind and
 * bytes (the codecs accept only canonical encodings), and the shared one is immutable, so getting
 * the earlier decoding or decoding again gives equal messages. SHA-256 is taken as collision-free,
 * as consensus does when it names a block by its hash. A body that does not decode is not
 * remembered (its refusal is computed per receiver, attributed to each sender).
 */
public final class SharedDecodes {
  /** Bodies below this are decoded per replica: hashing them would cost what decoding does. */
  public static final int MIN_BYTES = 4 * 1024;

  private record Key(MessageKind kind, Bytes digest) {}

  private final WeakValues<Key, PeerMessage> held = new WeakValues<>();

  /**
   * {@link WireCodecs#decode}, sharing the result among the replicas using this object.
   *
   * @throws MalformedPeerMessageException as {@link WireCodecs#decode} does
   */
  public PeerMessage decode(MessageKind kind, byte[] body) {
    if (body.length < MIN_BYTES) {
      return WireCodecs.decode(kind, body);
    }
    Key key = new Key(kind, Bytes.of(ConsensusCrypto.sha256(body)));
    PeerMessage known = held.get(key);
    if (known != null) {
      return known;
    }
    // Decoded outside any lock; two replicas racing both decode and share the first one stored.
    return held.share(key, WireCodecs.decode(kind, body), (stored, decoded) -> true);
  }

  /** Distinct bodies tracked (live or not yet dropped), for tests. */
  int size() {
    return held.size();
  }
}
