package dev.subnetsim.replica.xnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.messaging.QueuedMessage.Reply;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Known answers for stream messages, which sit in the certified state tree (so they are hashed
 * and signed with it); pinned from the DataOutputStream codec before it moved onto chainkey's
 * canonical BigEndianWriter/Reader.
 */
class StreamMessageBytesTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String REQUEST = "51" + "0000000000000001" + "00000001aa"
      + "0000000000000002" + "000000016d" + "0000000109";
  private static final String RESPONSE = "50" + "0000000000000003" + "01" + "0000000107"
      + "00000000" + "00000000";
  private static final String KEYS = "4b" + "00000004" + "00000001" + "000000016b" + "00000001"
      + "0000000101";

  @Test
  void aRequestIsItsTagCallbackCallerTargetMethodAndArgBigEndian() {
    var m = new StreamMessage.Request(1, new byte[] {(byte) 0xaa}, new CanisterId(2), "m",
        new byte[] {9});
    assertThat(HEX.formatHex(m.encode())).isEqualTo(REQUEST);
    assertThat(HEX.formatHex(StreamMessage.decode(HEX.parseHex(REQUEST)).encode()))
        .isEqualTo(REQUEST);
  }

  @Test
  void aResponseIsItsTagCallbackFlagDataCodeAndMessageBigEndian() {
    var m = new StreamMessage.Response(3, new Reply(true, new byte[] {7}, 0, ""));
    assertThat(HEX.formatHex(m.encode())).isEqualTo(RESPONSE);
    assertThat(HEX.formatHex(StreamMessage.decode(HEX.parseHex(RESPONSE)).encode()))
        .isEqualTo(RESPONSE);
  }

  @Test
  void aKeysResharedMessageIsItsTagReshareAndDealingsPerKeyBigEndian() {
    var m = new StreamMessage.KeysReshared(4, new TreeMap<>(java.util.Map.of("k",
        List.of(new byte[] {1}))));
    assertThat(HEX.formatHex(m.encode())).isEqualTo(KEYS);
    assertThat(HEX.formatHex(StreamMessage.decode(HEX.parseHex(KEYS)).encode())).isEqualTo(KEYS);
  }

  @Test
  void malformedMessagesAreRefusedWithTheReasonsTheyHadBefore() {
    assertThatThrownBy(() -> StreamMessage.decode(HEX.parseHex(REQUEST.substring(0, 20))))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("truncated stream message");
    assertThatThrownBy(() -> StreamMessage.decode(HEX.parseHex(REQUEST + "00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trailing bytes after stream message");
    assertThatThrownBy(() -> StreamMessage.decode(HEX.parseHex("ff00")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown stream message tag -1");
    assertThatThrownBy(() -> StreamMessage.decode(HEX.parseHex("50" + "0000000000000003" + "fe")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("stream response flag -2");
    assertThatThrownBy(() -> StreamMessage.decode(HEX.parseHex("51" + "0000000000000001"
        + "7fffffff"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("truncated stream message");
    assertThatThrownBy(() -> StreamMessage.decode(HEX.parseHex("4b" + "00000004" + "00000041")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("reshare message with 65 keys");
  }
}
