package dev.subnetsim.replica.byzantine;

import dev.subnetsim.consensus.byzantine.AdversaryPlan;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.StepOutput;
import dev.subnetsim.replica.net.Envelope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * An {@code arbitrary} Byzantine node at the byte level: a decorator over an honest replica's
 * output that, for each envelope it sends (of the plan's kinds) with the plan's probability,
 * replaces it with one draw from a seeded menu: random bytes, a truncation, bit flips, an oversized
 * body (1 MiB and more), a replay of an old message, a duplicate, the payload under another
 * message kind, or the honest message relabelled typed ({@link Relabelling}: another request,
 * signer, reshare, key, instance, transcript, height, canister, expiry, subnet or canister
 * ranges; bit flips where a kind has no typed label or the payload does not decode). It is the
 * adversary that decoders and handlers are written against: whatever it sends, an honest replica
 * must reject and attribute it, never throw.
 */
public final class ArbitraryReplicaLogic implements ReplicaLogic {
  /** Size of an oversized body: past every bound a decoder should accept. */
  static final int OVERSIZED_BYTES = 1 << 20;
  private static final int REPLAY_MEMORY = 64;

  private final ReplicaLogic honest;
  private final AdversaryPlan plan;
  private final ArrayDeque<Envelope> history = new ArrayDeque<>();
  /** Kinds this node has sent (by wire name), to mislabel payloads with. */
  private final TreeSet<MessageKind> kindsSeen = new TreeSet<>(MessageKind.BY_WIRE_NAME);
  private long tampered;

  public ArbitraryReplicaLogic(ReplicaLogic honest, AdversaryPlan plan) {
    this.honest = honest;
    this.plan = plan;
  }

  /** Envelopes tampered with so far (for tests and reports). */
  public long tampered() {
    return tampered;
  }

  @Override
  public StepOutput step(long nowNanos, List<InboundEvent> events) {
    StepOutput out = honest.step(nowNanos, events);
    List<Envelope> sends = new ArrayList<>(out.sends().size());
    for (Envelope e : out.sends()) {
      kindsSeen.add(e.kind());
      if (plan.strikes(e.kind())) {
        tampered++;
        sends.addAll(tamper(e, plan.random()));
      } else {
        sends.add(e);
      }
      history.addLast(e);
      if (history.size() > REPLAY_MEMORY) {
        history.removeFirst();
      }
    }
    return new StepOutput(sends, out.timers(), out.observations(), out.cpuNanos());
  }

  private List<Envelope> tamper(Envelope e, RandomGenerator r) {
    byte[] p = e.payload();
    return switch (r.nextInt(8)) {
      case 7 -> List.of(with(e, e.kind(), Relabelling.of(e.kind(), p, r)
          .orElseGet(() -> flipBits(p, r))));
      case 0 -> List.of(with(e, e.kind(), randomBytes(r, r.nextInt(0, 513))));
      case 1 -> List.of(with(e, e.kind(), java.util.Arrays.copyOf(p, p.length == 0 ? 0
          : r.nextInt(p.length))));
      case 2 -> List.of(with(e, e.kind(), flipBits(p, r)));
      case 3 -> List.of(with(e, e.kind(), oversized(p, r)));
      case 4 -> history.isEmpty() ? List.of(e) : List.of(e, replay(e, r));
      case 5 -> List.of(e, e);
      default -> List.of(with(e, otherKind(e.kind(), r), p));
    };
  }

  private static Envelope with(Envelope e, MessageKind kind, byte[] payload) {
    return new Envelope(e.from(), e.to(), kind, payload);
  }

  private static byte[] randomBytes(RandomGenerator r, int length) {
    byte[] b = new byte[length];
    r.nextBytes(b);
    return b;
  }

  private static byte[] flipBits(byte[] p, RandomGenerator r) {
    byte[] b = p.clone();
    if (b.length == 0) {
      return randomBytes(r, 1);
    }
    int flips = r.nextInt(1, 9);
    for (int i = 0; i < flips; i++) {
      int bit = r.nextInt(b.length * 8);
      b[bit / 8] ^= (byte) (1 << (bit % 8));
    }
    return b;
  }

  /** The honest payload followed by garbage, to 1 MiB and a little more. */
  private static byte[] oversized(byte[] p, RandomGenerator r) {
    byte[] b = java.util.Arrays.copyOf(p, OVERSIZED_BYTES + r.nextInt(4096));
    byte[] tail = randomBytes(r, 64);
    System.arraycopy(tail, 0, b, b.length - tail.length, tail.length);
    return b;
  }

  /** An old message (any kind) sent again to this envelope's receiver. */
  private Envelope replay(Envelope e, RandomGenerator r) {
    Envelope old = history.stream().skip(r.nextInt(history.size())).findFirst().orElseThrow();
    return new Envelope(e.from(), e.to(), old.kind(), old.payload());
  }

  private MessageKind otherKind(MessageKind kind, RandomGenerator r) {
    List<MessageKind> others = kindsSeen.stream().filter(k -> k != kind).toList();
    return others.isEmpty() ? kind : others.get(r.nextInt(others.size()));
  }
}
