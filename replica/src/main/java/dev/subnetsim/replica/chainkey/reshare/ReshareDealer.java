package dev.subnetsim.replica.chainkey.reshare;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.reshare.ReshareSchedule.Reshare;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One source-subnet replica's part in a reshare (outside the replicated state, like the IC's IDKG
 * component): on a subnet that generates its keys through consensus ({@link KeyGeneration}), it
 * first deals every key with its own randomness; once its executed state has reached a scheduled
 * reshare's time and it holds its shares, it deals each key from its own share and gossips the
 * dealings; it checks the dealings peers gossip (attributing
 * invalid ones to their sender) and hands valid ones to its ingress pool so whichever block maker
 * comes next includes them; it withdraws them once the state has them. A Byzantine dealer
 * ({@code corrupt}) deals badly ({@link ReshareContext#badDealing},
 * {@link KeyGeneration#badDealing}).
 */
public final class ReshareDealer {
  private final int self;
  private final String subnet;
  private final ReshareContext context;
  /** This node's shares of the keys it reshares, once it holds them. */
  private final Supplier<Optional<NodeChainKeyShares>> mine;
  private final SeededRandom rng;
  private final boolean corrupt;
  private final TreeMap<Integer, Boolean> dealt = new TreeMap<>();
  /** Proposed items by state record name, to withdraw once executed. */
  private final TreeMap<String, Proposed> proposed = new TreeMap<>();

  private record Proposed(int reshare, byte[] item) {}

  /** What the replica must do after the dealer ran. */
  public record Effects(List<byte[]> broadcast, List<byte[]> propose, List<byte[]> withdraw,
      List<String> rejections) {
    static Effects empty() {
      return new Effects(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>());
    }
  }

  /**
   * @param mine this node's shares of the subnet's keys: at once from a genesis ceremony, or
   *     once it decrypted them from the keys its subnet generated (until then it deals the key
   *     generation, and no reshare)
   */
  public ReshareDealer(int self, String subnet, ReshareContext context,
      Supplier<Optional<NodeChainKeyShares>> mine, SeededRandom rng, boolean corrupt) {
    this.self = self;
    this.subnet = subnet;
    this.context = context;
    this.mine = mine;
    this.rng = rng;
    this.corrupt = corrupt;
  }

  /**
   * After executing a block: deal the subnet's key generation (once, if it generates its keys and
   * they are not complete), deal reshares that have started once this node holds its shares,
   * withdraw what is recorded.
   */
  public Effects afterExecution(ReplicatedState state) {
    Effects effects = Effects.empty();
    Optional<KeyGeneration> generation = context.keyGeneration(subnet);
    if (generation.isPresent() && !ReshareLedger.sent(state, KeyGeneration.INSTANCE)
        && dealt.put(KeyGeneration.INSTANCE, true) == null) {
      for (String keyId : KeyGeneration.keyIds()) {
        SeededRandom keyRng = rng.fork("keygen/" + keyId);
        byte[] dealing = corrupt ? generation.get().badDealing(keyId, self, keyRng)
            : generation.get().deal(keyId, self, keyRng);
        byte[] item = new PayloadItem.ReshareDealing(KeyGeneration.INSTANCE, keyId, self,
            dealing).encode();
        effects.broadcast().add(item);
        propose(KeyGeneration.INSTANCE, item,
            ReshareLedger.dealingRecord(KeyGeneration.INSTANCE, keyId, self), effects);
      }
    }
    Optional<NodeChainKeyShares> shares = mine.get();
    for (Reshare r : context.schedule().from(subnet)) {
      if (state.timeNanos() < r.atNanos() || ReshareLedger.sent(state, r.index())
          || shares.isEmpty() || dealt.put(r.index(), true) != null) {
        continue;
      }
      for (String keyId : r.keyIds()) {
        SeededRandom keyRng = rng.fork("reshare-" + r.index() + "/" + keyId);
        byte[] dealing = corrupt ? context.badDealing(r, keyId, self, shares.get(), keyRng)
            : context.deal(r, keyId, self, shares.get(), keyRng);
        byte[] item = new PayloadItem.ReshareDealing(r.index(), keyId, self, dealing).encode();
        effects.broadcast().add(item);
        propose(r.index(), item, ReshareLedger.dealingRecord(r.index(), keyId, self), effects);
      }
    }
    for (var e : new ArrayList<>(proposed.entrySet())) {
      if (state.keyRecords().containsKey(e.getKey())
          || ReshareLedger.sent(state, e.getValue().reshare())) {
        effects.withdraw().add(e.getValue().item());
        proposed.remove(e.getKey());
      }
    }
    return effects;
  }

  /**
   * Why a gossiped body is refused when it does not decode ({@code why}) or, with null, decodes to
   * another payload item.
   */
  public static String malformed(String why) {
    return why == null ? "gossiped resharing dealing is another payload item"
        : "malformed resharing dealing: " + why;
  }

  /**
   * A peer gossiped a dealing: check it and, if valid, propose it.
   *
   * @param encoded {@code d}'s canonical encoding, proposed as it is (the gossiped body, shared
   *     with the other receivers rather than encoded again by each)
   */
  public Effects onDealing(ReplicatedState state, int senderIndex, PayloadItem.ReshareDealing d,
      byte[] encoded) {
    Effects effects = Effects.empty();
    if (d.dealer() != senderIndex) {
      effects.rejections().add("resharing dealing of dealer " + d.dealer() + " sent by node "
          + senderIndex);
      return effects;
    }
    if (d.reshare() == KeyGeneration.INSTANCE) {
      return onGenerationDealing(state, d, encoded, effects);
    }
    Optional<Reshare> r = context.schedule().get(d.reshare());
    if (r.isEmpty() || !r.get().source().equals(subnet)) {
      effects.rejections().add("resharing dealing for unknown reshare " + d.reshare());
      return effects;
    }
    if (ReshareLedger.sent(state, d.reshare()) || ReshareLedger.recorded(state, d)) {
      return effects;
    }
    Optional<String> invalid = context.check(r.get(), d.keyId(), d.dealer(), d.dealing());
    if (invalid.isPresent()) {
      effects.rejections().add(invalid.get());
      return effects;
    }
    propose(d.reshare(), encoded, ReshareLedger.dealingRecord(d.reshare(), d.keyId(), d.dealer()),
        effects);
    return effects;
  }

  private Effects onGenerationDealing(ReplicatedState state, PayloadItem.ReshareDealing d,
      byte[] encoded, Effects effects) {
    Optional<KeyGeneration> g = context.keyGeneration(subnet);
    if (g.isEmpty()) {
      effects.rejections().add("key-generation dealing on " + subnet
          + ", which generates no keys");
      return effects;
    }
    if (ReshareLedger.sent(state, KeyGeneration.INSTANCE) || ReshareLedger.recorded(state, d)) {
      return effects;
    }
    Optional<String> invalid = g.get().check(d.keyId(), d.dealer(), d.dealing());
    if (invalid.isPresent()) {
      effects.rejections().add(invalid.get());
      return effects;
    }
    propose(KeyGeneration.INSTANCE, encoded,
        ReshareLedger.dealingRecord(KeyGeneration.INSTANCE, d.keyId(), d.dealer()), effects);
    return effects;
  }

  private void propose(int reshare, byte[] item, String record, Effects effects) {
    if (proposed.putIfAbsent(record, new Proposed(reshare, item)) == null) {
      effects.propose().add(item);
    }
  }
}
