package dev.subnetsim.replica.chainkey.reshare;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.presig.RefillPolicy;
import dev.subnetsim.replica.chainkey.reshare.ReshareSchedule.Reshare;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A 4-node key holder generating its chain keys through its consensus, as its replicas and its
 * block execution do it: each replica's {@link ReshareDealer} deals every key (node 3 badly when
 * asked), each replica's {@link ReshareReceiver} holds only its own encryption key, and the items
 * the replicas propose are executed by the holder's ledger in the next "block". The holder
 * reshares ECDSA and vetKD to a 4-node signing subnet at time 0, which may start only once it
 * holds the keys.
 */
final class GeneratingHolder {
  static final int N = 4;
  final SeededRandom rng;
  final List<NodeEncryptionKey> own;
  final List<NodeEncryptionKey> signingKeys;
  final KeyGeneration generation;
  final Reshare reshare = new Reshare(0, 0, "root", "signing",
      List.of(ReshareKey.ECDSA, ReshareKey.VETKD));
  final ReshareContext context;
  final InstalledChainKeys installed;
  final ReshareLedger ledger;
  final ReplicatedState state = new ReplicatedState();
  final ReshareReceiver[] receivers = new ReshareReceiver[N];
  final ReshareDealer[] dealers = new ReshareDealer[N];
  /** Every rejection block execution returned, in order. */
  final List<String> rejected = new ArrayList<>();
  /** What a faulty network or block maker does to each proposed item before it is executed. */
  UnaryOperator<byte[]> tamper = UnaryOperator.identity();
  private long height;

  GeneratingHolder(long seed, Set<Integer> corrupt) {
    rng = SeededRandom.fromSeed(seed);
    own = NodeEncryptionKeys.generate(N, rng.fork("enc"));
    signingKeys = NodeEncryptionKeys.generate(N, rng.fork("signing-enc"));
    generation = new KeyGeneration("root", new NodeEncryptionKeys(own));
    context = new ReshareContext(new ReshareSchedule(List.of(reshare)), Map.of(),
        Map.of("root", generation), Map.of("signing", new NodeEncryptionKeys(signingKeys)));
    installed = new InstalledChainKeys("root", context, 0, 0, RefillPolicy.DEFAULT);
    ledger = new ReshareLedger("root", context, new InstalledComplaints(installed));
    for (int i = 0; i < N; i++) {
      receivers[i] = receiver(i, 0);
      ReshareReceiver mine = receivers[i];
      dealers[i] = new ReshareDealer(i, "root", context, mine::shares,
          rng.fork("dealer/" + i), corrupt.contains(i));
    }
  }

  /** Node {@code i}'s receiver in incarnation {@code incarnation} (a restart makes a fresh one). */
  ReshareReceiver receiver(int i, int incarnation) {
    return new ReshareReceiver(own.get(i), installed,
        rng.fork("receiver/" + i + "/" + incarnation));
  }

  /** Executes a payload item as block execution would; returns its rejection, if any. */
  Optional<String> execute(byte[] item) {
    PayloadItem decoded = PayloadItem.decode(item);
    Optional<String> r;
    if (decoded instanceof PayloadItem.ReshareDealing d) {
      r = ledger.onDealing(state, d);
    } else if (decoded instanceof PayloadItem.ReshareComplaint c) {
      r = ledger.onComplaint(state, c);
    } else {
      r = ledger.onOpening(state, (PayloadItem.ReshareOpening) decoded);
    }
    r.ifPresent(rejected::add);
    return r;
  }

  /** What each replica did after one block, by node (null for a node that is down). */
  record Block(List<ReshareReceiver.Effects> received, List<ReshareDealer.Effects> dealt,
      List<byte[]> executed) {}

  /**
   * One block: the replicas in {@code up} run their receiver and then their dealer after
   * execution, then everything they proposed is executed, in node order.
   */
  Block block(Set<Integer> up) {
    state.advance(++height, height * 1_000_000_000L);
    List<ReshareReceiver.Effects> received = new ArrayList<>();
    List<ReshareDealer.Effects> dealt = new ArrayList<>();
    List<byte[]> proposed = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      ReshareReceiver.Effects r = up.contains(i) ? receivers[i].afterExecution(state) : null;
      ReshareDealer.Effects d = up.contains(i) ? dealers[i].afterExecution(state) : null;
      received.add(r);
      dealt.add(d);
      if (r != null) {
        proposed.addAll(r.propose());
      }
      if (d != null) {
        proposed.addAll(d.propose());
      }
    }
    proposed.replaceAll(tamper);
    proposed.forEach(this::execute);
    return new Block(received, dealt, proposed);
  }

  /** Node i's shares once its receiver holds them. */
  Optional<NodeChainKeyShares> shares(int i) {
    return receivers[i].shares();
  }

  static Set<Integer> all() {
    return Set.of(0, 1, 2, 3);
  }
}
