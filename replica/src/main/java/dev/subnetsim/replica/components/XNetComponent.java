package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.certification.HashTreeCbor;
import dev.subnetsim.chainkey.certification.Witness;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.wire.MalformedPeerMessageException;
import dev.subnetsim.replica.wire.PeerMessage;
import dev.subnetsim.replica.xnet.RoutingTable;
import dev.subnetsim.replica.xnet.XNetSlice;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Cross-subnet streams: owns the {@link MessageKind#XNET_SLICE} kind. It keeps the certified
 * trees of recent heights, sends each other subnet a certified slice of our stream once a height is certified,
 * keeps the newest valid slice of each source (attributing bad ones to their sender), and proposes
 * it while it tells our state something new.
 */
public final class XNetComponent {
  private static final int KEPT_TREES = 16;

  private final String me;
  private final RoutingTable routing;
  private final Predicate<XNetSlice> verifier;
  /** The nodes of every subnet (the registry's, read when sending). */
  private final Supplier<Map<String, List<NodeId>>> members;
  private final TreeMap<Long, HashTree> recentTrees = new TreeMap<>();
  /** Per destination subnet, the signal in the last slice sent to it. */
  private final TreeMap<String, Long> signalSent = new TreeMap<>();
  /** Per source subnet, the best slice received and the payload item proposed for it. */
  private final TreeMap<String, XNetSlice> bestSlice = new TreeMap<>();
  /** Per source subnet, the certified reach of its best slice for us (decoded once). */
  private final TreeMap<String, XNetSlice.Progress> bestProgress = new TreeMap<>();
  private final TreeMap<String, byte[]> proposedSlice = new TreeMap<>();

  public XNetComponent(String me, RoutingTable routing, Predicate<XNetSlice> verifier,
      Supplier<Map<String, List<NodeId>>> members) {
    this.me = me;
    this.routing = routing;
    this.verifier = verifier;
    this.members = members;
  }

  /** Remembers {@code tree} as the state tree of {@code height}; @return its root */
  public byte[] recordTree(long height, HashTree tree) {
    recentTrees.put(height, tree);
    while (recentTrees.size() > KEPT_TREES) {
      recentTrees.pollFirstEntry();
    }
    return tree.digest();
  }

  /** Our own state tree at {@code height}, if still kept. */
  public Optional<HashTree> tree(long height) {
    return Optional.ofNullable(recentTrees.get(height));
  }

  /**
   * Once a height is certified, a certified slice of our stream to each other subnet (with our
   * signal of how far we inducted its stream), when there is something to tell it.
   */
  public ChangeSet onCertified(Certification c, ReplicatedState state) {
    HashTree tree = recentTrees.get(c.height());
    if (tree == null || !Arrays.equals(tree.digest(), c.stateRoot())) {
      return ChangeSet.EMPTY;
    }
    ChangeSet.Builder b = ChangeSet.builder();
    for (String dest : routing.subnets()) {
      if (dest.equals(me)) {
        continue;
      }
      var stream = state.streams().get(dest);
      long signal = state.inducted(dest);
      boolean news = (stream != null && !stream.isEmpty())
          || signal != signalSent.getOrDefault(dest, 0L);
      if (!news) {
        continue;
      }
      signalSent.put(dest, signal);
      byte[] utf8Dest = dest.getBytes(StandardCharsets.UTF_8);
      HashTree witness = Witness.prune(tree, List.of(
          List.of("streams".getBytes(StandardCharsets.UTF_8), utf8Dest),
          List.of("xnet_inducted".getBytes(StandardCharsets.UTF_8), utf8Dest)));
      byte[] item = new PayloadItem.XNet(new XNetSlice(me, c.height(), c.signature(),
          HashTreeCbor.encode(witness))).encode();
      for (NodeId node : members.get().getOrDefault(dest, List.of())) {
        b.send(node, MessageKind.XNET_SLICE, item);
      }
    }
    return b.build();
  }

  /** Why a body sent as a slice is refused when it does not decode to one (the routes ask). */
  public static String malformed(MalformedPeerMessageException e) {
    return e.getCause() == null ? "xnet message is not a stream slice"
        : malformedSlice(e.getCause().getMessage());
  }

  private static String malformedSlice(String why) {
    return "malformed stream slice: " + why;
  }

  /**
   * A slice from another subnet: kept if valid and it tells us more than the one we hold (a later
   * stream end or signal), proposed if it tells our state news.
   */
  public ChangeSet onSlice(NodeId from, PeerMessage.XNetSlice message, ReplicaView view) {
    XNetSlice s = message.item().slice();
    XNetSlice.Progress progress;
    try {
      if (!routing.subnets().contains(s.source()) || s.source().equals(me)) {
        return ChangeSet.rejecting(from, "stream slice from unknown subnet " + s.source());
      }
      // Ranked by certified content, not by the claimed height, which the signature does not cover.
      XNetSlice.Progress best = bestProgress.get(s.source());
      progress = best == null ? null : s.progressFor(me);
      if (best != null && !progress.advances(best)) {
        return ChangeSet.EMPTY;
      }
      if (!verifier.test(s)) {
        return ChangeSet.rejecting(from, "stream slice of " + s.source() + " at height "
            + s.height() + " fails its certification");
      }
      if (progress == null) {
        progress = s.progressFor(me);
      }
    } catch (RuntimeException e) {
      return ChangeSet.rejecting(from, malformedSlice(e.getMessage()));
    }
    bestSlice.put(s.source(), s);
    bestProgress.put(s.source(), progress);
    return refreshProposals(view.state());
  }

  /** Proposes each source's best slice while it has news for {@code state}; withdraws stale ones. */
  public ChangeSet refreshProposals(ReplicatedState state) {
    ChangeSet.Builder b = ChangeSet.builder();
    for (var e : bestSlice.entrySet()) {
      String source = e.getKey();
      XNetSlice s = e.getValue();
      var ours = state.streams().get(source);
      boolean news = !s.messagesFor(me).tailMap(state.inducted(source)).isEmpty()
          || (ours != null && !ours.isEmpty() && s.signalFor(me) > ours.firstKey());
      byte[] item = new PayloadItem.XNet(s).encode();
      byte[] previous = proposedSlice.get(source);
      if (news && (previous == null || !Arrays.equals(previous, item))) {
        if (previous != null) {
          b.withdraw(previous);
        }
        b.propose(item);
        proposedSlice.put(source, item);
      } else if (!news && previous != null) {
        b.withdraw(previous);
        proposedSlice.remove(source);
      }
    }
    return b.build();
  }
}
