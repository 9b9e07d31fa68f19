package dev.subnetsim.chainkey.certification;

import static dev.subnetsim.chainkey.certification.HashTree.empty;
import static dev.subnetsim.chainkey.certification.HashTree.fork;
import static dev.subnetsim.chainkey.certification.HashTree.labeled;
import static dev.subnetsim.chainkey.certification.HashTree.leaf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Interface spec, "Certification" / "Example" and "Lookup". */
class HashTreeTest {

  private static final HexFormat HEX = HexFormat.of();
  static final String SPEC_CBOR = "8301830183024161830183018302417882034568656c6c6f810083024179820345776f726c6483024162820344676f6f648301830241638100830241648203476d6f726e696e67";
  static final String SPEC_PRUNED_CBOR = "83018301830241618301820458201b4feff9bef8131788b0c9dc6dbad6e81e524249c879e9f10f71ce3749f5a63883024179820345776f726c6483024162820458207b32ac0c6ba8ce35ac82c255fc7906f7fc130dab2a090f80fe12f9c2cae83ba6830182045820ec8324b8a1f1ac16bd2e806edba78006479c9877fed4eb464a25485465af601d830241648203476d6f726e696e67";
  static final String SPEC_ROOT = "eb5c5b2195e62d996b84c9bcc8259d19a83786a2f59e0878cec84c811f669aa0";

  static HashTree specTree() {
    return fork(
        fork(
            labeled("a", fork(fork(labeled("x", leaf("hello")), empty()), labeled("y", leaf("world")))),
            labeled("b", leaf("good"))),
        fork(labeled("c", empty()), labeled("d", leaf("morning"))));
  }

  private static List<byte[]> path(String... labels) {
    return java.util.Arrays.stream(labels).map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
  }

  @Test
  void specExampleHasTheSpecsRootHashAndCbor() {
    HashTree t = specTree();
    assertThat(HEX.formatHex(t.digest())).isEqualTo(SPEC_ROOT);
    assertThat(HEX.formatHex(HashTreeCbor.encode(t))).isEqualTo(SPEC_CBOR);
  }

  @Test
  void specCborDecodesToTheSameTreeAndReencodesByteForByte() {
    HashTree decoded = HashTreeCbor.decode(HEX.parseHex(SPEC_CBOR));
    assertThat(decoded).isEqualTo(specTree());
    HashTree pruned = HashTreeCbor.decode(HEX.parseHex(SPEC_PRUNED_CBOR));
    assertThat(HEX.formatHex(pruned.digest())).isEqualTo(SPEC_ROOT);
    assertThat(HEX.formatHex(HashTreeCbor.encode(pruned))).isEqualTo(SPEC_PRUNED_CBOR);
  }

  @Test
  void selfDescribeTagIsAcceptedOnDecoding() {
    HashTree decoded = HashTreeCbor.decode(HEX.parseHex("d9d9f7" + SPEC_CBOR));
    assertThat(HEX.formatHex(decoded.digest())).isEqualTo(SPEC_ROOT);
  }

  @Test
  void pruningWithTheSpecsPathsGivesTheSpecsWitness() {
    HashTree witness = Witness.prune(specTree(), List.of(path("a", "y"), path("ax"), path("d")));
    assertThat(HEX.formatHex(HashTreeCbor.encode(witness))).isEqualTo(SPEC_PRUNED_CBOR);
    assertThat(HEX.formatHex(witness.digest())).isEqualTo(SPEC_ROOT);
  }

  @Test
  void lookupOnThePrunedTreeBehavesAsTheSpecSays() {
    HashTree t = HashTreeCbor.decode(HEX.parseHex(SPEC_PRUNED_CBOR));
    assertThat(t.lookup("a", "a")).isInstanceOf(LookupResult.Unknown.class);
    assertThat(t.lookup("a", "y")).isEqualTo(new LookupResult.Found("world".getBytes(StandardCharsets.UTF_8)));
    assertThat(t.lookup("aa")).isInstanceOf(LookupResult.Absent.class);
    assertThat(t.lookup("ax")).isInstanceOf(LookupResult.Absent.class);
    assertThat(t.lookup("b")).isInstanceOf(LookupResult.Unknown.class);
    assertThat(t.lookup("bb")).isInstanceOf(LookupResult.Unknown.class);
    assertThat(t.lookup("d")).isEqualTo(new LookupResult.Found("morning".getBytes(StandardCharsets.UTF_8)));
    assertThat(t.lookup("e")).isInstanceOf(LookupResult.Absent.class);
  }

