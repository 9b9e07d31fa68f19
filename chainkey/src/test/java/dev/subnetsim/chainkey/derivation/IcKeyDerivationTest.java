package dev.subnetsim.chainkey.derivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcSecretShare;
import dev.subnetsim.chainkey.ec.EcShamir;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/**
 * Expected values are test data copied from @dfinity/ic-pub-key 1.0.2 (master keys in its
 * forMainnetKey/forPocketIcKey, vectors in src/.../mainnet_derivation.test.ts and
 * test/samples.json) and from dfinity/ic packages/ic-secp256r1/tests/tests.rs (the SLIP-10 NIST
 * P-256 vector 1).
 */
class IcKeyDerivationTest {
  private static final byte[] CANISTER = Principal.fromText("h5jwf-5iaaa-aaaan-qmvoa-cai").toBytes();

  // Mainnet master keys (chain code 32 zero bytes).
  private static final String ECDSA_KEY_1 = "02121bc3a5c38f38ca76487c72007ebbfd34bc6c4cb80a671655aa94585bbd0a02";
  private static final String ECDSA_TEST_KEY_1 = "02f9ac345f6be6db51e1c5612cddb59e72c3d0d493c994d12035cf13257e3b1fa7";
  private static final String BIP340_KEY_1 = "02246e29785f06d37a8a50c49f6152a34df74738f8c13a44f59fef4cbe90eb13ac";
  private static final String BIP340_TEST_KEY_1 = "037a651a2e5ef3d1ef63e84c4c4caa029fa4a43a347a91e4d84a8e846853d51be1";
  private static final String ED25519_KEY_1 = "476374d9df3a8af28d3164dc2422cff894482eadd1295290b6d9ad92b2eeaa5c";
  private static final String ED25519_TEST_KEY_1 = "6c0824beb37621bcca6eecc237ed1bc4e64c9c59dcb85344aa7f9cc8278ee31f";

  private static final List<byte[]> PATH_ABCDEF = List.of(Hex.decode("ABCDEF"), Hex.decode("012345"));
  private static final List<byte[]> PATH_HELLO =
      List.of(Hex.decode("48656C6C6F"), Hex.decode("5468726573686F6C64"), Hex.decode("5369676E617475726573"));

  private static String derive(EcCurve curve, String masterHex, List<byte[]> path) {
    EcPoint master = EcPoint.decode(curve, Hex.decode(masterHex));
    return Hex.toHexString(IcKeyDerivation.derive(master, DerivationPath.forCanister(CANISTER, path)).publicKey().encode());
  }

  @Test
  void secp256k1EcdsaMainnetKeysDeriveAsIcPubKey() {
    assertThat(derive(EcCurve.SECP256K1, ECDSA_KEY_1, PATH_ABCDEF))
        .isEqualTo("02735ca28b5c3e380016d7f28bf4703b540a8bbe8e24beffdc021455ca2ab93fe3");
    assertThat(derive(EcCurve.SECP256K1, ECDSA_TEST_KEY_1, PATH_HELLO))
        .isEqualTo("0315ae8bb8c6e9f78eec2167f5ac773067f37a39da1a1efbc585f9e90658d1c620");
  }

  @Test
  void bip340MainnetKeysDeriveAsIcPubKey() {
    assertThat(derive(EcCurve.SECP256K1, BIP340_KEY_1, PATH_ABCDEF))
        .isEqualTo("03e5e92c2399985f82521b110ac3dbf697a6b9522002c0d31d0b7cd5352c343457");
    assertThat(derive(EcCurve.SECP256K1, BIP340_TEST_KEY_1, PATH_HELLO))
        .isEqualTo("0237ca6a41c1db8ab40410445250a5d46fbec7f3e449c8f40f86d8622a4106cebd");
  }

