package dev.subnetsim.replica.xnet;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.certification.HashTreeCbor;
import dev.subnetsim.replica.state.ReplicatedState;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A certified stream slice (the IC's {@code CertifiedStreamSlice}): a witness of the source
 * subnet's certified state tree at {@code height} revealing {@code /streams/<destination>/*} and
 * {@code /xnet_inducted/<destination>}, and the source subnet's threshold signature on the tree's
 * root. Anyone holding the source subnet's public key can check it, so a Byzantine relay can only
 * withhold slices, not forge or alter them. Indices and the signal are 8-byte big-endian, as
 * {@link ReplicatedState#be64} writes them; a label or leaf of another length is not one.
 */
public record XNetSlice(String source, long height, byte[] signature, byte[] witness) {

  public XNetSlice {
    signature = signature.clone();
    witness = witness.clone();
  }

  public HashTree tree() {
    return HashTreeCbor.decode(witness);
  }

  /** The stream messages for {@code destination} revealed by the witness, by index. */
  public TreeMap<Long, byte[]> messagesFor(String destination) {
    TreeMap<Long, byte[]> out = new TreeMap<>();
    Optional<HashTree> stream = child(child(Optional.of(tree()), "streams"), destination);
    if (stream.isEmpty()) {
      return out;
    }
    for (HashTree t : children(stream.get())) {
      if (t instanceof HashTree.Labeled l && l.label().length() == 8
          && l.subtree() instanceof HashTree.Leaf leaf) {
        out.put(ReplicatedState.fromBe64(l.label().toArray(), "stream index"),
            leaf.value().toArray());
      }
    }
    return out;
  }

  /** The source's signal: how far it has inducted the stream from {@code destination}. */
  public long signalFor(String destination) {
    Optional<HashTree> v = child(child(Optional.of(tree()), "xnet_inducted"), destination);
    if (v.isPresent() && v.get() instanceof HashTree.Leaf leaf && leaf.value().length() == 8) {
      return ReplicatedState.fromBe64(leaf.value().toArray(), "xnet signal");
    }
    return 0;
  }

  /**
   * How far this slice reaches for {@code destination}: its stream's last message index (-1 if
   * none) and the source's signal. Both only grow on the source subnet and both are certified,
   * whereas {@link #height()} is not covered by the signature (the certification signs the tree's
   * root): slices are ranked by this, so a relabelled height never makes an old slice look new.
   */
  public Progress progressFor(String destination) {
    TreeMap<Long, byte[]> messages = messagesFor(destination);
    return new Progress(messages.isEmpty() ? -1 : messages.lastKey(), signalFor(destination));
  }

  /** A slice's certified reach for one destination (see {@link #progressFor}). */
  public record Progress(long end, long signal) {
    /** True if this reaches further than {@code other} in the stream or in the signal. */
    public boolean advances(Progress other) {
      return end > other.end || signal > other.signal;
    }
  }

  /** A labeled node's children: nested forks flattened, Empty dropped. */
  private static java.util.List<HashTree> children(HashTree tree) {
    java.util.List<HashTree> out = new java.util.ArrayList<>();
    java.util.ArrayDeque<HashTree> todo = new java.util.ArrayDeque<>();
    todo.push(tree);
    while (!todo.isEmpty()) {
      HashTree t = todo.pop();
      if (t instanceof HashTree.Fork f) {
        todo.push(f.right());
        todo.push(f.left());
      } else if (!(t instanceof HashTree.Empty)) {
        out.add(t);
      }
    }
    return out;
  }

  private static Optional<HashTree> child(Optional<HashTree> tree, String label) {
    if (tree.isEmpty()) {
      return Optional.empty();
    }
    Bytes want = Bytes.of(label.getBytes(StandardCharsets.UTF_8));
    for (HashTree t : children(tree.get())) {
      if (t instanceof HashTree.Labeled l && l.label().equals(want)) {
        return Optional.of(l.subtree());
      }
    }
    return Optional.empty();
  }
}
