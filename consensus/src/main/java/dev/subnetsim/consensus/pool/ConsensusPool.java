package dev.subnetsim.consensus.pool;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.EquivocationProof;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Notarization;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One replica's validated artifacts by height, plus what it has itself signed (so it never signs
 * twice what it must sign once). Everything is in sorted maps: iteration order is canonical.
 * Roles read it and propose changes; {@code ConsensusNode} applies them.
 */
public final class ConsensusPool {
  /**
   * How far above the finalized height artifacts are admitted. The IC's notary stops notarizing
   * once it is 70 heights ahead of the certified height (its notarization/certification gap), so
   * no honest artifact lies further ahead of a replica that keeps up; one that lags further
   * catches up through a CUP. Anything farther is dropped unstored, so a Byzantine signer cannot
   * grow the pool with far-future shares.
   */
  public static final long LOOKAHEAD = 70;

  final ConsensusConfig config;

  public final TreeMap<Long, byte[]> beacons = new TreeMap<>();
  public final TreeMap<Long, TreeMap<Integer, byte[]>> beaconShares = new TreeMap<>();
  /** Valid proposals by height, then block hash. */
  public final TreeMap<Long, TreeMap<Bytes, BlockProposal>> proposals = new TreeMap<>();
  public final TreeMap<Long, TreeSet<Integer>> disqualified = new TreeMap<>();
  public final TreeMap<Long, TreeMap<Bytes, TreeMap<Integer, byte[]>>> notarizationShares =
      new TreeMap<>();
  public final TreeMap<Long, TreeMap<Bytes, Notarization>> notarizations = new TreeMap<>();
  public final TreeMap<Long, TreeMap<Bytes, TreeMap<Integer, byte[]>>> finalizationShares =
      new TreeMap<>();
  public final TreeMap<Long, Finalization> finalizations = new TreeMap<>();
  /**
   * Fast-path votes by height, then block hash, then signer: one vote per signer and height (the
   * first that validated; an honest replica votes once).
   */
  public final TreeMap<Long, TreeMap<Bytes, TreeMap<Integer, byte[]>>> fastVotes =
      new TreeMap<>();
  /** Blocks the fast path finalized, by height, awaiting the chain finalizer. */
  public final TreeMap<Long, Bytes> fastFinalized = new TreeMap<>();
  public final TreeMap<Long, TreeMap<Bytes, TreeMap<Integer, byte[]>>> certificationShares =
      new TreeMap<>();
  public final TreeMap<Long, Certification> certifications = new TreeMap<>();
  /** Shares of catch-up package signatures by height, then content hash, then signer. */
  public final TreeMap<Long, TreeMap<Bytes, TreeMap<Integer, byte[]>>> cupShares =
      new TreeMap<>();
  /** CUP contents this replica signed a share of, not yet signed by the subnet, by height. */
  public final TreeMap<Long, UnsignedCup> unsignedCups = new TreeMap<>();
  /** Finalized blocks in height order (kept from the latest CUP on, for catch-up responses). */
  public final TreeMap<Long, Block> finalizedBlocks = new TreeMap<>();
  /** Blocks learned from a catch-up response (final by their verified finalizations). */
  public final TreeMap<Long, TreeMap<Bytes, Block>> catchUpBlocks = new TreeMap<>();
  /** Equivocation proofs by height, then proposer (one each: the first disqualifies). */
  public final TreeMap<Long, TreeMap<Integer, EquivocationProof>> equivocations = new TreeMap<>();
  /** Equivocation proofs accepted since start, purged ones included. */
  public long equivocationsSeen;
  public final TreeMap<Long, Long> roundStart = new TreeMap<>();

  // What this replica signed itself.
  public final TreeSet<Long> myBeaconShares = new TreeSet<>();
  public final TreeSet<Long> myProposals = new TreeSet<>();
  public final TreeMap<Long, TreeSet<Bytes>> myNotarizationShares = new TreeMap<>();
  public final TreeSet<Long> myFinalizationShares = new TreeSet<>();
  public final TreeSet<Long> myCertificationShares = new TreeSet<>();
  /** Executed heights and their state roots (input from execution). */
  public final TreeMap<Long, Bytes> stateRoots = new TreeMap<>();
  /** The highest executed height (the start CUP's until execution reports one). */
  public long executedHeight;

  /** A CUP's content and its hash, awaiting n-f shares (cleared by the aggregator once signed). */
  public record UnsignedCup(CatchUpPackage content, byte[] contentHash) {
    /** The key of its shares in {@link #cupShares}. */
    public Bytes key() {
      return Bytes.of(contentHash);
    }
  }

  public long finalizedHeight;
  public Bytes finalizedHash;
  public CatchUpPackage latestCup;

  public ConsensusPool(ConsensusConfig config, CatchUpPackage start) {
    this.config = config;
    this.latestCup = start;
    this.finalizedHeight = start.height();
    this.finalizedHash = Bytes.of(start.blockHash());
    this.executedHeight = start.height();
    beacons.put(start.height(), start.beaconSignature().clone());
    roundStart.put(start.height(), 0L);
  }

  public ConsensusConfig config() {
    return config;
  }

  /** Whether an artifact of {@code height} is within {@link #LOOKAHEAD} of the finalized height. */
  public boolean withinLookahead(long height) {
    return height <= finalizedHeight + LOOKAHEAD;
  }

  /**
   * The most blocks one signer's shares (or one proposer's proposals) are kept for at a height:
   * an honest notary signs blocks of ever lower rank, at most two per rank (an equivocating
   * maker's pair), so 2n covers every honest pattern and bounds what a Byzantine signer adds.
   */
  public int perSignerLimit() {
    return 2 * config.n();
  }

