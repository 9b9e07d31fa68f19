package dev.subnetsim.replica.chainkey;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.chainkey.schemes.ChainKeyScheme;
import dev.subnetsim.replica.cpu.CpuOp;
import dev.subnetsim.replica.cpu.CpuWork;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ChainKeyRequest;
import dev.subnetsim.replica.state.ReplicatedState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One replica's part in answering chain-key requests (outside the replicated state: each replica
 * does this on its own): for every request pending in its executed state it makes its share and
 * gossips it; it verifies the shares it receives (attributing invalid ones to their senders); once
 * it holds a threshold of valid shares it hands a {@link PayloadItem.ChainKeyResponse} to its
 * ingress pool so the next block it proposes carries it. Shares for requests it has not executed
 * yet are buffered (bounded) until it has.
 */
public final class ChainKeyWorker {
  private static final int MAX_EARLY_SHARES = 4096;

  private final int self;
  private final int committeeSize;
  private final NodeChainKeyShares shares;
  private final Map<String, ChainKeyScheme> schemes;
  private final ShareVerifier verifier;
  private final SeededRandom rng;
  /** This replica's work: the shares it makes and verifies. */
  private final CpuWork work;
  private final TreeSet<Long> shared = new TreeSet<>();
  private final TreeMap<Long, TreeMap<Integer, byte[]>> valid = new TreeMap<>();
  private final TreeMap<Long, byte[]> submitted = new TreeMap<>();
  private final List<ChainKeyShareMessage> early = new ArrayList<>();

  /** What the replica must do after the worker ran. */
  public record Effects(List<ChainKeyShareMessage> broadcast, List<byte[]> propose,
      List<byte[]> withdraw, List<Rejection> rejections) {}

  /** A share that failed verification, attributed to its signer's committee index. */
  public record Rejection(int signer, String reason) {}

  public ChainKeyWorker(int self, int committeeSize, NodeChainKeyShares shares,
      Map<String, ChainKeyScheme> schemes, ShareVerifier verifier, SeededRandom rng,
      CpuWork work) {
    this.self = self;
    this.work = work;
    this.committeeSize = committeeSize;
    this.shares = shares;
    this.schemes = schemes;
    this.verifier = verifier;
    this.rng = rng;
  }

  /**
   * After executing a block: forgets answered requests and makes this replica's shares of new
   * ones, to gossip ({@link Effects#broadcast}); hand them back, as gossiped, to
   * {@link #acceptOwn}.
   */
  public Effects afterExecution(ReplicatedState state) {
    Effects effects = new Effects(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>());
    SortedMap<Long, ChainKeyRequest> pending = state.chainKeyRequests();
    for (Long answered : new ArrayList<>(valid.keySet())) {
      if (!pending.containsKey(answered)) {
        valid.remove(answered);
        byte[] item = submitted.remove(answered);
        if (item != null) {
          effects.withdraw().add(item);
        }
      }
    }
    shared.removeIf(id -> !pending.containsKey(id));
    for (ChainKeyRequest r : pending.values()) {
      ChainKeyScheme scheme = schemes.get(r.method());
      if (scheme.ready(r) && shared.add(r.id())) {
        byte[] share;
        work.add(CpuOp.signShare(r.method()), 1);
        try {
          share = scheme.createShare(state, r, shares, rng.fork("share/" + r.id()));
        } catch (IllegalStateException e) {
          continue; // no share of its presignature (a dealer cheated us): the others sign
        }
        effects.broadcast().add(new ChainKeyShareMessage(r.id(), self, share));
      }
    }
    return effects;
  }

  /**
   * This replica's own shares as it gossiped them (a Byzantine replica's may not verify): counted
   * like a peer's; then the shares buffered for requests not executed yet are retried.
   */
  public Effects acceptOwn(ReplicatedState state, List<ChainKeyShareMessage> sent) {
    Effects effects = new Effects(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>());
    sent.forEach(m -> accept(state, m, effects));
    List<ChainKeyShareMessage> retry = new ArrayList<>(early);
    early.clear();
    retry.forEach(m -> receive(state, m, effects));
    return effects;
  }

  /** A peer's share arrived. */
  public Effects onShare(ReplicatedState state, ChainKeyShareMessage m) {
    Effects effects = new Effects(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>());
    receive(state, m, effects);
    return effects;
  }

  private void receive(ReplicatedState state, ChainKeyShareMessage m, Effects effects) {
    if (m.signer() < 0 || m.signer() >= committeeSize) {
      effects.rejections().add(new Rejection(m.signer(),
          "chain-key share from unknown signer index " + m.signer()));
      return;
    }
    ChainKeyRequest pending = state.chainKeyRequests().get(m.requestId());
    if (pending == null || !schemes.get(pending.method()).ready(pending)) {
      if ((pending != null || m.requestId() >= state.nextIdPeek())
          && early.size() < MAX_EARLY_SHARES) {
        // For a request this replica has not executed yet, or not yet matched to a presignature.
        early.add(m);
      }
      return;
    }
    accept(state, m, effects);
  }

  private void accept(ReplicatedState state, ChainKeyShareMessage m, Effects effects) {
    ChainKeyRequest r = state.chainKeyRequests().get(m.requestId());
    TreeMap<Integer, byte[]> mine = valid.computeIfAbsent(r.id(), k -> new TreeMap<>());
    if (mine.containsKey(m.signer()) || submitted.containsKey(r.id())) {
      return;
    }
    ChainKeyScheme scheme = schemes.get(r.method());
    work.add(CpuOp.verifyShare(r.method()), 1);
    if (!verifier.verify(state, scheme, r, m.signer(), m.share())) {
      effects.rejections().add(new Rejection(m.signer(), "invalid " + r.method()
          + " share of node " + m.signer() + " for request " + r.id()));
      return;
    }
    mine.put(m.signer(), m.share());
    if (mine.size() >= scheme.threshold()) {
      TreeMap<Integer, byte[]> chosen = new TreeMap<>();
      for (var e : mine.entrySet()) {
        if (chosen.size() < scheme.threshold()) {
          chosen.put(e.getKey(), e.getValue());
        }
      }
      byte[] item = new PayloadItem.ChainKeyResponse(r.id(), chosen).encode();
      submitted.put(r.id(), item);
      effects.propose().add(item);
    }
  }
}
