package dev.subnetsim.consensus.protocol;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.pool.ConsensusPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Fast Internet Computer Consensus (Albarello, Sliwinski, Vonlanthen and Wattenhofer, "Fast
 * Internet Computer Consensus", arXiv 2312.05869): ICC plus a fast path that finalizes a block one
 * round trip after it is proposed.
 *
 * <p>With n >= 3f + 2p + 1 (by default p = floor((n - 1) / 5), so that n = 5f + 1 gives p = f,
 * the paper's evaluation; {@link #withSlack} sets p, and f is then the largest the size allows):
 *
 * <ul>
 *   <li>A notary's first notarization share at a height is also its <em>vote</em> (signed
 *       separately, so a vote cannot be forged from a share). Honest replicas vote once a
 *       height.
 *   <li>n - p votes on one block finalize it directly (its parent must be final already).
 *   <li>A block is notarized only if it is <em>good</em>: once n - f votes are in, the most voted
 *       block(s) are good; once more than f + p votes are for other blocks than the most voted,
 *       every block is. If block B was fast-finalized, at most p honest and f Byzantine votes are
 *       for other blocks, so B is the only good block everywhere: no conflicting block is ever
 *       notarized, and the slow path (ICC's notarization and n - f finalization shares, which
 *       keeps running) cannot finalize another.
 *   <li>A notary also signs the good block when it is not the lowest rank it has seen, so the
 *       good block gathers n - f shares: the fast path costs the slow path nothing.
 * </ul>
 */
public final class FastIcc implements ConsensusProtocol {
  static final FastIcc INSTANCE = new FastIcc(-1);
  /** Heights below the finalized one that still collect a slow-path finalization. */
  static final long SLOW_PROOF_WINDOW = 10;

  /** p, or -1 for the paper's n = 5f + 1 split: p = floor((n - 1) / 5). */
  private final int slack;

  private FastIcc(int slack) {
    this.slack = slack;
  }

  /** Fast ICC whose fast path completes with up to {@code p} replicas silent. */
  public static FastIcc withSlack(int p) {
    if (p < 0) {
      throw new IllegalArgumentException("the fast path's slack p must be >= 0, got " + p);
    }
    return new FastIcc(p);
  }

  @Override
  public String name() {
    return "fast-icc";
  }

  /** p: the replicas that may be silent or faulty while the fast path still completes. */
  public int fastPathSlack(int n) {
    return slack >= 0 ? slack : (n - 1) / 5;
  }

  /** f of n = 3f + 2p + 1: the largest f with n >= 3f + 2p + 1. */
  @Override
  public int faultBound(int n) {
    return Math.max(0, (n - 1 - 2 * fastPathSlack(n)) / 3);
  }

  /** Votes that finalize a block directly: n - p. */
  public int fastQuorum(int n) {
    return n - fastPathSlack(n);
  }

  @Override
  public Optional<String> unsupported(int n) {
    int p = fastPathSlack(n);
    return n >= 4 + 2 * p ? Optional.empty() : Optional.of("fast-icc with fast-path slack p = "
        + p + " needs n >= 3f + 2p + 1 replicas with f >= 1, i.e. n >= " + (4 + 2 * p)
        + ", got n = " + n);
  }

  @Override
  public boolean votes() {
    return true;
  }

  @Override
  public boolean mayNotarize(ConsensusPool pool, long height, Bytes block) {
    if (height <= pool.finalizedHeight) {
      return true;
    }
    Goodness g = goodness(pool, height);
    return g.all() || g.mostVoted().contains(block);
  }

  /** The most voted block(s) once they alone are good; when every block is, ICC's rule does. */
  @Override
  public List<Bytes> alsoSign(ConsensusPool pool, long height) {
    Goodness g = goodness(pool, height);
    return g.all() ? List.of() : g.mostVoted();
  }

  @Override
  public Optional<FastFinalization> fastFinalization(ConsensusPool pool) {
    long h = pool.finalizedHeight + 1;
    int quorum = fastQuorum(pool.config().n());
    for (var e : pool.fastVotes.getOrDefault(h, new TreeMap<>()).entrySet()) {
      Optional<Block> b = pool.block(h, e.getKey().toArray());
      if (e.getValue().size() >= quorum && b.isPresent()
          && Bytes.of(b.get().parentHash()).equals(pool.finalizedHash)) {
        TreeMap<Integer, byte[]> chosen = new TreeMap<>();
        for (var v : e.getValue().entrySet()) {
          if (chosen.size() < quorum) {
            chosen.put(v.getKey(), v.getValue());
          }
        }
        return Optional.of(new FastFinalization(h, e.getKey(), chosen));
      }
    }
    return Optional.empty();
  }

  @Override
  public long slowPathFloor(ConsensusPool pool) {
    return Math.max(pool.latestCup.height(), pool.finalizedHeight - SLOW_PROOF_WINDOW);
  }

  /**
   * Which blocks at a height are good by the votes a replica holds: all of them, or only the most
   * voted (in hash order; none until n - f votes are in).
   */
  record Goodness(boolean all, List<Bytes> mostVoted) {}

  Goodness goodness(ConsensusPool pool, long height) {
    int n = pool.config().n();
    int f = faultBound(n);
    int p = fastPathSlack(n);
    TreeMap<Bytes, TreeMap<Integer, byte[]>> votes =
        pool.fastVotes.getOrDefault(height, new TreeMap<>());
    int total = 0;
    int most = 0;
    for (TreeMap<Integer, byte[]> v : votes.values()) {
      total += v.size();
      most = Math.max(most, v.size());
    }
    List<Bytes> out = new ArrayList<>();
    if (total - most > f + p) {
      return new Goodness(true, out);
    }
    if (total >= n - f) {
      for (var e : votes.entrySet()) {
        if (e.getValue().size() == most) {
          out.add(e.getKey());
        }
      }
    }
    return new Goodness(false, out);
  }

  @Override
  public String toString() {
    return slack >= 0 ? name() + "(p=" + slack + ")" : name();
  }
}
