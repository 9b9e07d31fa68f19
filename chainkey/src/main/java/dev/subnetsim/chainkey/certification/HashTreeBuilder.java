package dev.subnetsim.chainkey.certification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds well-formed hash trees (interface spec, "Lookup": labels strictly increasing, never mixed
 * with leaves) from labeled data. {@link #forest} takes children already in order and rejects any
 * that are not strictly increasing; the instance methods collect paths in a sorted map and build
 * the nested tree. Forks are balanced, so a lookup witness is logarithmic in the fan-out.
 */
public final class HashTreeBuilder {

  /** A node of the labeled tree under construction: a value or a sorted map of children. */
  private static final class Node {
    byte[] value;
    final TreeMap<byte[], Node> children = new TreeMap<>(Arrays::compareUnsigned);
  }

  private final Node root = new Node();

  /**
   * The forest of {@code children} as one tree: Empty for none, else a balanced fork tree over
   * {@code Labeled(label, subtree)} nodes in the given order.
   *
   * @throws IllegalArgumentException unless the labels are strictly increasing (bytewise)
   */
  public static HashTree forest(List<Map.Entry<byte[], HashTree>> children) {
    List<HashTree> nodes = new ArrayList<>(children.size());
    byte[] previous = null;
    for (Map.Entry<byte[], HashTree> e : children) {
      if (previous != null && Arrays.compareUnsigned(previous, e.getKey()) >= 0) {
        throw new IllegalArgumentException("hash tree labels must be strictly increasing: "
            + HexFormat.of().formatHex(e.getKey()) + " follows " + HexFormat.of().formatHex(previous));
      }
      previous = e.getKey();
      nodes.add(HashTree.labeled(e.getKey(), e.getValue()));
    }
    return balanced(nodes, 0, nodes.size());
  }

  private static HashTree balanced(List<HashTree> nodes, int from, int to) {
    if (to - from == 0) {
      return HashTree.empty();
    }
    if (to - from == 1) {
      return nodes.get(from);
    }
    int mid = (from + to + 1) / 2;
    return HashTree.fork(balanced(nodes, from, mid), balanced(nodes, mid, to));
  }

  /**
   * Puts a leaf value at {@code path}.
   *
   * @throws IllegalArgumentException if the path is empty, already holds a value, or is a prefix
   *     or extension of a path that does (the state tree's domain is prefix-free)
   */
  public HashTreeBuilder put(List<byte[]> path, byte[] value) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("a value needs a non-empty path");
    }
    Node cur = root;
    for (int i = 0; i < path.size(); i++) {
      if (cur.value != null) {
        throw new IllegalArgumentException("path " + render(path) + " extends a path that holds a value");
      }
      cur = cur.children.computeIfAbsent(path.get(i).clone(), k -> new Node());
    }
    if (cur.value != null || !cur.children.isEmpty()) {
      throw new IllegalArgumentException("path " + render(path) + " is already in the tree");
    }
    cur.value = value.clone();
    return this;
  }

  /** {@link #put(List, byte[])} with UTF-8 labels except the blobs given as {@code byte[]}. */
  public HashTreeBuilder put(byte[] value, Object... path) {
    List<byte[]> labels = new ArrayList<>(path.length);
    for (Object o : path) {
      if (o instanceof byte[] b) {
        labels.add(b);
      } else if (o instanceof String s) {
        labels.add(s.getBytes(StandardCharsets.UTF_8));
      } else {
        throw new IllegalArgumentException("a label is a String or byte[], got " + o);
      }
    }
    return put(labels, value);
  }

  public HashTree build() {
    return build(root);
  }

  private static HashTree build(Node node) {
    if (node.value != null) {
      return HashTree.leaf(node.value);
    }
    List<Map.Entry<byte[], HashTree>> kids = new ArrayList<>();
    for (Map.Entry<byte[], Node> e : node.children.entrySet()) {
      kids.add(Map.entry(e.getKey(), build(e.getValue())));
    }
    return forest(kids);
  }

  private static String render(List<byte[]> path) {
    StringBuilder sb = new StringBuilder();
    for (byte[] l : path) {
      sb.append('/').append(HexFormat.of().formatHex(l));
    }
    return sb.toString();
  }
}
