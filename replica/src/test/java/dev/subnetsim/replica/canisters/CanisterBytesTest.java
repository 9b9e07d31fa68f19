package dev.subnetsim.replica.canisters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known answers for the example canisters' own byte layouts (in their certified memory). */
class CanisterBytesTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void theProxyCallArgumentIsTheU32MethodLengthTheMethodAndTheManagementArgument() {
    byte[] arg = ChainKeyProxyCanister.callArg("ab", new byte[] {(byte) 0xee});
    assertThat(HEX.formatHex(arg)).isEqualTo("00000002" + "6162" + "ee");
  }

  @Test
  void aNoteKeyIsTheLengthPrefixedCallerThenTheU64NoteNumber() {
    byte[] key = EncryptedNotesCanister.key(new byte[] {7, 8}, 0x0a0b);
    assertThat(HEX.formatHex(key)).isEqualTo("020708" + "0000000000000a0b");
  }

  @Test
  void theKeyValueCounterIsAnEightByteBigEndianLong() {
    assertThat(HEX.formatHex(KeyValueCanister.longBytes(258))).isEqualTo("0000000000000102");
    assertThat(KeyValueCanister.toLong(HEX.parseHex("fffffffffffffffe"))).isEqualTo(-2);
  }

  @Test
  void aKeyValueCounterShorterThanEightBytesIsMalformed() {
    assertThatThrownBy(() -> KeyValueCanister.toLong(new byte[7]))
        .isExactlyInstanceOf(MalformedBytesException.class);
  }
}
