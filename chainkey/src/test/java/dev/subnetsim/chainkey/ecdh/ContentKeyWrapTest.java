package dev.subnetsim.chainkey.ecdh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcShamir;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Seed 001's CEK/KEK flow between a plain user and a canister whose key is threshold-held. */
class ContentKeyWrapTest {

  /** RFC 3394 section 4.6: 256-bit key data wrapped with a 256-bit KEK. */
  @Test
  void aesKeyWrapMatchesRfc3394Vector() throws Exception {
    byte[] kek = Hex.decode("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F");
    byte[] key = Hex.decode("00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F");
    byte[] wrapped = ContentKeyWrap.wrap(kek, key);
    assertThat(Hex.toHexString(wrapped))
        .isEqualTo("28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21");
    assertThat(ContentKeyWrap.unwrap(kek, wrapped)).isEqualTo(key);
  }

  @ParameterizedTest
  @EnumSource(value = EcdhGroup.class, names = {"P256", "X25519"})
  void userWrapsAContentKeyThatTheSubnetUnwrapsWithThresholdEcdh(EcdhGroup group) throws Exception {
    SeededRandom rng = SeededRandom.fromSeed(18013);
    EcShamir.Dealt canisterKey = EcShamir.deal(EcScalar.random(group.curve(), rng.fork("key")), 3, 7, rng.fork("dealer"));
    PlainPeer user = PlainPeer.generate(group, rng.fork("user"));
    byte[] salt = MessageDigest.getInstance("SHA-256").digest("SessionTranscriptBytes".getBytes(StandardCharsets.US_ASCII));
    byte[] info = "SKReader".getBytes(StandardCharsets.US_ASCII);

    // User A: plain ECDH with the canister's public key, KEK, wrap a fresh CEK.
    byte[] cek = new byte[32];
    rng.fork("cek").nextBytes(cek);
    byte[] userKek = ContentKeyWrap.deriveKek(user.agree(ThresholdEcdh.subnetPublicKey(canisterKey.publicKey())), salt, info);
    byte[] wrapped = ContentKeyWrap.wrap(userKek, cek);

    // Canister B: threshold ECDH with A's public key (encrypted to the canister's transport key so
    // no replica sees the KEK), then unwrap.
    TransportKeyPair transport = TransportKeyPair.generate(group.curve(), rng.fork("transport"));
    List<EncryptedDhShare> shares = new ArrayList<>();
    for (int i : new int[] {0, 2, 4}) {
      shares.add(ThresholdEcdh.createEncryptedShare(
          canisterKey.publicKey(), canisterKey.shares().get(i), user.publicKey(), transport.publicKey(), rng));
    }
    byte[] secret = ThresholdEcdh.decryptSharedSecret(canisterKey.publicKey(), transport,
        ThresholdEcdh.combineEncrypted(canisterKey.publicKey(), user.publicKey(), transport.publicKey(), shares));
    byte[] canisterKek = ContentKeyWrap.deriveKek(secret, salt, info);
    assertThat(ContentKeyWrap.unwrap(canisterKek, wrapped)).isEqualTo(cek);

    // Tampered wrapped key, or a KEK for another peer: the integrity check fails.
    byte[] tampered = wrapped.clone();
    tampered[5] ^= 1;
    assertThatThrownBy(() -> ContentKeyWrap.unwrap(canisterKek, tampered))
        .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("integrity check");
    PlainPeer mallory = PlainPeer.generate(group, rng.fork("mallory"));
    byte[] wrongKek = ContentKeyWrap.deriveKek(mallory.agree(ThresholdEcdh.subnetPublicKey(canisterKey.publicKey())), salt, info);
    assertThatThrownBy(() -> ContentKeyWrap.unwrap(wrongKek, wrapped)).isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void wrapRejectsKeysRfc3394CannotWrap() {
    assertThatThrownBy(() -> ContentKeyWrap.wrap(new byte[32], new byte[12])).hasMessageContaining("8-byte blocks");
  }
}
