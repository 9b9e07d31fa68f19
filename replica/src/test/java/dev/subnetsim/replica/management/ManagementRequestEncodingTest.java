package dev.subnetsim.replica.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pins the CBOR bytes of the derived-key requests, so sharing their field code cannot move them. */
class ManagementRequestEncodingTest {
  private static final List<byte[]> PATH = List.of(new byte[] {1, 2}, new byte[] {3});

  private static String hex(ManagementRequest r) {
    return HexFormat.of().formatHex(r.encode());
  }

  @Test
  void publicKeyRequestsEncodeCurveOrAlgorithmThenPathThenKeyName() {
    assertThat(hex(new ManagementRequest.EcdsaPublicKey("secp256k1", PATH, "key_1")))
        .isEqualTo("a365637572766569736563703235366b316f64657269766174696f6e5f7061746882420102"
            + "4103686b65795f6e616d65656b65795f31");
    assertThat(hex(new ManagementRequest.EcdhPublicKey("p256", PATH, "key_1")))
        .isEqualTo("a365637572766564703235366f64657269766174696f6e5f70617468824201024103686b65"
            + "795f6e616d65656b65795f31");
    assertThat(hex(new ManagementRequest.SchnorrPublicKey("ed25519", PATH, "k")))
        .isEqualTo("a369616c676f726974686d67656432353531396f64657269766174696f6e5f706174688242"
            + "01024103686b65795f6e616d65616b");
  }

  @Test
  void signingAndDeriveRequestsEncodeTheirPayloadAfterTheSharedFields() {
    assertThat(hex(new ManagementRequest.SignWithEcdsa("secp256k1", new byte[] {9, 9}, PATH, "k")))
        .isEqualTo("a465637572766569736563703235366b316f64657269766174696f6e5f7061746882420102"
            + "4103686b65795f6e616d65616b6c6d6573736167655f68617368420909");
    assertThat(hex(new ManagementRequest.SignWithSchnorr("bip340secp256k1", new byte[] {7},
        PATH, Optional.of(new byte[] {5}), "k")))
        .isEqualTo("a569616c676f726974686d6f626970333430736563703235366b316f64657269766174696f"
            + "6e5f70617468824201024103686b65795f6e616d65616b676d657373616765410773746170726f"
            + "6f745f6d65726b6c655f726f6f744105");
    assertThat(hex(new ManagementRequest.EcdhDerive("x25519", new byte[] {4}, PATH,
        Optional.empty(), "k")))
        .isEqualTo("a4656375727665667832353531396f64657269766174696f6e5f7061746882420102410368"
            + "6b65795f6e616d65616b6f706565725f7075626c69635f6b65794104");
  }
}
