package dev.subnetsim.replica.xnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.certification.HashTreeCbor;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Known answers for how a slice's witness is read: stream indices are 8-byte big-endian labels
 * and the signal an 8-byte big-endian leaf; anything of another length is not one.
 */
class XNetSliceBytesTest {
  private static final HexFormat HEX = HexFormat.of();

  private static HashTree msg(String indexHex, String value) {
    return HashTree.labeled(HEX.parseHex(indexHex), HashTree.leaf(value));
  }

  private static XNetSlice slice(HashTree stream, HashTree signal) {
    HashTree tree = HashTree.fork(
        HashTree.labeled("streams", HashTree.labeled("dest", stream)),
        HashTree.labeled("xnet_inducted", HashTree.labeled("dest", signal)));
    return new XNetSlice("src", 1, new byte[0], HashTreeCbor.encode(tree));
  }

  @Test
  void streamIndicesAreEightByteBigEndianLabelsAndOtherLabelsAreSkipped() {
    HashTree stream = HashTree.fork(
        HashTree.fork(msg("0000000000000001", "one"), msg("0102030405060708", "big")),
        HashTree.fork(msg("ffffffffffffffff", "minus one"),
            HashTree.fork(msg("00000000000002", "seven bytes"),
                HashTree.fork(msg("000000000000000003", "nine bytes"),
                    HashTree.labeled(HEX.parseHex("0000000000000004"), HashTree.empty())))));

    TreeMap<Long, byte[]> got = slice(stream, HashTree.leaf(new byte[8])).messagesFor("dest");

    assertThat(got).containsOnlyKeys(1L, 0x0102030405060708L, -1L);
    assertThat(new String(got.get(0x0102030405060708L))).isEqualTo("big");
    assertThat(new String(got.get(-1L))).isEqualTo("minus one");
  }

  @Test
  void theSignalIsAnEightByteBigEndianLeafAndOtherwiseZero() {
    HashTree none = HashTree.empty();
    for (Map.Entry<String, Long> e : Map.of("0000000000000105", 0x105L,
        "8000000000000000", Long.MIN_VALUE, "00000000000001", 0L, "000000000000000001", 0L, "", 0L)
        .entrySet()) {
      assertThat(slice(none, HashTree.leaf(HEX.parseHex(e.getKey()))).signalFor("dest"))
          .as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(slice(none, HashTree.empty()).signalFor("dest")).isZero();
    assertThat(slice(none, HashTree.leaf(new byte[8])).signalFor("other")).isZero();
  }
}