  @Test
  void lookupOnTheFullTree() {
    HashTree t = specTree();
    assertThat(t.lookup("a", "x")).isEqualTo(new LookupResult.Found("hello".getBytes(StandardCharsets.UTF_8)));
    assertThat(t.lookup("c")).isInstanceOf(LookupResult.Absent.class); // Labeled c Empty
    assertThat(t.lookup("a")).isInstanceOf(LookupResult.Error.class); // an inner node, not a value
    assertThat(t.lookup("b", "z")).isInstanceOf(LookupResult.Absent.class); // below a leaf
    assertThat(t.lookup("0")).isInstanceOf(LookupResult.Absent.class);
  }

  @Test
  void pruningKeepsTheRootForAnySelection() {
    HashTree full = new HashTreeBuilder()
        .put("1".getBytes(), "time")
        .put("k1".getBytes(), "canister", "c1", "certified_data")
        .put("k2".getBytes(), "canister", "c2", "certified_data")
        .put("k3".getBytes(), "canister", "c3", "module_hash")
        .build();
    for (List<List<byte[]>> sel : List.of(
        List.<List<byte[]>>of(), List.of(path("time")), List.of(path("canister", "c2")),
        List.of(path("canister", "c0"), path("zzz")), List.of(path("canister", "c3", "certified_data")))) {
      HashTree w = Witness.prune(full, sel);
      assertThat(w.digest()).isEqualTo(full.digest());
      for (List<byte[]> p : sel) {
        LookupResult inFull = full.lookup(p);
        LookupResult inWitness = w.lookup(p);
        assertThat(inWitness).isEqualTo(inFull); // selected paths answer as in the full tree
      }
    }
    HashTree w = Witness.prune(full, List.of(path("canister", "c2", "certified_data")));
    assertThat(w.lookup("time")).isInstanceOf(LookupResult.Unknown.class); // the rest is pruned away
  }

  @Test
  void builderProducesSortedForestsAndFindsEveryValue() {
    HashTreeBuilder b = new HashTreeBuilder();
    for (int i = 20; i >= 0; i--) {
      b.put(("v" + i).getBytes(), "m", "k" + i);
    }
    HashTree t = b.build();
    for (int i = 0; i <= 20; i++) {
      assertThat(t.lookup("m", "k" + i)).isEqualTo(new LookupResult.Found(("v" + i).getBytes()));
    }
    assertThat(t.lookup("m", "k21")).isInstanceOf(LookupResult.Absent.class);
    assertThat(t.lookup("m", "k0a")).isInstanceOf(LookupResult.Absent.class);
  }

