package dev.subnetsim.replica.chainkey.presig;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.idkg.IdkgDealer;
import dev.subnetsim.chainkey.idkg.IdkgDealing;
import dev.subnetsim.chainkey.idkg.IdkgParams;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr;
import dev.subnetsim.replica.chainkey.SigningKeys;
import dev.subnetsim.replica.chainkey.presig.PresignatureRecipe.Step;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One signing-subnet replica's part in making presignatures in the background (outside the
 * replicated state, like the IC's IDKG component): after each executed block it deals every
 * transcript of every instance being made whose inputs are built, from its own openings of those
 * inputs, and gossips the dealings; it checks the dealings peers gossip (attributing invalid ones
 * to their sender) and hands valid ones to its ingress pool, so whichever block maker comes next
 * includes them; it withdraws them once the state has them. A Byzantine dealer ({@code corrupt})
 * encrypts garbage to the next node: public verification cannot see it, the receiver finds it
 * when it decrypts, blames the dealer, complains through consensus and recovers its share from
 * the openings its peers answer with ({@link PresignatureSupport}).
 */
public final class PresignatureDealer {
  private final int self;
  private final Presignatures presignatures;
  private final SigningKeys.Node mine;
  private final SeededRandom rng;
  private final boolean corrupt;
  /** This replica's complaints about undecryptable dealings and openings answering others'. */
  private final PresignatureSupport support;
  /** Proposed items by state record name, to withdraw once recorded or no longer needed. */
  private final TreeMap<String, Proposed> proposed = new TreeMap<>();

  private record Proposed(PayloadItem.PresignatureDealing dealing, byte[] item) {
    /** Keeps the dealing without its bytes (whether it is late reads only which one it is). */
    Proposed {
      dealing = new PayloadItem.PresignatureDealing(dealing.keyId(), dealing.instance(),
          dealing.transcript(), dealing.dealer(), new byte[0]);
    }
  }

  /** Valid-looking dealings for instances or inputs this replica has not executed yet. */
  private final List<Early> early = new ArrayList<>();
  private static final int MAX_EARLY = 4096;
  /** Blocks an early dealing is retried for before it is dropped. */
  private static final int EARLY_RETRIES = 64;

  private record Early(int sender, PayloadItem.PresignatureDealing dealing, byte[] encoded,
      int retries) {}

  /** What the replica must do after the dealer ran; rejections by the index of the node blamed. */
  public record Effects(List<byte[]> broadcast, List<byte[]> propose, List<byte[]> withdraw,
      List<Blame> rejections) {
    static Effects empty() {
      return new Effects(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>());
    }
  }

  /** A fault of node {@code node} (committee index). */
  public record Blame(int node, String reason) {}

  public PresignatureDealer(int self, Presignatures presignatures, SigningKeys.Node mine,
      SeededRandom rng, boolean corrupt) {
    this.self = self;
    this.presignatures = presignatures;
    this.mine = mine;
    this.rng = rng;
    this.corrupt = corrupt;
    this.support = new PresignatureSupport(self, presignatures, mine.presignatureShares(),
        rng.fork("support"));
  }

  /** After executing a block: deal what can be dealt, withdraw what is recorded. */
  public Effects afterExecution(ReplicatedState state) {
    Effects effects = Effects.empty();
    for (String keyId : presignatures.keyIds()) {
      if (!presignatures.refills(keyId)) {
        continue;
      }
      for (long instance : presignatures.building(state, keyId)) {
        for (Step step : PresignatureRecipe.of(keyId).steps()) {
          deal(state, keyId, instance, step, effects);
        }
      }
    }
    for (var e : new ArrayList<>(proposed.entrySet())) {
      PayloadItem.PresignatureDealing d = e.getValue().dealing();
      if (presignatures.late(state, d)) {
        effects.withdraw().add(e.getValue().item());
        proposed.remove(e.getKey());
      }
    }
    List<Early> retry = new ArrayList<>(early);
    early.clear();
    for (Early e : retry) {
      receive(state, e.sender(), e.dealing(), e.encoded(), e.retries() + 1, effects);
    }
    support.afterExecution(state, effects);
    return effects;
  }

