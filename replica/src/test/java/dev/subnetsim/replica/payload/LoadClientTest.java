package dev.subnetsim.replica.payload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.ic.IcDomain;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load client signs and verifies with Bouncy Castle's Ed25519; these pin it to the JDK's
 * provider it replaced: the same signature bytes (so traces do not change) and the same verdict on
 * the signature and on every mangled form of it a Byzantine relay might send.
 */
class LoadClientTest {
  private static final long SEED = 42;
  /** The Ed25519 group order L, little-endian in a signature's S half. */
  private static final BigInteger L = BigInteger.TWO.pow(252)
      .add(new BigInteger("27742317777372353535851937790883648493"));

  private final LoadClient client = LoadClient.fromSeed(SEED);

  /** The key pair exactly as LoadClient.fromSeed makes it, for the JDK's reference answers. */
  private static KeyPair jdkKeys() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
    g.initialize(255, SeededRandom.fromSeed(SEED).fork("load-client"));
    return g.generateKeyPair();
  }

  private static byte[] jdkSign(KeyPair keys, PayloadItem.Workload w) throws GeneralSecurityException {
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(keys.getPrivate());
    s.update(IcDomain.prefixed("subnet-sim-load", w.signedBytes()));
    return s.sign();
  }

  private static boolean jdkVerifies(KeyPair keys, PayloadItem.Workload w) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(keys.getPublic());
      s.update(IcDomain.prefixed("subnet-sim-load", w.signedBytes()));
      return s.verify(w.signature());
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static PayloadItem.Workload load(long sequence) {
    return new PayloadItem.Workload(sequence, sequence * 1_000_000, sequence % 3, "increment",
        new byte[] {(byte) sequence});
  }

  @Test
  void signaturesAreTheBytesTheJdkProviderMakes() throws GeneralSecurityException {
    KeyPair keys = jdkKeys();
    for (long seq = 0; seq < 20; seq++) {
      assertThat(client.sign(load(seq)).signature()).as("load %d", seq)
          .isEqualTo(jdkSign(keys, load(seq)));
    }
    assertThat(client.verifier().publicKeyDer()).isEqualTo(keys.getPublic().getEncoded());
  }

  @Test
  void verdictsAreTheJdkProvidersOnValidAndMangledSignatures() throws GeneralSecurityException {
    KeyPair keys = jdkKeys();
    PayloadItem.Workload signed = client.sign(load(7));
    byte[] sig = signed.signature();
    List<byte[]> variants = new ArrayList<>();
    variants.add(sig);
    for (int bit = 0; bit < 512; bit += 7) { // flipped bits in R and in S
      byte[] v = sig.clone();
      v[bit / 8] ^= (byte) (1 << (bit % 8));
      variants.add(v);
    }
    variants.add(withS(sig, s(sig).add(L))); // S + L: the same point, non-canonical scalar
    byte[] zeroR = sig.clone();
    java.util.Arrays.fill(zeroR, 0, 32, (byte) 0);
    variants.add(zeroR);
    variants.add(new byte[64]);

    List<Boolean> expected = new ArrayList<>();
    List<Boolean> actual = new ArrayList<>();
    for (byte[] v : variants) {
      PayloadItem.Workload w = signed.signedWith(v);
      expected.add(jdkVerifies(keys, w));
      actual.add(LoadClient.Verifier.of(keys.getPublic().getEncoded()).verifies(w));
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.get(0)).isTrue();
    assertThat(actual.subList(1, actual.size())).containsOnly(false);
    // Another message under the same signature, and another signer's signature, are refused.
    assertThat(client.verifier().verifies(load(8).signedWith(sig))).isFalse();
    assertThat(client.verifier().verifies(LoadClient.fromSeed(SEED + 1).sign(load(7)))).isFalse();
  }

  private static BigInteger s(byte[] sig) {
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = sig[63 - i];
    }
    return new BigInteger(1, be);
  }

  private static byte[] withS(byte[] sig, BigInteger s) {
    byte[] out = sig.clone();
    byte[] be = s.toByteArray();
    java.util.Arrays.fill(out, 32, 64, (byte) 0);
    for (int i = 0; i < be.length && i < 32; i++) {
      out[32 + i] = be[be.length - 1 - i];
    }
    return out;
  }
}
