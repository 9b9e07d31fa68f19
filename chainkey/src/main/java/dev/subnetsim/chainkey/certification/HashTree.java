package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.ic.IcDomain;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An IC hash tree (interface spec, "Certification"): a partial state tree whose root hash is
 * signed. {@link #digest()} is the spec's {@code reconstruct}:
 * <pre>
 * Empty       -> H(domain_sep("ic-hashtree-empty"))
 * Fork l r    -> H(domain_sep("ic-hashtree-fork") · reconstruct(l) · reconstruct(r))
 * Labeled l t -> H(domain_sep("ic-hashtree-labeled") · l · reconstruct(t))
 * Leaf v      -> H(domain_sep("ic-hashtree-leaf") · v)
 * Pruned h    -> h
 * </pre>
 * with SHA-256. CBOR form ({@link HashTreeCbor}): {@code [0]}, {@code [1,l,r]},
 * {@code [2,label,t]}, {@code [3,v]}, {@code [4,h]}. Labels, values and pruned hashes are
 * {@link Bytes}, so trees compare and hash by value.
 */
public sealed interface HashTree permits HashTree.Empty, HashTree.Fork, HashTree.Labeled, HashTree.Leaf, HashTree.Pruned {

  /** The root hash (32 bytes). */
  byte[] digest();

  /** Looks {@code path} up as the spec's {@code lookup_path} does. */
  default LookupResult lookup(List<byte[]> path) {
    return Lookup.lookupPath(path, this);
  }

  /** {@link #lookup(List)} with UTF-8 labels. */
  default LookupResult lookup(String... path) {
    return lookup(Arrays.stream(path).map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
  }

  static Empty empty() {
    return Empty.INSTANCE;
  }

  static Fork fork(HashTree left, HashTree right) {
    return new Fork(left, right);
  }

  static Labeled labeled(Bytes label, HashTree subtree) {
    return new Labeled(label, subtree);
  }

  static Labeled labeled(byte[] label, HashTree subtree) {
    return new Labeled(Bytes.of(label), subtree);
  }

  static Labeled labeled(String label, HashTree subtree) {
    return labeled(label.getBytes(StandardCharsets.UTF_8), subtree);
  }

  static Leaf leaf(byte[] value) {
    return new Leaf(Bytes.of(value));
  }

  static Leaf leaf(String value) {
    return leaf(value.getBytes(StandardCharsets.UTF_8));
  }

  static Pruned pruned(byte[] digest) {
    return new Pruned(Bytes.of(digest));
  }

  record Empty() implements HashTree {
    static final Empty INSTANCE = new Empty();
    private static final byte[] DIGEST = sha256(IcDomain.separator(DomainSeparators.HASHTREE_EMPTY));

    @Override
    public byte[] digest() {
      return DIGEST.clone();
    }
  }

  record Fork(HashTree left, HashTree right) implements HashTree {
    public Fork {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public byte[] digest() {
      return sha256(IcDomain.prefixed(DomainSeparators.HASHTREE_FORK, left.digest(), right.digest()));
    }
  }

  record Labeled(Bytes label, HashTree subtree) implements HashTree {
    public Labeled {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(subtree, "subtree");
    }

    @Override
    public byte[] digest() {
      return sha256(IcDomain.prefixed(DomainSeparators.HASHTREE_LABELED, label.toArray(),
          subtree.digest()));
    }

    @Override
    public String toString() {
      return "Labeled[" + label + ", " + subtree + "]";
    }
  }

  record Leaf(Bytes value) implements HashTree {
    public Leaf {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public byte[] digest() {
      return sha256(IcDomain.prefixed(DomainSeparators.HASHTREE_LEAF, value.toArray()));
    }

    @Override
    public String toString() {
      return "Leaf[" + value + "]";
    }
  }

  record Pruned(Bytes hash) implements HashTree {
    public Pruned {
      if (hash.length() != 32) {
        throw new IllegalArgumentException("a pruned subtree is a 32-byte SHA-256 hash, got " + hash.length() + " bytes");
      }
    }

    @Override
    public byte[] digest() {
      return hash.toArray();
    }

    @Override
    public String toString() {
      return "Pruned[" + hash + "]";
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }
}
