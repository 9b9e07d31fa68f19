package dev.subnetsim.replica.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.replica.xnet.XNetSlice;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Payload items in their protobuf form: they round-trip, and only the canonical bytes decode. */
class PayloadItemTest {
  private static final List<PayloadItem> ITEMS = List.of(
      new PayloadItem.Workload(1, 2, 0, "increment", new byte[] {1}, new byte[64]),
      new PayloadItem.Workload(-1, Long.MIN_VALUE, 3, "", new byte[0]),
      new PayloadItem.XNet(new XNetSlice("root", 9, new byte[48], new byte[] {1, 2})),
      new PayloadItem.ChainKeyResponse(5, new TreeMap<>(Map.of(0, new byte[] {1, 2},
          3, new byte[48], -2, new byte[0]))),
      new PayloadItem.ReshareDealing(-1, "ecdsa:secp256k1", 2, new byte[40]),
      new PayloadItem.PresignatureDealing("ecdsa:secp256k1", 4, "kappa", -1, new byte[40]),
      new PayloadItem.ReshareComplaint(0, "ecdsa/p256", 1, 2, new byte[33], new byte[64]),
      new PayloadItem.ReshareOpening(0, "ecdsa/p256", 1, 3, new byte[32]),
      new PayloadItem.PresignatureComplaint("ecdsa/P256", 5, "lambda", 0, 1, new byte[33],
          new byte[64]),
      new PayloadItem.PresignatureOpening("ecdsa/P256", 5, "lambda", 0, 2, new byte[32],
          new byte[32]));

  @Test
  void everyItemSurvivesItsProtobufFormByteForByte() {
    for (PayloadItem item : ITEMS) {
      byte[] bytes = item.encode();
      PayloadItem back = PayloadItem.decode(bytes);
      assertThat(back.getClass()).isEqualTo(item.getClass());
      assertThat(back.encode()).isEqualTo(bytes);
    }
  }

  @Test
  void aWorkloadIsThePayloadItemProtobufWithItsFieldsInOrder() {
    byte[] bytes = new PayloadItem.Workload(1, 2, 0, "inc", new byte[] {7}).encode();
    // 0a (workload) 0c (12 bytes): 08 01, 10 02, (target 0 omitted), 22 03 "inc", 2a 01 07
    assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("0a0c08011002" + "2203696e63" + "2a0107");
  }

  @Test
  void theLoadSignatureCoversTheBigEndianFieldsNotTheProtobuf() {
    var w = new PayloadItem.Workload(1, 2, 3, "m", new byte[] {9});
    assertThat(HexFormat.of().formatHex(w.signedBytes())).isEqualTo("57"
        + "0000000000000001" + "0000000000000002" + "0000000000000003" + "00000001" + "6d"
        + "00000001" + "09");
  }

  @Test
  void anEncodingWithADefaultFieldWrittenOutIsNotCanonical() {
    byte[] canonical = new PayloadItem.Workload(1, 2, 0, "inc", new byte[0]).encode();
    // The same workload with target = 0 written out (18 00): protobuf reads it, we refuse it.
    byte[] explicit = HexFormat.of().parseHex("0a0b080110021800220369" + "6e63");
    assertThat(explicit).isNotEqualTo(canonical);
    assertThatThrownBy(() -> PayloadItem.decode(explicit))
        .isExactlyInstanceOf(MalformedPayloadItemException.class)
        .hasMessageContaining("canonical");
  }

  private static byte[] response(int... signers) {
    var r = dev.subnetsim.replica.payload.proto.ChainKeyResponse.newBuilder().setRequestId(5);
    for (int signer : signers) {
      r.addShares(dev.subnetsim.replica.payload.proto.ChainKeyShare.newBuilder().setSigner(signer)
          .setShare(com.google.protobuf.ByteString.copyFrom(new byte[] {(byte) signer})));
    }
    return dev.subnetsim.replica.payload.proto.PayloadItem.newBuilder().setChainKeyResponse(r)
        .build().toByteArray();
  }

  @Test
  void chainKeySharesOutOfOrderOrRepeatedAreRefused() {
    assertThat(PayloadItem.decode(response(1, 2))).isInstanceOf(PayloadItem.ChainKeyResponse.class);
    assertThatThrownBy(() -> PayloadItem.decode(response(2, 1)))
        .isExactlyInstanceOf(MalformedPayloadItemException.class)
        .hasMessageContaining("ChainKeyResponse payload item not in its canonical encoding");
    assertThatThrownBy(() -> PayloadItem.decode(response(1, 1)))
        .isExactlyInstanceOf(MalformedPayloadItemException.class)
        .hasMessageContaining("repeats signer 1");
  }

  @Test
  void anEmptyOrUnknownItemIsRefusedNamingWhy() {
    assertThatThrownBy(() -> PayloadItem.decode(new byte[0]))
        .isExactlyInstanceOf(MalformedPayloadItemException.class)
        .hasMessageContaining("sets no item");
    // Field 15 is no item kind.
    assertThatThrownBy(() -> PayloadItem.decode(new byte[] {0x7a, 0}))
        .isExactlyInstanceOf(MalformedPayloadItemException.class)
        .hasMessageContaining("sets no item");
    assertThatThrownBy(() -> PayloadItem.decode(Arrays.copyOf(ITEMS.get(0).encode(), 5)))
        .isExactlyInstanceOf(MalformedPayloadItemException.class)
        .hasMessageContaining("not a PayloadItem protobuf");
  }

  @Test
  void aComplaintOrOpeningWithAnOversizedCryptoFieldIsRefusedUnread() {
    byte[] big = new byte[PayloadItem.MAX_CRYPTO_FIELD_BYTES + 1];
    assertThatThrownBy(() -> PayloadItem.decode(new PayloadItem.ReshareComplaint(0, "k", 0, 0,
        big, new byte[0]).encode()))
        .isExactlyInstanceOf(MalformedPayloadItemException.class).hasMessageContaining("dh of");
    assertThatThrownBy(() -> PayloadItem.decode(new PayloadItem.ReshareOpening(0, "k", 0, 0,
        big).encode()))
        .isExactlyInstanceOf(MalformedPayloadItemException.class).hasMessageContaining("value of");
  }
}
