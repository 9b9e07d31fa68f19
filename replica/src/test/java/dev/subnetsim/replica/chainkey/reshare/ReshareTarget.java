package dev.subnetsim.replica.chainkey.reshare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import dev.subnetsim.replica.chainkey.presig.RefillPolicy;
import dev.subnetsim.replica.chainkey.reshare.ReshareSchedule.Reshare;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.xnet.StreamMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A 4-node root resharing to a 7-node target as the replicated state machines and the target's
 * replicas do it: the root's ledger collects dealings and streams them, the target's ledger
 * installs them, and each target replica's {@link ReshareReceiver} (holding only its own key)
 * decrypts, complains and opens; its proposed items are executed in the next "block".
 */
final class ReshareTarget {
  static final long S = 1_000_000_000L;
  final SeededRandom rng;
  final ChainKeyGenesis root;
  final List<NodeEncryptionKey> own;
  final Reshare reshare = new Reshare(0, 5 * S, "root", "signing", List.of(ReshareKey.values()));
  final ReshareContext context;
  final ReshareLedger rootLedger;
  final InstalledChainKeys installed;
  final ReshareLedger ledger;
  final ReplicatedState state = new ReplicatedState();
  final ReshareReceiver[] receivers = new ReshareReceiver[7];

  ReshareTarget(long seed) {
    rng = SeededRandom.fromSeed(seed);
    root = ChainKeyGenesis.generate("root", 4, 0, 0, rng.fork("root"));
    own = NodeEncryptionKeys.generate(7, rng.fork("enc"));
    context = new ReshareContext(new ReshareSchedule(List.of(reshare)),
        java.util.Map.of("root", root), java.util.Map.of("signing", new NodeEncryptionKeys(own)));
    rootLedger = new ReshareLedger("root", context);
    installed = new InstalledChainKeys("signing", context, 1, 1, RefillPolicy.DEFAULT);
    ledger = new ReshareLedger("signing", context, new InstalledComplaints(installed));
    for (int i = 0; i < 7; i++) {
      receivers[i] = receiver(i, 0);
    }
    state.advance(1, 6 * S);
  }

  /** Node {@code i}'s receiver in incarnation {@code incarnation} (a restart makes a fresh one). */
  ReshareReceiver receiver(int i, int incarnation) {
    return new ReshareReceiver(own.get(i), installed,
        rng.fork("receiver/" + i + "/" + incarnation));
  }

  PayloadItem.ReshareDealing dealing(int dealer, String keyId) {
    return new PayloadItem.ReshareDealing(0, keyId, dealer, context.deal(reshare, keyId, dealer,
        root.shares().get(dealer), rng.fork("deal-" + dealer + "-" + keyId)));
  }

  /** Root dealer 0 encrypts garbage to target node 0 in every EC key. */
  PayloadItem.ReshareDealing cheating(int dealer, String keyId) {
    return dealer == 0 && !keyId.equals(ReshareKey.VETKD_ID)
        ? new PayloadItem.ReshareDealing(0, keyId, 0, context.badDealing(reshare, keyId, 0,
            root.shares().get(0), rng.fork("bad-" + keyId)))
        : dealing(dealer, keyId);
  }

  /**
   * Root dealer 0's vetKD dealing with a garbage ciphertext for target node 0 (public
   * verification cannot see it: the commitment is honest); every other dealing honest.
   */
  PayloadItem.ReshareDealing garbageVetKd(int dealer, String keyId) {
    if (dealer != 0 || !keyId.equals(ReshareKey.VETKD_ID)) {
      return dealing(dealer, keyId);
    }
    Dealing honest = Dealing.fromBytes(dealing(0, keyId).dealing());
    List<Scalar> ciphertexts = new ArrayList<>(honest.ciphertexts());
    ciphertexts.set(0, ciphertexts.get(0).add(Scalar.ONE));
    return new PayloadItem.ReshareDealing(0, keyId, 0, new Dealing(0, honest.commitment(),
        honest.ephemeralKey(), ciphertexts).toBytes());
  }

  /** Every root dealer's dealings executed and installed, dealer 0's vetKD one garbled for node 0. */
  ReshareTarget installedWithGarbageVetKd() {
    return installed(this::garbageVetKd);
  }

  /** Every root dealer's dealings (honest, or with dealer 0 cheating) executed and installed. */
  ReshareTarget installed(boolean dealer0Cheats) {
    return installed((dealer, keyId) -> dealer0Cheats ? cheating(dealer, keyId)
        : dealing(dealer, keyId));
  }

  /** Every root dealer's dealings, as {@code deal} makes them, executed and installed. */
  ReshareTarget installed(BiFunction<Integer, String, PayloadItem.ReshareDealing> deal) {
    ReplicatedState rootState = new ReplicatedState();
    rootState.advance(1, 5 * S);
    for (int dealer = 0; dealer < 4; dealer++) {
      for (String keyId : reshare.keyIds()) {
        assertThat(rootLedger.onDealing(rootState, deal.apply(dealer, keyId))).isEmpty();
      }
    }
    var m = (StreamMessage.KeysReshared) StreamMessage.decode(
        rootState.streams().get("signing").firstEntry().getValue());
    assertThat(ledger.onKeysReshared(state, "root", m)).isEmpty();
    return this;
  }

  /** Executes a payload item as block execution would; returns its rejection, if any. */
  Optional<String> execute(byte[] item) {
    PayloadItem decoded = PayloadItem.decode(item);
    if (decoded instanceof PayloadItem.ReshareComplaint c) {
      return ledger.onComplaint(state, c);
    }
    return ledger.onOpening(state, (PayloadItem.ReshareOpening) decoded);
  }

  /**
   * One block: the replicas in {@code up} run after execution, then the items they proposed are
   * executed (each must be accepted); returns the effects by node.
   */
  List<ReshareReceiver.Effects> block(Set<Integer> up) {
    List<ReshareReceiver.Effects> effects = new ArrayList<>();
    List<byte[]> proposed = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ReshareReceiver.Effects e = up.contains(i) ? receivers[i].afterExecution(state) : null;
      effects.add(e);
      if (e != null) {
        proposed.addAll(e.propose());
      }
    }
    proposed.forEach(item -> assertThat(execute(item)).isEmpty());
    return effects;
  }

  static Set<Integer> all() {
    return Set.of(0, 1, 2, 3, 4, 5, 6);
  }
}