  @Test
  void forestRejectsLabelsThatAreNotStrictlyIncreasing() {
    assertThatThrownBy(() -> HashTreeBuilder.forest(List.of(
        Map.entry("b".getBytes(), leaf("1")), Map.entry("a".getBytes(), leaf("2")))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increasing");
    assertThatThrownBy(() -> HashTreeBuilder.forest(List.of(
        Map.entry("a".getBytes(), leaf("1")), Map.entry("a".getBytes(), leaf("2")))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increasing");
    // Unsigned order: 0xff sorts after 0x01.
    assertThat(HashTreeBuilder.forest(List.of(
        Map.entry(new byte[] {1}, leaf("1")), Map.entry(new byte[] {(byte) 0xff}, leaf("2")))).lookup(List.of(new byte[] {(byte) 0xff})))
        .isEqualTo(new LookupResult.Found("2".getBytes()));
  }

  @Test
  void builderRejectsPathsThatAreNotPrefixFree() {
    HashTreeBuilder b = new HashTreeBuilder().put("x".getBytes(), "a", "b");
    assertThatThrownBy(() -> b.put("y".getBytes(), "a", "b")).hasMessageContaining("already");
    assertThatThrownBy(() -> b.put("y".getBytes(), "a")).hasMessageContaining("already");
    assertThatThrownBy(() -> b.put("y".getBytes(), "a", "b", "c")).hasMessageContaining("extends");
  }

  @Test
  void malformedCborIsRejectedWithAClearMessage() {
    assertThatThrownBy(() -> HashTreeCbor.decode(HEX.parseHex("8305")))
        .isInstanceOf(MalformedCborException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> HashTreeCbor.decode(HEX.parseHex("810000")))
        .isInstanceOf(MalformedCborException.class).hasMessageContaining("trailing");
    assertThatThrownBy(() -> HashTreeCbor.decode(HEX.parseHex("8105")))
        .isInstanceOf(MalformedCborException.class).hasMessageContaining("unknown hash tree node tag 5");
    assertThatThrownBy(() -> HashTreeCbor.decode(HEX.parseHex("820441aa")))
        .isInstanceOf(MalformedCborException.class).hasMessageContaining("32");
    assertThatThrownBy(() -> HashTreeCbor.decode(HEX.parseHex("83024161")))
        .isInstanceOf(MalformedCborException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> HashTreeCbor.decode(HEX.parseHex("82024161")))
        .isInstanceOf(MalformedCborException.class).hasMessageContaining("labeled hash tree node has 2 elements");
    assertThatThrownBy(() -> HashTreeCbor.decode(HEX.parseHex("9f00ff")))
        .isInstanceOf(MalformedCborException.class).hasMessageContaining("indefinite");
    assertThatThrownBy(() -> HashTreeCbor.decode(HEX.parseHex("820363616263")))
        .isInstanceOf(MalformedCborException.class).hasMessageContaining("not a CBOR byte string");
    assertThatThrownBy(() -> HashTreeCbor.decode(HEX.parseHex("a0")))
        .isInstanceOf(MalformedCborException.class).hasMessageContaining("not a non-empty CBOR array");
    assertThatThrownBy(() -> HashTreeCbor.decode(HEX.parseHex("825b00000000ffffffff")))
        .isInstanceOf(MalformedCborException.class);
  }

  @Test
  void deeplyNestedInputIsRejectedNotOverflowingTheStack() {
    byte[] deep = new byte[100_000];
    java.util.Arrays.fill(deep, (byte) 0x81);
    assertThatThrownBy(() -> HashTreeCbor.decode(deep))
        .isInstanceOf(MalformedCborException.class).hasMessageContaining("nested deeper");
  }

  @Test
  void treesOfEqualBytesAreEqualWhicheverArraysTheyCameFrom() {
    byte[] label = {'a'};
    byte[] value = {1, 2};
    HashTree a = labeled(label, fork(leaf(value), HashTree.pruned(new byte[32])));
    label[0] = 'z'; // the tree holds its own copies
    value[0] = 9;
    HashTree b = labeled("a", fork(leaf(new byte[] {1, 2}), HashTree.pruned(new byte[32])));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(labeled("a", fork(leaf(new byte[] {1, 3}),
        HashTree.pruned(new byte[32]))));
    assertThat(specTree()).isEqualTo(specTree()).hasSameHashCodeAs(specTree());
  }

  @Test
  void nodesPrintTheirBytesAsLowercaseHex() {
    assertThat(labeled("a", leaf(new byte[] {(byte) 0xab}))).hasToString("Labeled[61, Leaf[ab]]");
    byte[] hash = new byte[32];
    hash[31] = (byte) 0xff;
    assertThat(HashTree.pruned(hash)).hasToString("Pruned[" + "00".repeat(31) + "ff]");
  }

  @Test
  void aPrunedNodeIsExactlyOneSha256Hash() {
    assertThatThrownBy(() -> HashTree.pruned(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 31 bytes");
  }
}
