package dev.subnetsim.chainkey.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.certification.CertificateVerificationException.Reason;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A canister signature produced on the IC mainnet (the signed delegation of the ICRC-34 standard's
 * example response; the signing canister is fgte5-ciaaa-aaaad-aaatq-cai): a session-key delegation
 * {pubkey: a P-256 key, expiration: 1702683438614940079} signed by the canister-signature key with
 * the 32-byte seed f5837f..13. Verified end to end with real BLS under the IC root key, with the
 * message computed by {@link SessionKeyDelegation} (so the representation-independent hash and the
 * "ic-request-auth-delegation" domain are checked against production data too).
 */
class MainnetCanisterSignatureTest {

  private static final HexFormat HEX = HexFormat.of();
  static final byte[] SIGNER_KEY_DER = HEX.parseHex(
      "303c300c060a2b0601040183b8430102032c000a00000000006000270101f5837f12b43cc8dfb5e2a7b086b5341e6dab659efb4abc9d2ec48c4581e83713");
  static final byte[] SESSION_KEY_DER = Base64.getDecoder().decode(
      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEvHD28SXwRW2i6bgiqmel2fDV7/CDNyxkMwGh8BvmTVI+5DBSBMHJeyFZwbJEyj8Pc7rJv6XWOW+x4lsdEI4bdg==");
  static final long EXPIRATION = 1702683438614940079L;
  static final byte[] SIGNATURE = HEX.parseHex(
          "d9d9f7a26b6365727469666963617465590547d9d9f7a3647472656583018301830183024863616e6973746572830183018301830183018301820458"
          + "20640c48458731be868c750243066312f4e06b2bfde48309a3cfd0617ee3c8f3448301820458204042fb2844db206e1724a248eef393f5cb1d22280f"
          + "298d948fc18e0a408533438301820458208d3dbc5b1ac807eb4f313b91712db94fdf4a50068207719f1cba37771b2ac8ef83024a0000000000600027"
          + "01018301830183024e6365727469666965645f6461746182035820783d3fc50778daaf717226594dbd69379d8800fc9ee92fe483a8e965d06a725982"
          + "0458206ccd6bb31a54761d4a56e9cfd8cba384d5b8fb47184e8ca13cb70e04f2209ace8204582076ea67d6acda314c992539868e5b1a38769dc131ed"
          + "fcaa5f119bd4e80b48b08e820458203de781de0811f5a8469166c594f9433d966f686f4f4065ad9395e30bfac153e282045820cb2a94057004ae336f"
          + "b52ba39117cf90aaadefe02ddfe9205bcc13c8f6150a0282045820bc1f9b4c54f66eb8fc25381e90641ae59ef87c590186355162a52cb4875242cb82"
          + "04582095678b4226cf2d498db95d794769d9f9b7016e8cdab4337ebcbe9b747c1577a3820458202b2b747a10180ef91dba130ff4d44116fefdf00f61"
          + "81118b5b0ec93408dec8a082045820abe9147d37c1b70ea38ecb2859dcd53918608c6d5b222d709e1ea9464e70007a820458202ac020e0c56c2ca628"
          + "75a3b3599032d49f0866a8b3f3409900db9cee8f22f723830182045820ca08f8d6469ad93a44b462ec91f1fdde71b6c5f1c655f2041c10f455fc6981"
          + "3383024474696d65820349fb9384bdfaebc2d017697369676e61747572655830abe96baf7111b5d94d930a6b322a53373c3210f1a13549b92ab786ef"
          + "3ddea9a9c84c82f5fdd960b8a514f320ddaadca86a64656c65676174696f6ea2697375626e65745f6964581d2c55b347ecf2686c83781d6c59d1b43e"
          + "7b4cba8deb6c1b376107f2cd026b636572746966696361746559026ed9d9f7a26474726565830182045820c6fb32142d358491df18ac2c85ea14a2f8"
          + "bda54201048543a7ecef3d0406ed7a83018302467375626e657483018301830183018204582035bc207266aa1f9a1b4eea393efe91ae33ed4ce77069"
          + "ed8e881d86716adf7b6b830182045820f8c3eae0377ee00859223bf1c6202f5885c4dcdc8fd13b1d48c3c838688919bc83018302581d2c55b347ecf2"
          + "686c83781d6c59d1b43e7b4cba8deb6c1b376107f2cd02830183024f63616e69737465725f72616e67657382035832d9d9f782824a00000000006000"
          + "0001014a00000000006000ae0101824a00000000006000b001014a00000000006fffff010183024a7075626c69635f6b657982035885308182301d06"
          + "0d2b0601040182dc7c0503010201060c2b0601040182dc7c0503020103610090075120778eb21a530a02bcc763e7f4a192933506966af7b54c10a4d2"
          + "b24de6a86b200e3440bae6267bf4c488d9a11d0472c38c1b6221198f98e4e6882ba38a5a4e3aa5afce899b7f825ed95adfa12629688073556f274752"
          + "7213e8d73e40ce8204582036f3cd257d90fb38e42597f193a5e031dbd585b6292793bb04db4794803ce06e82045820028fc5e5f70868254e7215e7fc"
          + "630dbd29eefc3619af17ce231909e1faf97e9582045820ef8995c410ed405731c9b913f67879e3b6a6b4d659d2746db9a6b47d7e70d3d582045820ae"
          + "eab26afe4c7e764661e0dfd85644a0dfa505d5e21185c146503049a21c788783024474696d65820349c4aef2ebeed7f3cf17697369676e6174757265"
          + "58308b3df9804a0beb48ddf7956e9c6eb53a325bc1e43a0729d3f9219577a846e162a2a21b41735c2b464ea936dcb8086d5164747265658301820458"
          + "2001ea4717798bcf0cdb3e6710ee5761d76060cecf7d1c06dd23b76dd29183107b830243736967830258205fcc8fca88e746f0c7b3099998f13e7a33"
          + "cbbe1eeeae946db8d23839ddd75f4e8302582000cc0f1fea3c490797342704ac4a29f2e908ddfc1758fcb73861e836571f61fb820340");

  private final CanisterSignatureVerifier verifier = CanisterSignatureVerifier.jblst();

  private static byte[] message(Optional<List<Principal>> targets) {
    return new SessionKeyDelegation(SESSION_KEY_DER, EXPIRATION, targets).signedMessage();
  }

  @Test
  void mainnetCanisterSignatureOnASessionDelegationVerifies() throws Exception {
    CanisterSigPublicKey key = CanisterSigPublicKey.fromDer(SIGNER_KEY_DER);
    assertThat(key.canisterId().toText()).isEqualTo("fgte5-ciaaa-aaaad-aaatq-cai");
    assertThat(key.toDer()).isEqualTo(SIGNER_KEY_DER);
    verifier.verify(SIGNER_KEY_DER, message(Optional.empty()), SIGNATURE, MainnetCertificateTest.IC_ROOT_KEY);
    assertThat(CanisterSignature.decode(SIGNATURE).encode()).isEqualTo(SIGNATURE); // byte-exact re-encoding
  }

  @Test
  void mainnetCanisterSignatureRejectsAnotherDelegationSeedOrRootKey() {
    Optional<List<Principal>> targets = Optional.of(List.of(Principal.fromText("xhy27-fqaaa-aaaao-a2hlq-cai")));
    assertThatThrownBy(() -> verifier.verify(SIGNER_KEY_DER, message(targets), SIGNATURE, MainnetCertificateTest.IC_ROOT_KEY))
        .isInstanceOf(CertificateVerificationException.class)
        .satisfies(e -> assertThat(((CertificateVerificationException) e).reason()).isEqualTo(Reason.SIGNATURE_NOT_IN_TREE));
    CanisterSigPublicKey key = CanisterSigPublicKey.fromDer(SIGNER_KEY_DER);
    byte[] otherSeed = new CanisterSigPublicKey(key.canisterId(), new byte[32]).toDer();
    assertThatThrownBy(() -> verifier.verify(otherSeed, message(Optional.empty()), SIGNATURE, MainnetCertificateTest.IC_ROOT_KEY))
        .isInstanceOf(CertificateVerificationException.class)
        .satisfies(e -> assertThat(((CertificateVerificationException) e).reason()).isEqualTo(Reason.SIGNATURE_NOT_IN_TREE));
    assertThat(verifier.isValid(SIGNER_KEY_DER, message(Optional.empty()), SIGNATURE,
        CertificationFixtures.fromSeed(1).rootKeyDer())).isFalse();
  }
}
