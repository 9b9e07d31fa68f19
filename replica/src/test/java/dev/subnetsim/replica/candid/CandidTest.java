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
        List.of(CandidType.opt(CandidType.TEXT)))).hasMessageContaining("where TEXT is expected");
    assertThatThrownBy(() -> Candid.decode(hex(DIDL + "016e71" + "0100" + "02"),
        List.of(CandidType.opt(CandidType.TEXT)))).hasMessageContaining("opt tag");
  }

  @Test
  void fieldIdsAreCandidsIdlHashOrTheNumber() {
    // idlLabelToId of @dfinity/candid 3.4.3
    assertThat(CandidType.idOf("name")).isEqualTo(1224700491L);
    assertThat(CandidType.idOf("age")).isEqualTo(4846783L);
    assertThat(CandidType.idOf("key_id")).isEqualTo(1072395707L);
    assertThat(CandidType.idOf("secp256k1")).isEqualTo(492384026L);
    assertThat(CandidType.idOf("3")).isEqualTo(3L);
  }

  @Test
  void recordsVariantsAndPrincipalsEncodeAsAgentJsDoes() {
    // IDL.encode of @dfinity/candid 3.4.3: record {}, variant { ok = 42 : nat }, principal aaaaa-aa
    assertThat(Candid.encode(List.of(CandidType.record()), List.of(java.util.Map.of())))
        .isEqualTo(hex(DIDL + "016c000100"));
    CandidType result = CandidType.variant(CandidType.field("ok", CandidType.NAT),
        CandidType.field("err", CandidType.TEXT));
    byte[] ok = hex(DIDL + "016b029cc2017de58eb402710100002a");
    assertThat(Candid.encode(List.of(result), List.of(new CandidVariant("ok",
        BigInteger.valueOf(42))))).isEqualTo(ok);
    assertThat(Candid.decode(ok, List.of(result)))
        .containsExactly(new CandidVariant("ok", BigInteger.valueOf(42)));
    assertThat(Candid.encode(List.of(CandidType.PRINCIPAL), List.of(new byte[0])))
        .isEqualTo(hex(DIDL + "0001680100"));
  }

  @Test
  void decodingFollowsSubtypingForFieldsAndArguments() {
    CandidType wide = CandidType.record(CandidType.field("a", CandidType.TEXT),
        CandidType.field("extra", CandidType.vec(CandidType.NAT)));
    byte[] bytes = Candid.encode(List.of(wide), List.of(java.util.Map.of("a", "x",
        "extra", List.of(BigInteger.ONE))));
    CandidType narrow = CandidType.record(CandidType.field("a", CandidType.TEXT),
        CandidType.field("maybe", CandidType.opt(CandidType.NAT)));
    // an unknown field is skipped, an absent opt field is none, an absent opt argument too
    assertThat(Candid.decode(bytes, List.of(narrow, CandidType.opt(CandidType.TEXT))))
        .containsExactly(java.util.Map.of("a", "x", "maybe", Optional.empty()), Optional.empty());
    CandidType required = CandidType.record(CandidType.field("b", CandidType.TEXT));
    assertThatThrownBy(() -> Candid.decode(bytes, List.of(required)))
        .hasMessageContaining("argument 0.b is missing");
    byte[] err = Candid.encode(List.of(CandidType.variant(CandidType.field("err",
        CandidType.TEXT))), List.of(new CandidVariant("err", "no")));
    assertThatThrownBy(() -> Candid.decode(err, List.of(CandidType.variant(
        CandidType.field("ok", CandidType.NAT))))).hasMessageContaining("variant case");
  }

  @Test
  void hostileMessagesAreBoundedAndRefused() {
    // vec null of 2^40 elements: no bytes per element, so only a bound stops the loop
    assertThatThrownBy(() -> Candid.decode(hex(DIDL + "016d7f" + "0100" + "8080808080" + "20"),
        List.of(CandidType.vec(CandidType.NULL)))).hasMessageContaining("vec of");
    // vec nat of a billion elements in 3 bytes
    assertThatThrownBy(() -> Candid.decode(hex(DIDL + "016d7d" + "0100" + "80a8d6b907"),
        List.of(CandidType.vec(CandidType.NAT)))).hasMessageContaining("vec of");
    // type 0 = opt 0, nested 200 deep
    assertThatThrownBy(() -> Candid.decode(hex(DIDL + "016e00" + "0100" + "01".repeat(200)),
        List.of(CandidType.Primitive.RESERVED))).hasMessageContaining("deeper");
    // an opaque principal reference, a record with fields out of order, a type code out of range
    assertThatThrownBy(() -> Candid.decode(hex(DIDL + "000168" + "00"),
        List.of(CandidType.PRINCIPAL))).hasMessageContaining("opaque");
    assertThatThrownBy(() -> Candid.decode(hex(DIDL + "016c02" + "027d" + "017d" + "0100"
        + "0101"), List.of(CandidType.record()))).hasMessageContaining("out of order");
    assertThatThrownBy(() -> Candid.decode(hex(DIDL + "0001" + "05"), List.of()))
        .hasMessageContaining("not a type");
  }

  /** A one-element list holding null (List.of refuses null). */
  private static final class Collections1 {
    static List<Object> listOfNull() {
      return java.util.Collections.singletonList(null);
    }
  }
}