  @Test
  void ed25519MainnetKeysDeriveAsIcPubKey() {
    assertThat(derive(EcCurve.ED25519, ED25519_KEY_1, PATH_ABCDEF))
        .isEqualTo("43f0008b26564b6da51f585ad47669dfeb1db6d94d7dd216bd304fc1f5f5e997");
    assertThat(derive(EcCurve.ED25519, ED25519_TEST_KEY_1, PATH_HELLO))
        .isEqualTo("d9a2ce6a3cd33fe16dce37e045609e51ff516e93bb51013823d6d7a915e3cfb9");
  }

  private static DerivedKey deriveWithChainCode(EcCurve curve, String pk, String cc, String... components) {
    List<byte[]> path = new ArrayList<>();
    for (String c : components) {
      path.add(c.getBytes(StandardCharsets.US_ASCII));
    }
    return IcKeyDerivation.derive(EcPoint.decode(curve, Hex.decode(pk)), Hex.decode(cc), DerivationPath.of(path));
  }

  /** test/samples.json of ic-pub-key: derived keys with a given (non-zero) chain code. */
  @Test
  void givenChainCodesDeriveKeysAndChainCodesAsIcPubKeySamples() {
    DerivedKey k1 = deriveWithChainCode(EcCurve.SECP256K1,
        "02b84ff3f88329a887657d0309bd1a1af9e37601e5d1a535d6fe7d42e37f79f40a",
        "212891bc032f28d369bacf39dc369feb516eced9a3d83498246aead1546f8cd1", "2", "444", "66666");
    assertThat(Hex.toHexString(k1.publicKey().encode()))
        .isEqualTo("024bf78e40bb51d2c6c14c11aa8f3af1549741de5acdf925e6dc230dfc5daa22d9");
    assertThat(Hex.toHexString(k1.chainCode())).isEqualTo("bc35b8515f03aa1543081e2af4e878f28b27f3ce00c035f4068702d33ee88586");

    DerivedKey k2 = deriveWithChainCode(EcCurve.SECP256K1,
        "0291f38cada7f498d467a18527dc6706b6343b124062776a9996077820d2c76be2",
        "9cfbcc11fbc2d401c3719785c31840a2bad151baf28c3795bc63f5fbc9cb26d7", "bungee");
    assertThat(Hex.toHexString(k2.publicKey().encode()))
        .isEqualTo("02cc48da88c3b372cb5d5ac2665c92da65714de07ad148a5a838bb5e95fbddb591");
    assertThat(Hex.toHexString(k2.chainCode())).isEqualTo("2dfe858431260fefb8b8093cfbf69bd1428c08757eee9131b901f9010238703b");

    // Path "/" is two empty components.
    DerivedKey k3 = deriveWithChainCode(EcCurve.SECP256K1,
        "0291f38cada7f498d467a18527dc6706b6343b124062776a9996077820d2c76be2",
        "9cfbcc11fbc2d401c3719785c31840a2bad151baf28c3795bc63f5fbc9cb26d7", "", "");
    assertThat(Hex.toHexString(k3.publicKey().encode()))
        .isEqualTo("03e204c5244fc5a7a98be3d643fca87b3f0b73db55cdd23abb197c191c89e4bfc6");
    assertThat(Hex.toHexString(k3.chainCode())).isEqualTo("f28e1c6f888684f2a46ab564e648e08a45e27b2d5b7b799ffd6adbd424dc643f");

    DerivedKey e1 = deriveWithChainCode(EcCurve.ED25519,
        "5dc497e58f2eaaa2acb80f8f235e754ea243ab2c1d5683d55eec5b3275b31691",
        "96094ba65eb8d6e71797b837a27bf175d8ad2828fa508fab3d57041550dc0334", "2", "444", "66666");
    assertThat(Hex.toHexString(e1.publicKey().encode()))
        .isEqualTo("d41c15e8f8f718ada435d38c96a8f04ca342e70c9396642bc2c1c08da8cc0406");
    assertThat(Hex.toHexString(e1.chainCode())).isEqualTo("541a8e8b26c80efcb462d036e88ae6e66e46876e3deceb2c54ddfecc94e2a1aa");

    DerivedKey e2 = deriveWithChainCode(EcCurve.ED25519,
        "da38b16641af7626e372070ff9f844b7c89d1012850d2198393849d79d3d2d5d",
        "985be5283a68fc22540930ca02680f86c771419ece571eb838b33eb5604cfbc0", "2", "444", "66666");
    assertThat(Hex.toHexString(e2.publicKey().encode()))
        .isEqualTo("7b3e64014987350f8ef9b89e0e804032c9c2de3b1825a789d0fd53266b5b0e71");
    assertThat(Hex.toHexString(e2.chainCode())).isEqualTo("0816a73ea47f024698baab4c453f6381acc0b829384974eb96c611ab63837b05");

    DerivedKey b1 = deriveWithChainCode(EcCurve.SECP256K1,
        "030466da666fe067f52cb5337a72e7722123ab3fc82f92b8a5f92b89d0e9bbd6e1",
        "8b51936ff7862e556e31f1116a657469f00083497062db2e8ee9573e3346a83a", "2", "444", "66666");
    assertThat(Hex.toHexString(b1.publicKey().encode()))
        .isEqualTo("0329d1f060d8225b2547abd7b7cdccc56ea675cfacd46a75863bd98d9a5dcafca7");
    assertThat(Hex.toHexString(b1.chainCode())).isEqualTo("4741d01b413e340d0a253e8adf860fd28cea1eebfad71493bac7476e6d20b1ab");
  }