  /** How many blocks at one height {@code signer} has shares on, in a shares-by-block map. */
  public static int blocksSignedBy(TreeMap<Bytes, TreeMap<Integer, byte[]>> byBlock, int signer) {
    int count = 0;
    for (TreeMap<Integer, byte[]> shares : byBlock.values()) {
      if (shares.containsKey(signer)) {
        count++;
      }
    }
    return count;
  }

  /** Execution finished {@code height} with this state root. */
  public void recordExecuted(long height, byte[] stateRoot) {
    stateRoots.put(height, Bytes.of(stateRoot));
    executedHeight = Math.max(executedHeight, height);
  }

  /**
   * How many artifacts the pool holds (shares, blocks, signatures, proofs and own records), for
   * checking that it stays bounded.
   */
  public int artifactCount() {
    int count = beacons.size() + finalizations.size() + fastFinalized.size()
        + certifications.size() + roundStart.size()
        + finalizedBlocks.size() + stateRoots.size() + unsignedCups.size() + myBeaconShares.size()
        + myProposals.size() + myFinalizationShares.size() + myCertificationShares.size();
    for (TreeMap<Integer, byte[]> shares : beaconShares.values()) {
      count += shares.size();
    }
    for (TreeMap<Long, ? extends TreeMap<Bytes, TreeMap<Integer, byte[]>>> m : List.of(
        notarizationShares, fastVotes, finalizationShares, certificationShares, cupShares)) {
      for (TreeMap<Bytes, TreeMap<Integer, byte[]>> byKey : m.values()) {
        for (TreeMap<Integer, byte[]> shares : byKey.values()) {
          count += shares.size();
        }
      }
    }
    for (TreeMap<Long, ? extends Map<?, ?>> m : List.of(proposals, notarizations, catchUpBlocks,
        equivocations)) {
      for (Map<?, ?> byKey : m.values()) {
        count += byKey.size();
      }
    }
    for (TreeSet<Integer> s : disqualified.values()) {
      count += s.size();
    }
    for (TreeSet<Bytes> s : myNotarizationShares.values()) {
      count += s.size();
    }
    return count;
  }

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The highest height with a notarized block whose chain reaches the finalized tip. */
  public long notarizedHeight() {
    long h = finalizedHeight;
    while (notarizations.containsKey(h + 1)) {
      h++;
    }
    return h;
  }

  /** Whether the block with this hash at this height is notarized (or the finalized tip/CUP). */
  public boolean isNotarized(long height, byte[] hash) {
    Bytes id = Bytes.of(hash);
    if (height == finalizedHeight && id.equals(finalizedHash)) {
      return true;
    }
    if (height < finalizedHeight) {
      Block b = finalizedBlocks.get(height);
      return b != null && b.id().equals(id);
    }
    return notarizations.getOrDefault(height, new TreeMap<>()).containsKey(id);
  }

  public Optional<byte[]> beacon(long height) {
    return Optional.ofNullable(beacons.get(height));
  }

  /**
   * The rank of every committee index at {@code height}: a permutation derived from the random
   * beacon of that height (lower is better), as ICC ranks block makers.
   */
  public List<Integer> ranking(long height) {
    byte[] beacon = beacons.get(height);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < config.n(); i++) {
      order.add(i);
    }
    Map<Integer, Bytes> keys = new TreeMap<>();
    for (int i : order) {
      byte[] in = new byte[beacon.length + 4];
      System.arraycopy(beacon, 0, in, 0, beacon.length);
      in[beacon.length] = (byte) (i >>> 24);
      in[beacon.length + 1] = (byte) (i >>> 16);
      in[beacon.length + 2] = (byte) (i >>> 8);
      in[beacon.length + 3] = (byte) i;
      keys.put(i, Bytes.of(sha256(in)));
    }
    order.sort(Comparator.comparing(keys::get));
    return order;
  }

  public int rankOf(long height, int index) {
    return ranking(height).indexOf(index);
  }

  /** Valid, not disqualified proposals at a height, lowest rank first. */
  public List<BlockProposal> candidates(long height) {
    Set<Integer> bad = disqualified.getOrDefault(height, new TreeSet<>());
    List<BlockProposal> out = new ArrayList<>();
    for (BlockProposal p : proposals.getOrDefault(height, new TreeMap<>()).values()) {
      if (!bad.contains(p.block().proposer())) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparingInt((BlockProposal p) -> p.block().rank())
        .thenComparing(p -> p.block().id()));
    return out;
  }

  public Optional<Block> block(long height, byte[] hash) {
    Bytes id = Bytes.of(hash);
    if (height <= finalizedHeight) {
      Block b = finalizedBlocks.get(height);
      return b != null && b.id().equals(id) ? Optional.of(b) : Optional.empty();
    }
    BlockProposal p = proposals.getOrDefault(height, new TreeMap<>()).get(id);
    if (p != null) {
      return Optional.of(p.block());
    }
    return Optional.ofNullable(catchUpBlocks.getOrDefault(height, new TreeMap<>()).get(id));
  }

  /** Drops artifacts of heights below {@code height} (the purger's work). */
  public void purgeBelow(long height) {
    for (TreeMap<Long, ?> m : List.<TreeMap<Long, ?>>of(beaconShares, proposals, catchUpBlocks, disqualified,
        notarizationShares, fastVotes, fastFinalized, notarizations, finalizationShares,
        certificationShares, myNotarizationShares, roundStart, equivocations)) {
      m.headMap(height).clear();
    }
    beacons.headMap(height - 1).clear();
    finalizations.headMap(height).clear();
    certifications.headMap(height).clear();
    stateRoots.headMap(height).clear();
    myBeaconShares.headSet(height).clear();
    myProposals.headSet(height).clear();
    myFinalizationShares.headSet(height).clear();
    myCertificationShares.headSet(height).clear();
  }
}