  private void deal(ReplicatedState state, String keyId, long instance, Step step,
      Effects effects) {
    if (presignatures.isBuilt(state, keyId, instance, step.name())
        || presignatures.hasDealing(state, keyId, instance, step.name(), self)
        || proposed.containsKey(PresignatureInstances.dealingRecord(keyId, instance, step.name(), self))) {
      return; // done, or dealt and proposed (withdrawn only once late)
    }
    Optional<IdkgParams> p = presignatures.params(state, keyId, instance, step.name());
    if (p.isEmpty()) {
      return;
    }
    List<CommitmentOpening> sources = new ArrayList<>();
    for (String input : step.inputs()) {
      Optional<CommitmentOpening> o = input.equals(Step.KEY) ? keyOpening(keyId)
          : mine.presignatureShares().opening(state, presignatures, keyId, instance, input);
      if (o.isEmpty()) {
        return; // no share of an input: this node cannot deal this transcript
      }
      sources.add(o.get());
    }
    IdkgDealing d = IdkgDealer.deal(p.get(), self, sources, rng.fork(p.get().transcriptId()));
    if (corrupt) {
      d = garbleFor((self + 1) % presignatures.committeeSize(), d);
    }
    var item = new PayloadItem.PresignatureDealing(keyId, instance, step.name(), self,
        d.toBytes());
    byte[] bytes = item.encode();
    effects.broadcast().add(bytes);
    propose(item, bytes, effects);
  }

  private Optional<CommitmentOpening> keyOpening(String keyId) {
    String name = keyId.substring(keyId.indexOf('/') + 1);
    return Optional.ofNullable(keyId.startsWith("ecdsa/")
        ? mine.ecdsaKeys().get(EcCurve.valueOf(name))
        : mine.schnorrKeys().get(ThresholdSchnorr.Algorithm.valueOf(name.toUpperCase(Locale.ROOT))));
  }

  private static IdkgDealing garbleFor(int victim, IdkgDealing d) {
    TreeMap<Integer, EcScalar[]> ciphertexts = new TreeMap<>(d.ciphertexts());
    EcScalar[] c = ciphertexts.get(victim).clone();
    c[0] = c[0].add(EcScalar.one(c[0].curve()));
    ciphertexts.put(victim, c);
    return new IdkgDealing(d.transcriptId(), d.dealer(), d.commitment(), d.ephemeral(),
        ciphertexts, d.proof());
  }

  /**
   * A peer gossiped a dealing: check it and, if valid and still needed, propose it.
   *
   * @param encoded {@code d}'s canonical encoding, proposed as it is (the gossiped body, shared
   *     with the other receivers rather than encoded again by each)
   */
  public Effects onDealing(ReplicatedState state, int sender, PayloadItem.PresignatureDealing d,
      byte[] encoded) {
    Effects effects = Effects.empty();
    receive(state, sender, d, encoded, 0, effects);
    return effects;
  }

  /**
   * Why a gossiped body is refused when it does not decode ({@code why}) or, with null, decodes to
   * another payload item.
   */
  public static String malformed(String why) {
    return why == null ? "gossiped presignature dealing is another payload item"
        : "malformed presignature dealing: " + why;
  }

  private void receive(ReplicatedState state, int sender, PayloadItem.PresignatureDealing d,
      byte[] encoded, int retries, Effects effects) {
    if (d.dealer() != sender) {
      effects.rejections().add(new Blame(sender, "presignature dealing of dealer " + d.dealer()
          + " sent by node " + sender));
      return;
    }
    boolean unopened = presignatures.refusal(state, d).isPresent();
    if (!unopened && presignatures.late(state, d)) {
      return;
    }
    Optional<IdkgParams> p = unopened ? Optional.empty()
        : presignatures.params(state, d.keyId(), d.instance(), d.transcript());
    if (p.isEmpty()) {
      // For an instance this replica has not opened, or inputs it has not built yet (it lags):
      // kept for later; whether it can ever be valid is decided by the block that includes it.
      if (retries < EARLY_RETRIES && early.size() < MAX_EARLY) {
        early.add(new Early(sender, d, encoded, retries));
      }
      return;
    }
    Optional<String> invalid = presignatures.check(p.get(), d.dealer(), d.dealing());
    if (invalid.isPresent()) {
      effects.rejections().add(new Blame(sender, invalid.get()));
      return;
    }
    propose(d, encoded, effects);
  }

  private void propose(PayloadItem.PresignatureDealing d, byte[] item, Effects effects) {
    String record = PresignatureInstances.dealingRecord(d.keyId(), d.instance(), d.transcript(),
        d.dealer());
    if (proposed.putIfAbsent(record, new Proposed(d, item)) == null) {
      effects.propose().add(item);
    }
  }
}