  /** dfinity/ic ic-secp256r1 tests: SLIP-10 test vector 1 for nist256p1, chain m/2/1000000000. */
  @Test
  void p256DerivationMatchesIcSecp256r1Slip10Vector() {
    EcScalar sk = EcScalar.fromBytes(EcCurve.P256, Hex.decode("694596e8a54f252c960eb771a3c41e7e32496d03b954aeb90f61635b8e092aa7"));
    EcPoint pk = EcPoint.decode(EcCurve.P256, Hex.decode("0359cf160040778a4b14c5f4d7b76e327ccc8c4a6086dd9451b7482b5a4972dda0"));
    assertThat(EcPoint.mulGenerator(sk)).isEqualTo(pk);
    DerivedKey d = IcKeyDerivation.derive(pk,
        Hex.decode("98c7514f562e64e74170cc3cf304ee1ce54d6b6da4f880f313e8204c2a185318"), DerivationPath.bip32(2, 1000000000));
    assertThat(Hex.toHexString(d.chainCode())).isEqualTo("b9b7b82d326bb9cb5b5b121066feea4eb93d5241103c9e7a18aad40f1dde8059");
    assertThat(Hex.toHexString(d.publicKey().encode()))
        .isEqualTo("02216cd26d31147f72427a453c443ed2cde8a1e53c9cc44e5ddf739725413fe3f4");
    // The derived secret key is sk + offset.
    assertThat(Hex.toHexString(sk.add(d.offset()).toBytes()))
        .isEqualTo("21c4f269ef0a5fd1badf47eeacebeeaa3de22eb8e5b0adcd0f27dd99d34d0119");
  }

  @Test
  void emptyPathReturnsTheMasterKeyAndChainCode() {
    EcPoint master = EcPoint.decode(EcCurve.SECP256K1, Hex.decode(ECDSA_KEY_1));
    DerivedKey d = IcKeyDerivation.derive(master, DerivationPath.empty());
    assertThat(d.publicKey()).isEqualTo(master);
    assertThat(d.chainCode()).isEqualTo(new byte[32]);
    assertThat(d.offset().isZero()).isTrue();
  }

