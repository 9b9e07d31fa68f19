package dev.subnetsim.chainkey.ic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PrincipalTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void textVectorsFromTheSpecAndMainnetRoundTrip() {
    // Interface spec, "Textual representation of principals": 0xABCD01 -> em77e-bvlzu-aq.
    assertThat(Principal.fromBytes(HEX.parseHex("abcd01")).toText()).isEqualTo("em77e-bvlzu-aq");
    assertThat(Principal.fromText("em77e-bvlzu-aq").toHex()).isEqualTo("abcd01");
    assertThat(Principal.managementCanister().toText()).isEqualTo("aaaaa-aa");
    assertThat(Principal.fromText("aaaaa-aa").length()).isZero();
    assertThat(Principal.anonymous().toText()).isEqualTo("2vxsx-fae");
    assertThat(Principal.fromText("2vxsx-fae").isAnonymous()).isTrue();
    // Internet Identity (index 7) and the ICP ledger (index 2) on mainnet.
    assertThat(Principal.fromText("rdmx6-jaaaa-aaaaa-aaadq-cai").toHex()).isEqualTo("00000000000000070101");
    assertThat(CanisterIds.fromIndex(7).toText()).isEqualTo("rdmx6-jaaaa-aaaaa-aaadq-cai");
    assertThat(CanisterIds.fromIndex(2).toText()).isEqualTo("ryjl3-tyaaa-aaaaa-aaaba-cai");
    assertThat(CanisterIds.index(Principal.fromText("ryjl3-tyaaa-aaaaa-aaaba-cai"))).isEqualTo(2);
  }

  @Test
  void parsingIsCaseInsensitiveButPrintingIsLowerCase() {
    assertThat(Principal.fromText("RDMX6-JAAAA-AAAAA-AAADQ-CAI").toText()).isEqualTo("rdmx6-jaaaa-aaaaa-aaadq-cai");
  }

  @Test
  void aWrongChecksumIsRejected() {
    // One character of the checksum part changed.
    assertThatThrownBy(() -> Principal.fromText("rdmx7-jaaaa-aaaaa-aaadq-cai"))
        .isInstanceOf(InvalidPrincipalException.class).hasMessageContaining("CRC32");
    // Body changed (index 8 instead of 7) while keeping the checksum of index 7.
    String other = CanisterIds.fromIndex(8).toText();
    String forged = "rdmx6-jaaaa" + other.substring(11);
    assertThatThrownBy(() -> Principal.fromText(forged)).isInstanceOf(InvalidPrincipalException.class);
  }

  @Test
  void malformedTextIsRejectedWithAReason() {
    assertThatThrownBy(() -> Principal.fromText("rdmx6-jaaaa-aaaaa-aaadq-ca1"))
        .isInstanceOf(InvalidPrincipalException.class).hasMessageContaining("base32");
    assertThatThrownBy(() -> Principal.fromText("rdmx6jaaaa-aaaaa-aaadq-cai"))
        .isInstanceOf(InvalidPrincipalException.class).hasMessageContaining("canonical");
    assertThatThrownBy(() -> Principal.fromText("aaa"))
        .isInstanceOf(InvalidPrincipalException.class).hasMessageContaining("too short");
    assertThatThrownBy(() -> Principal.fromBytes(new byte[30]))
        .isInstanceOf(InvalidPrincipalException.class).hasMessageContaining("29");
  }

  @Test
  void selfAuthenticatingIdMatchesAgentJs() {
    // Ed25519 SPKI of the key 00 01 .. 1f; principal computed with @dfinity/principal 3.4.3.
    byte[] der = HEX.parseHex("302a300506032b6570032100000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    Principal p = Principal.selfAuthenticating(der);
    assertThat(p.toText()).isEqualTo("7gheb-jchfc-rcrvr-e6jtu-yplhf-2463c-shoi4-2zgcr-mxtd4-e4v72-6qe");
    assertThat(p.length()).isEqualTo(29);
    assertThat(p.isSelfAuthenticating()).isTrue();
  }

  @Test
  void orderIsLexicographicWithPrefixesFirst() {
    Principal a = Principal.fromBytes(HEX.parseHex("01"));
    Principal ab = Principal.fromBytes(HEX.parseHex("0100"));
    Principal b = Principal.fromBytes(HEX.parseHex("ff"));
    assertThat(a).isLessThan(ab);
    assertThat(ab).isLessThan(b);
    assertThat(CanisterIds.fromIndex(255)).isLessThan(CanisterIds.fromIndex(256));
  }
}
