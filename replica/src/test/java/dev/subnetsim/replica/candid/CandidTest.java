package dev.subnetsim.replica.candid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Known answers from the Candid specification's binary format and its test suite
 * (candid/test/prim.test.did, construct.test.did): each encoding is the spec's byte string, and
 * decoding it gives the value back; malformed messages from the suite are refused.
 */
class CandidTest {

  private static byte[] hex(String h) {
    return HexFormat.of().parseHex(h);
  }

  private static final String DIDL = "4449444c";

  @Test
  void emptyTupleIsMagicAndTwoZeros() {
    assertThat(Candid.encode(List.of(), List.of())).isEqualTo(hex(DIDL + "0000"));
    assertThat(Candid.decode(hex(DIDL + "0000"), List.of())).isEmpty();
  }

  @Test
  void primitivesEncodeAsInTheSpecsPrimTests() {
    // prim.test.did: "DIDL\00\01\71\03ABC" == "(\"ABC\")"; "DIDL\00\01\78\01\00..." == "(1 : nat64)"
    assertThat(Candid.encode(List.of(CandidType.TEXT), List.of("ABC")))
        .isEqualTo(hex(DIDL + "000171" + "03414243"));
    assertThat(Candid.encode(List.of(CandidType.NAT64), List.of(1L)))
        .isEqualTo(hex(DIDL + "000178" + "0100000000000000"));
    // "DIDL\00\01\7d\80\01" == "(128 : nat)" (LEB128); "DIDL\00\01\7e\01" == "(true)"
    assertThat(Candid.encode(List.of(CandidType.NAT), List.of(BigInteger.valueOf(128))))
        .isEqualTo(hex(DIDL + "00017d" + "8001"));
    assertThat(Candid.encode(List.of(CandidType.BOOL), List.of(true)))
        .isEqualTo(hex(DIDL + "00017e01"));
    assertThat(Candid.encode(List.of(CandidType.NULL), Collections1.listOfNull()))
        .isEqualTo(hex(DIDL + "00017f"));
    assertThat(Candid.decode(hex(DIDL + "00017d8001"), List.of(CandidType.NAT)))
        .containsExactly(BigInteger.valueOf(128));
    assertThat(Candid.decode(hex(DIDL + "0001780100000000000000"), List.of(CandidType.NAT64)))
        .containsExactly(1L);
  }

  @Test
  void optUsesATypeTableEntryAsInTheSpecsConstructTests() {
    // construct.test.did: "DIDL\01\6e\7c\01\00\00" == "(null : opt int)"; opt text likewise
    assertThat(Candid.encode(List.of(CandidType.opt(CandidType.TEXT)),
        List.of(Optional.empty()))).isEqualTo(hex(DIDL + "016e71" + "0100" + "00"));
    byte[] some = hex(DIDL + "016e71" + "0100" + "01" + "03414243");
    assertThat(Candid.encode(List.of(CandidType.opt(CandidType.TEXT)),
        List.of(Optional.of("ABC")))).isEqualTo(some);
    assertThat(Candid.decode(some, List.of(CandidType.opt(CandidType.TEXT))))
        .containsExactly(Optional.of("ABC"));
  }

  @Test
  void blobIsVecNat8() {
    // "DIDL\01\6d\7b\01\00\03\01\02\03" == "(blob \"\\01\\02\\03\")"
    byte[] b = hex(DIDL + "016d7b" + "0100" + "03010203");
    assertThat(Candid.encode(List.of(CandidType.BLOB), List.of(new byte[] {1, 2, 3})))
        .isEqualTo(b);
    assertThat((byte[]) Candid.decode(b, List.of(CandidType.BLOB)).get(0))
        .containsExactly(1, 2, 3);
  }

  @Test
  void twoTextsRoundTripAndExtraArgumentsAreIgnored() {
    byte[] two = Candid.encode(List.of(CandidType.TEXT, CandidType.TEXT), List.of("k", "vé"));
    assertThat(Candid.decode(two, List.of(CandidType.TEXT, CandidType.TEXT)))
        .containsExactly("k", "vé");
    assertThat(Candid.decode(two, List.of(CandidType.TEXT))).containsExactly("k");
  }

  @Test
  void malformedMessagesAreRefused() {
    // prim.test.did: missing magic, truncated text, wrong type, trailing bytes, bad UTF-8
    assertThatThrownBy(() -> Candid.decode(hex("0000"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("magic");
    assertThatThrownBy(() -> Candid.decode(hex(DIDL + "000171"), List.of(CandidType.TEXT)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> Candid.decode(hex(DIDL + "0001710341"), List.of(CandidType.TEXT)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("past the end");
    assertThatThrownBy(() -> Candid.decode(hex(DIDL + "000171" + "03414243"),
        List.of(CandidType.NAT64))).hasMessageContaining("expected");
    assertThatThrownBy(() -> Candid.decode(hex(DIDL + "0000" + "00"), List.of()))
        .hasMessageContaining("after the values");
    assertThatThrownBy(() -> Candid.decode(hex(DIDL + "000171" + "02c328"),
        List.of(CandidType.TEXT))).hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> Candid.decode(hex(DIDL + "016e00" + "0100" + "01"),
        List.of(CandidType.opt(CandidType.TEXT)))).hasMessageContaining("refers to itself");
    assertThatThrownBy(() -> Candid.decode(hex(DIDL + "016e71" + "0100" + "02"),
        List.of(CandidType.opt(CandidType.TEXT)))).hasMessageContaining("opt tag");
  }

  /** A one-element list holding null (List.of refuses null). */
  private static final class Collections1 {
    static List<Object> listOfNull() {
      return java.util.Collections.singletonList(null);
    }
  }
}