  @Test
  void derivationComposesAlongThePath() {
    for (EcCurve curve : EcCurve.values()) {
      EcPoint master = EcPoint.mulGenerator(EcScalar.random(curve, SeededRandom.fromSeed(3)));
      DerivationPath full = DerivationPath.forCanister(CANISTER, PATH_HELLO);
      DerivedKey direct = IcKeyDerivation.derive(master, full);
      DerivedKey first = IcKeyDerivation.derive(master, DerivationPath.of(List.of(CANISTER)));
      DerivedKey rest = IcKeyDerivation.derive(first.publicKey(), first.chainCode(), DerivationPath.of(PATH_HELLO));
      assertThat(rest.publicKey()).isEqualTo(direct.publicKey());
      assertThat(rest.chainCode()).isEqualTo(direct.chainCode());
      assertThat(first.offset().add(rest.offset())).isEqualTo(direct.offset());
      assertThat(master.add(EcPoint.mulGenerator(direct.offset()))).isEqualTo(direct.publicKey());
    }
  }

  @Test
  void offsetAddedToEveryShareGivesAThresholdSharingOfTheDerivedKey() {
    for (EcCurve curve : EcCurve.values()) {
      SeededRandom rng = SeededRandom.fromSeed(11);
      EcShamir.Dealt dealt = EcShamir.deal(EcScalar.random(curve, rng), 3, 7, rng);
      DerivedKey d = IcKeyDerivation.derive(dealt.publicKey().publicKey(), DerivationPath.forCanister(CANISTER, PATH_ABCDEF));
      var derivedPk = d.deriveThresholdPublicKey(dealt.publicKey());
      assertThat(derivedPk.isConsistent()).isTrue();
      List<EcSecretShare> shares = List.of(
          d.deriveShare(dealt.shares().get(0)), d.deriveShare(dealt.shares().get(3)), d.deriveShare(dealt.shares().get(5)));
      for (EcSecretShare s : shares) {
        assertThat(s.publicShare()).isEqualTo(derivedPk.publicKeyShare(s.index()));
      }
      assertThat(EcPoint.mulGenerator(EcShamir.reconstruct(curve, shares))).isEqualTo(d.publicKey());
    }
  }

  @Test
  void anyChangeOfPathCanisterOrChainCodeChangesTheKey() {
    EcPoint master = EcPoint.decode(EcCurve.ED25519, Hex.decode(ED25519_KEY_1));
    DerivedKey base = IcKeyDerivation.derive(master, DerivationPath.forCanister(CANISTER, PATH_ABCDEF));
    byte[] otherCanister = CANISTER.clone();
    otherCanister[otherCanister.length - 1] ^= 1;
    assertThat(IcKeyDerivation.derive(master, DerivationPath.forCanister(otherCanister, PATH_ABCDEF)).publicKey())
        .isNotEqualTo(base.publicKey());
    assertThat(IcKeyDerivation.derive(master, DerivationPath.forCanister(CANISTER, List.of(Hex.decode("ABCDEF")))).publicKey())
        .isNotEqualTo(base.publicKey());
    byte[] cc = new byte[32];
    cc[0] = 1;
    assertThat(IcKeyDerivation.derive(master, cc, DerivationPath.forCanister(CANISTER, PATH_ABCDEF)).publicKey())
        .isNotEqualTo(base.publicKey());
  }

  @Test
  void badInputsAreRejected() {
    EcPoint master = EcCurve.SECP256K1.generator();
    assertThatThrownBy(() -> IcKeyDerivation.derive(master, new byte[31], DerivationPath.empty()))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> IcKeyDerivation.derive(EcCurve.SECP256K1.identity(), DerivationPath.empty()))
        .hasMessageContaining("identity");
    DerivedKey d = IcKeyDerivation.derive(master, DerivationPath.bip32(1));
    var other = EcShamir.deal(EcScalar.of(EcCurve.SECP256K1, 5), 1, 1, SeededRandom.fromSeed(1)).publicKey();
    assertThatThrownBy(() -> d.deriveThresholdPublicKey(other)).hasMessageContaining("not derived from");
  }
}
