package dev.subnetsim.chainkey.random;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.prng.EntropySource;
import org.bouncycastle.crypto.prng.drbg.HMacSP800DRBG;
import org.bouncycastle.util.Arrays;

/**
 * A reproducible {@link SecureRandom}: NIST SP 800-90A HMAC_DRBG (SHA-256) instantiated from a
 * seed and a label. Every component of a simulated run gets its own stream by {@link #fork}ing the
 * run's root, so the output of one component never depends on how much another one consumed.
 *
 * <p>This is the only source of randomness for cryptography in simulated mode
 * (docs/ARCHITECTURE.md, "Determinism"). It is not a substitute for OS entropy in production keys.
 */
public final class SeededRandom extends SecureRandom {

  private static final long serialVersionUID = 1L;
  private static final int SECURITY_STRENGTH_BITS = 256;

  private final byte[] seed;

  private SeededRandom(byte[] seed, DrbgSpi spi) {
    super(spi, null);
    this.seed = seed;
  }

  /** The root stream of a run, from the run's 64-bit seed. */
  public static SeededRandom fromSeed(long seed) {
    byte[] bytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (seed >>> (56 - 8 * i));
    }
    return fromSeed(bytes, "root");
  }

  /** A stream from arbitrary seed material and a label naming its purpose. */
  public static SeededRandom fromSeed(byte[] seed, String label) {
    byte[] copy = seed.clone();
    return new SeededRandom(copy, new DrbgSpi(copy, label.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * An independent child stream named by {@code label}: a function of this stream's seed and the
   * label only, never of how much of this stream has been consumed.
   */
  public SeededRandom fork(String label) {
    byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
    byte[] childSeed = Arrays.concatenate(seed, new byte[] {0x2f}, labelBytes);
    return new SeededRandom(childSeed, new DrbgSpi(childSeed, labelBytes));
  }

  @Override
  public String getAlgorithm() {
    return "HMAC_DRBG-SHA256-seeded";
  }

  private static final class DrbgSpi extends SecureRandomSpi {
    private static final long serialVersionUID = 1L;
    // Bouncy Castle caps one HMAC_DRBG request at 2^18 bits (SP 800-90A allows up to 2^19).
    private static final int MAX_REQUEST_BYTES = 1 << 15;
    private final transient HMacSP800DRBG drbg;

    DrbgSpi(byte[] seed, byte[] personalization) {
      EntropySource entropy = new FixedEntropy(seed);
      this.drbg =
          new HMacSP800DRBG(
              new HMac(new SHA256Digest()), SECURITY_STRENGTH_BITS, entropy, personalization,
              new byte[0]);
    }

    @Override
    protected synchronized void engineNextBytes(byte[] bytes) {
      int offset = 0;
      while (offset < bytes.length) {
        int len = Math.min(MAX_REQUEST_BYTES, bytes.length - offset);
        byte[] chunk = new byte[len];
        if (drbg.generate(chunk, null, false) < 0) {
          drbg.reseed(null);
          drbg.generate(chunk, null, false);
        }
        System.arraycopy(chunk, 0, bytes, offset, len);
        offset += len;
      }
    }

    @Override
    protected void engineSetSeed(byte[] seed) {
      // Ignored on purpose: mixing in caller-provided seeds (SecureRandom's constructor path
      // included) would make the stream depend on call order outside our control.
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      byte[] out = new byte[numBytes];
      engineNextBytes(out);
      return out;
    }
  }

  /** Deterministic entropy: the seed, then its SHA-256 chain on reseed. */
  private static final class FixedEntropy implements EntropySource {
    private byte[] state;

    FixedEntropy(byte[] seed) {
      this.state = seed.clone();
    }

    @Override
    public boolean isPredictionResistant() {
      return false;
    }

    @Override
    public synchronized byte[] getEntropy() {
      byte[] out = new byte[Math.max(32, state.length)];
      System.arraycopy(state, 0, out, 0, state.length);
      SHA256Digest d = new SHA256Digest();
      d.update(state, 0, state.length);
      byte[] next = new byte[32];
      d.doFinal(next, 0);
      state = next;
      return out;
    }

    @Override
    public int entropySize() {
      return SECURITY_STRENGTH_BITS;
    }
  }
}
