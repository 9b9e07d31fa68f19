package dev.subnetsim.consensus;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;

import dev.subnetsim.consensus.crypto.GenesisKeys;
import dev.subnetsim.consensus.crypto.VerificationCache;
import dev.subnetsim.consensus.protocol.ConsensusProtocol;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.consensus.wire.MessageCodec;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * n {@link ConsensusNode}s with real BLS keys from a seeded genesis DKG, stepped in lock step
 * every {@code tick} of virtual time with every message delivered at the next tick (a network of
 * one tick's latency), executing finalized blocks with a toy state root. Crashed nodes are simply
 * not stepped and receive nothing. For testing the pure consensus logic without actors or the
 * scenario engine.
 */
final class LocalConsensusNetwork {
  final ConsensusConfig config;
  final List<ConsensusNode> nodes = new ArrayList<>();
  final Set<Integer> crashed = new TreeSet<>();
  final Map<Integer, TreeMap<Long, byte[]>> finalized = new TreeMap<>();
  /** When each node finalized each height (virtual time). */
  final Map<Integer, TreeMap<Long, Long>> finalizedAt = new TreeMap<>();
  final List<ConsensusNode.StepResult> results = new ArrayList<>();
  /** The same results by node index. */
  final Map<Integer, List<ConsensusNode.StepResult>> resultsByNode = new TreeMap<>();
  /** Nodes whose execution reaches another state root than the others' at every height. */
  final Set<Integer> divergent = new TreeSet<>();
  /** Nodes whose fast-path votes are lost on the way (their shares still arrive). */
  final Set<Integer> votesLost = new TreeSet<>();
  final GenesisKeys keys;
  final ConsensusCrypto crypto;
  private List<ConsensusNode.Input>[] inbox;
  private long now;

  @SuppressWarnings("unchecked")
  LocalConsensusNetwork(int n, long seed, long unitDelayNanos,
      Map<Integer, Set<ByzantineBehaviour>> byzantine) {
    this(n, seed, unitDelayNanos, byzantine, ConsensusCrypto.Mode.REAL);
  }

  LocalConsensusNetwork(int n, long seed, long unitDelayNanos,
      Map<Integer, Set<ByzantineBehaviour>> byzantine, ConsensusCrypto.Mode mode) {
    this(n, seed, unitDelayNanos, byzantine, mode, 0);
  }

  LocalConsensusNetwork(int n, long seed, long unitDelayNanos,
      Map<Integer, Set<ByzantineBehaviour>> byzantine, ConsensusCrypto.Mode mode,
      int dkgInterval) {
    this(n, seed, unitDelayNanos, byzantine, mode, dkgInterval, VerificationCache.shared());
  }

  LocalConsensusNetwork(int n, long seed, long unitDelayNanos,
      Map<Integer, Set<ByzantineBehaviour>> byzantine, ConsensusCrypto.Mode mode,
      int dkgInterval, VerificationCache cache) {
    this(n, seed, unitDelayNanos, byzantine, mode, dkgInterval, cache,
        ConsensusProtocol.named("icc").orElseThrow());
  }

  /** Running consensus variant {@code protocol}. */
  LocalConsensusNetwork(int n, long seed, long unitDelayNanos,
      Map<Integer, Set<ByzantineBehaviour>> byzantine, ConsensusProtocol protocol) {
    this(n, seed, unitDelayNanos, byzantine, ConsensusCrypto.Mode.REAL, 0,
        VerificationCache.shared(), protocol);
  }

  @SuppressWarnings("unchecked")
  LocalConsensusNetwork(int n, long seed, long unitDelayNanos,
      Map<Integer, Set<ByzantineBehaviour>> byzantine, ConsensusCrypto.Mode mode,
      int dkgInterval, VerificationCache cache, ConsensusProtocol protocol) {
    List<NodeId> committee = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      committee.add(new NodeId(i));
    }
    SubnetId subnet = new SubnetId("local");
    config = new ConsensusConfig(subnet, committee, unitDelayNanos, unitDelayNanos * 3 / 10, 100, 10,
        dkgInterval, protocol);
    keys = GenesisKeys.generate("local", n, SeededRandom.fromSeed(seed));
    crypto = new ConsensusCrypto(keys.publicKeys(), cache, mode);
    inbox = new List[n];
    for (int i = 0; i < n; i++) {
      nodes.add(new ConsensusNode(config, committee.get(i), keys.secrets().get(i), crypto,
          ConsensusNode.genesis(config), byzantine.getOrDefault(i, Set.of())));
      inbox[i] = new ArrayList<>();
      finalized.put(i, new TreeMap<>());
      finalizedAt.put(i, new TreeMap<>());
      resultsByNode.put(i, new ArrayList<>());
    }
  }

  /** Runs until virtual time {@code until}, in ticks of {@code tick}. */
  void runUntil(long until, long tick) {
    while (now < until) {
      now += tick;
      List<ConsensusNode.Input>[] next = newInboxes();
      for (int i = 0; i < nodes.size(); i++) {
        if (crashed.contains(i)) {
          continue;
        }
        List<ConsensusNode.Input> in = new ArrayList<>(inbox[i]);
        ConsensusNode.StepResult r = nodes.get(i).step(now, in);
        for (int round = 0; round < 8; round++) {
          results.add(r);
          resultsByNode.get(i).add(r);
          List<ConsensusNode.Input> executed = new ArrayList<>();
          for (ConsensusNode.ReceivedCatchUp received : r.catchUpResponses()) {
            ConsensusMessage.CatchUpResponse c = received.response();
            // What the replica layer does after checking the CUP's state: adopt the chain.
            for (Block b : nodes.get(i).ingestFinalizedChain(received.from(), c.blocks(),
                c.finalizations(), c.beacons()).finalized()) {
              finalized.get(i).put(b.height(), b.hash());
            }
          }
          for (Block b : r.finalized()) {
            finalized.get(i).put(b.height(), b.hash());
            finalizedAt.get(i).put(b.height(), now);
            executed.add(new ConsensusNode.Executed(b.height(), stateRoot(i, b.hash())));
          }
          route(i, r, next);
          if (executed.isEmpty()) {
            break;
          }
          r = nodes.get(i).step(now, executed);
        }
      }
      inbox = next;
    }
  }

  private void route(int from, ConsensusNode.StepResult r, List<ConsensusNode.Input>[] next) {
    ConsensusNode node = nodes.get(from);
    for (NodeId requester : r.catchUpRequesters()) {
      var cup = node.latestCup();
      var response = new ConsensusMessage.CatchUpResponse(cup, new byte[0],
          node.finalizedBlocksAfter(cup.height()), node.finalizationsAfter(cup.height()),
          node.beaconsAfter(cup.height()));
      if (!crashed.contains(requester.value())) {
        next[requester.value()].add(new ConsensusNode.Received(new NodeId(from), response));
      }
    }
    for (ConsensusNode.Message m : r.messages()) {
      for (int j = 0; j < nodes.size(); j++) {
        boolean addressed = m.to() == null ? j != from : m.to().value() == j;
        if (addressed && !crashed.contains(j)) {
          // Decoded on arrival, as the replica's message routes do.
          ConsensusMessage decoded = MessageCodec.decode(m.bytes());
          if (votesLost.contains(from) && decoded instanceof ConsensusMessage.NotarizationShare s) {
            decoded = new ConsensusMessage.NotarizationShare(s.height(), s.blockHash(), s.signer(),
                s.signature());
          }
          next[j].add(new ConsensusNode.Received(new NodeId(from), decoded));
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private List<ConsensusNode.Input>[] newInboxes() {
    List<ConsensusNode.Input>[] next = new List[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      next[i] = new ArrayList<>();
    }
    return next;
  }

  /**
   * Node {@code i}'s deterministic "state root" after executing the block with this hash: the
   * same on every node but a {@link #divergent} one.
   */
  byte[] stateRoot(int i, byte[] blockHash) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      if (divergent.contains(i)) {
        d.update("divergent".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return d.digest(blockHash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The virtual time the network has run to. */
  long now() {
    return now;
  }

  /**
   * Restarts crashed node {@code i} from {@code peer}'s latest CUP and the finalized chain after
   * it (what state sync gives a real replica), and lets it run again.
   */
  void restartFromCup(int i, int peer) {
    ConsensusNode source = nodes.get(peer);
    var cup = source.latestCup();
    ConsensusNode fresh = new ConsensusNode(config, config.committee().get(i), keys.secrets().get(i),
        crypto, cup, Set.of());
    for (Block b : fresh.ingestFinalizedChain(config.committee().get(peer),
        source.finalizedBlocksAfter(cup.height()), source.finalizationsAfter(cup.height()),
        source.beaconsAfter(cup.height())).finalized()) {
      finalized.get(i).put(b.height(), b.hash());
    }
    nodes.set(i, fresh);
    crashed.remove(i);
  }

  long finalizedHeight(int i) {
    return finalized.get(i).isEmpty() ? 0 : finalized.get(i).lastKey();
  }
}
