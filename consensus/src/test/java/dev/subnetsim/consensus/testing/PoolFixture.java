package dev.subnetsim.consensus.testing;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BeaconShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CertificationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.FinalizationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Notarization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.crypto.GenesisKeys;
import dev.subnetsim.consensus.crypto.NodeSecrets;
import dev.subnetsim.consensus.crypto.VerificationCache;
import dev.subnetsim.consensus.dkg.SubnetDkg;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.roles.NodeContext;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A seeded test-data builder for the consensus roles: a committee of n nodes with real BLS keys
 * from a seeded genesis DKG ({@link GenesisKeys}), one node's ({@link #self}) pool started from
 * the genesis CUP, and helpers that put artifacts into that pool at a height: a beacon, a
 * correctly ranked and signed proposal, a notarization or finalization aggregated from a quorum of
 * the committee's shares. Everything is a function of the seed, so a test's pool is the same on
 * every run. Roles are then called directly on {@link #pool()} with {@link #node()}.
 *
 * <p>Artifacts are inserted the way the validator would insert them (the pool's public maps), not
 * validated: a role test pins the role, a validator test feeds the same artifacts to the
 * validator instead.
 */
public final class PoolFixture {
  public static final long MS = 1_000_000L;
  /** The unit delay of the fixture's config; the initial notary delay is 3/10 of it. */
  public static final long UNIT = 100 * MS;

  private final ConsensusConfig config;
  private final GenesisKeys keys;
  private final ConsensusCrypto crypto;
  private final int self;
  private final ConsensusPool pool;
  private final NodeContext node;

  private PoolFixture(Builder b) {
    List<NodeId> committee = new ArrayList<>();
    for (int i = 0; i < b.n; i++) {
      committee.add(new NodeId(i));
    }
    config = new ConsensusConfig(new SubnetId("fixture"), committee, UNIT, UNIT * 3 / 10,
        b.maxIngressPerBlock, b.cupInterval, b.dkgInterval);
    keys = GenesisKeys.generate("fixture", b.n, SeededRandom.fromSeed(b.seed));
    crypto = new ConsensusCrypto(keys.publicKeys(),
        b.sharedCache ? VerificationCache.shared() : VerificationCache.disabled(), b.mode);
    self = b.self;
    pool = new ConsensusPool(config, ConsensusNode.genesis(config));
    node = context(self);
  }

  /** A committee of four with real keys from seed 1, seen from node 0. */
  public static PoolFixture committeeOfFour() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options of a fixture; every one has a default. */
  public static final class Builder {
    private int n = 4;
    private long seed = 1;
    private int self;
    private int cupInterval = 10;
    private int maxIngressPerBlock = 100;
    private int dkgInterval;
    private ConsensusCrypto.Mode mode = ConsensusCrypto.Mode.REAL;
    private boolean sharedCache;

    public Builder nodes(int n) {
      this.n = n;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The committee index whose pool and context the fixture holds. */
    public Builder self(int self) {
      this.self = self;
      return this;
    }

    public Builder cupInterval(int cupInterval) {
      this.cupInterval = cupInterval;
      return this;
    }

    public Builder maxIngressPerBlock(int max) {
      this.maxIngressPerBlock = max;
      return this;
    }

    /**
     * Heights per DKG interval; 0 (the default) keeps the genesis sharing throughout. DKG runs
     * only with real crypto ({@code SubnetDkg#enabled}).
     */
    public Builder dkgInterval(int dkgInterval) {
      this.dkgInterval = dkgInterval;
      return this;
    }

    public Builder cheapCrypto() {
      this.mode = ConsensusCrypto.Mode.CHEAP;
      return this;
    }

    /** A shared verification cache, as runs have (the default has none: every check is done). */
    public Builder sharedVerificationCache() {
      this.sharedCache = true;
      return this;
    }

    public PoolFixture build() {
      if (self < 0 || self >= n) {
        throw new IllegalArgumentException("self " + self + " outside a committee of " + n);
      }
      return new PoolFixture(this);
    }
  }

  public ConsensusConfig config() {
    return config;
  }

  public ConsensusCrypto crypto() {
    return crypto;
  }

  public ConsensusPool pool() {
    return pool;
  }

  public int self() {
    return self;
  }

  /** The signing context of {@link #self}, with its own DKG state (genesis keys throughout). */
  public NodeContext node() {
    return node;
  }

  /** A fresh signing context for committee member {@code i}. */
  public NodeContext context(int i) {
    NodeSecrets s = keys.secrets().get(i);
    return new NodeContext(s, crypto, new SubnetDkg(config, crypto, s,
        ConsensusNode.genesis(config)));
  }

  public NodeSecrets secrets(int i) {
    return keys.secrets().get(i);
  }

  /** The genesis block hash: the finalized tip of a fresh pool, the parent of height 1. */
  public byte[] genesisHash() {
    return ConsensusNode.genesis(config).blockHash();
  }

  // ---- beacons and rounds ----

  /**
   * Puts a beacon for {@code height} into the pool (a deterministic stand-in value: roles only
   * read its bytes, for ranking and as the next beacon's message) and returns it.
   */
  public byte[] addBeacon(long height) {
    byte[] value = ConsensusPool.sha256(("fixture beacon " + height)
        .getBytes(StandardCharsets.US_ASCII));
    pool.beacons.put(height, value);
    return value;
  }

  /** Puts the beacon of {@code height} and starts its round at {@code startNanos}. */
  public PoolFixture startRound(long height, long startNanos) {
    if (!pool.beacons.containsKey(height)) {
      addBeacon(height);
    }
    pool.roundStart.put(height, startNanos);
    return this;
  }

  /** The committee index of rank {@code rank} at {@code height} (its beacon must be present). */
  public int proposerOfRank(long height, int rank) {
    return pool.ranking(height).get(rank);
  }

  // ---- blocks ----

  /** A block of {@code proposer} at {@code height}, with its true rank (needs the beacon). */
  public Block block(long height, byte[] parent, int proposer) {
    return block(height, parent, proposer, List.of());
  }

  public Block block(long height, byte[] parent, int proposer, List<byte[]> ingress) {
    return new Block(height, parent, pool.rankOf(height, proposer), proposer, height * MS, ingress);
  }

  /** {@code block} signed by its proposer. */
  public BlockProposal proposal(Block block) {
    return new BlockProposal(block, crypto.signIndividually(secrets(block.proposer()),
        SignedMessages.proposalMessage(block.height(), block.hash())));
  }

  /** Puts the signed proposal of {@code block} into the pool, as the validator would. */
  public BlockProposal addProposal(Block block) {
    BlockProposal p = proposal(block);
    pool.proposals.computeIfAbsent(block.height(), k -> new TreeMap<>())
        .put(block.id(), p);
    return p;
  }

  /**
   * The lowest-rank proposal at {@code height} on the chain's notarized tip at height-1, put into
   * the pool with its beacon, and notarized: the next link of a notarized chain.
   */
  public Block addNotarizedBlock(long height) {
    return addNotarizedBlock(height, 0);
  }

  /** Like {@link #addNotarizedBlock(long)} with the proposer of {@code rank}. */
  public Block addNotarizedBlock(long height, int rank) {
    if (!pool.beacons.containsKey(height)) {
      addBeacon(height);
    }
    Block b = block(height, tipAt(height - 1), proposerOfRank(height, rank));
    addProposal(b);
    addNotarization(b);
    return b;
  }

  /** Notarized blocks at heights 1..{@code height}, each on the previous. */
  public List<Block> addNotarizedChain(long height) {
    List<Block> chain = new ArrayList<>();
    for (long h = pool.notarizedHeight() + 1; h <= height; h++) {
      chain.add(addNotarizedBlock(h));
    }
    return chain;
  }

  /** The finalized tip at the finalized height, else some notarized block at {@code height}. */
  public byte[] tipAt(long height) {
    if (height == pool.finalizedHeight) {
      return pool.finalizedHash.toArray();
    }
    TreeMap<Bytes, Notarization> at = pool.notarizations.get(height);
    if (at == null || at.isEmpty()) {
      throw new IllegalStateException("no notarized block at height " + height);
    }
    return at.firstEntry().getValue().blockHash();
  }

  // ---- shares and aggregates ----

  public NotarizationShare notarizationShare(int signer, Block b) {
    return new NotarizationShare(b.height(), b.hash(), signer, crypto.signIndividually(
        secrets(signer), SignedMessages.notarizationMessage(b.height(), b.hash())));
  }

  public FinalizationShare finalizationShare(int signer, Block b) {
    return new FinalizationShare(b.height(), b.hash(), signer, crypto.signIndividually(
        secrets(signer), SignedMessages.finalizationMessage(b.height(), b.hash())));
  }

  /** A beacon share of {@code signer} for {@code height} over the pool's beacon at height-1. */
  public BeaconShare beaconShare(int signer, long height) {
    byte[] previous = pool.beacons.get(height - 1);
    if (previous == null) {
      throw new IllegalStateException("no beacon at height " + (height - 1));
    }
    return new BeaconShare(height, signer, crypto.signBeaconShare(secrets(signer),
        SignedMessages.beaconMessage(height, ConsensusPool.sha256(previous))));
  }

  public CertificationShare certificationShare(int signer, long height, byte[] stateRoot) {
    return new CertificationShare(height, stateRoot, signer, crypto.signCertificationShare(signer,
        secrets(signer).certificationShare(), SignedMessages.certificationMessage(stateRoot)));
  }

  /** A notarization of {@code b} by the first quorum of committee indices. */
  public Notarization notarization(Block b) {
    List<Integer> signers = firstQuorum();
    List<byte[]> sigs = new ArrayList<>();
    for (int i : signers) {
      sigs.add(notarizationShare(i, b).signature());
    }
    return new Notarization(b.height(), b.hash(), signers, crypto.aggregate(sigs));
  }

  public Notarization addNotarization(Block b) {
    Notarization n = notarization(b);
    pool.notarizations.computeIfAbsent(b.height(), k -> new TreeMap<>())
        .put(b.id(), n);
    return n;
  }

  /** A finalization of {@code b} by the first quorum of committee indices. */
  public Finalization finalization(Block b) {
    List<Integer> signers = firstQuorum();
    List<byte[]> sigs = new ArrayList<>();
    for (int i : signers) {
      sigs.add(finalizationShare(i, b).signature());
    }
    return new Finalization(b.height(), b.hash(), signers, crypto.aggregate(sigs));
  }

  /**
   * Marks {@code b} (notarized, in the pool) final the way the chain finalizer leaves the pool:
   * its finalization stored, the block kept among the finalized blocks, the finalized tip moved.
   */
  public PoolFixture markFinalized(Block b) {
    pool.finalizations.put(b.height(), finalization(b));
    pool.finalizedBlocks.put(b.height(), b);
    pool.finalizedHeight = b.height();
    pool.finalizedHash = b.id();
    return this;
  }

  /** Records this node's notarization share on {@code b} as if its notary had signed it. */
  public NotarizationShare recordOwnNotarizationShare(Block b) {
    NotarizationShare s = notarizationShare(self, b);
    pool.myNotarizationShares.computeIfAbsent(b.height(), k -> new TreeSet<>())
        .add(b.id());
    pool.notarizationShares.computeIfAbsent(b.height(), k -> new TreeMap<>())
        .computeIfAbsent(b.id(), k -> new TreeMap<>())
        .put(self, s.signature());
    return s;
  }

  private List<Integer> firstQuorum() {
    List<Integer> signers = new ArrayList<>();
    for (int i = 0; i < config.quorum(); i++) {
      signers.add(i);
    }
    return signers;
  }
}
