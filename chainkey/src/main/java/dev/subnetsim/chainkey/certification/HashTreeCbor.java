package dev.subnetsim.chainkey.certification;

import java.util.List;

/**
 * CBOR form of hash trees (interface spec, "Encoding of certificates", certificates.cddl):
 * {@code empty = [0]}, {@code fork = [1, tree, tree]}, {@code labeled = [2, bytes, tree]},
 * {@code leaf = [3, bytes]}, {@code pruned = [4, bytes .size 32]}.
 */
public final class HashTreeCbor {
  private HashTreeCbor() {}

  public static byte[] encode(HashTree tree) {
    return CborWriter.encode(toCbor(tree));
  }

  /** @throws MalformedCborException for bad CBOR or a value that is not a hash tree */
  public static HashTree decode(byte[] bytes) {
    return fromCbor(CborValue.stripSelfDescribe(CborReader.decode(bytes)));
  }

  public static CborValue toCbor(HashTree tree) {
    if (tree instanceof HashTree.Empty) {
      return arr(tag(0));
    } else if (tree instanceof HashTree.Fork f) {
      return arr(tag(1), toCbor(f.left()), toCbor(f.right()));
    } else if (tree instanceof HashTree.Labeled l) {
      return arr(tag(2), new CborValue.Bytes(l.label()), toCbor(l.subtree()));
    } else if (tree instanceof HashTree.Leaf leaf) {
      return arr(tag(3), new CborValue.Bytes(leaf.value()));
    } else {
      return arr(tag(4), new CborValue.Bytes(((HashTree.Pruned) tree).hash()));
    }
  }

  public static HashTree fromCbor(CborValue value) {
    if (!(value instanceof CborValue.Array a) || a.items().isEmpty()) {
      throw new MalformedCborException("hash tree node is not a non-empty CBOR array: " + value);
    }
    List<CborValue> items = a.items();
    if (!(items.get(0) instanceof CborValue.UInt u)) {
      throw new MalformedCborException("hash tree node does not start with an unsigned node tag: " + items.get(0));
    }
    long kind = u.value();
    if (kind == 0) {
      arity(items, 1, "empty");
      return HashTree.empty();
    } else if (kind == 1) {
      arity(items, 3, "fork");
      return HashTree.fork(fromCbor(items.get(1)), fromCbor(items.get(2)));
    } else if (kind == 2) {
      arity(items, 3, "labeled");
      return HashTree.labeled(bytes(items.get(1), "label"), fromCbor(items.get(2)));
    } else if (kind == 3) {
      arity(items, 2, "leaf");
      return HashTree.leaf(bytes(items.get(1), "leaf value"));
    } else if (kind == 4) {
      arity(items, 2, "pruned");
      byte[] h = bytes(items.get(1), "pruned hash");
      if (h.length != 32) {
        throw new MalformedCborException("pruned hash tree node has " + h.length + " bytes, expected 32");
      }
      return HashTree.pruned(h);
    }
    throw new MalformedCborException("unknown hash tree node tag " + kind + " (expected 0..4)");
  }

  private static void arity(List<CborValue> items, int n, String kind) {
    if (items.size() != n) {
      throw new MalformedCborException(kind + " hash tree node has " + items.size() + " elements, expected " + n);
    }
  }

  private static byte[] bytes(CborValue v, String what) {
    if (!(v instanceof CborValue.Bytes b)) {
      throw new MalformedCborException("hash tree " + what + " is not a CBOR byte string: " + v);
    }
    return b.value();
  }

  private static CborValue tag(long t) {
    return new CborValue.UInt(t);
  }

  private static CborValue arr(CborValue... items) {
    return new CborValue.Array(List.of(items));
  }
}
