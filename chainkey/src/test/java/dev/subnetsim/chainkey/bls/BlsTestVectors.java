package dev.subnetsim.chainkey.bls;

import dev.subnetsim.chainkey.random.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Deterministic (secret key, public key, message, signature) fixtures from a seed, for interop
 * checks with independent implementations (the Node harness with @noble/curves verifies them).
 * Same seed, same bytes, on every machine: keys come from {@code SeededRandom.fromSeed(seed)
 * .fork("bls-test-vector")}; the message is {@code "subnet-sim bls test vector <seed>"}.
 */
public final class BlsTestVectors {
  private BlsTestVectors() {}

  /** One fixture; all byte fields as the IC encodes them (sk 32 B BE, pk 96 B, sig 48 B). */
  public record Vector(long seed, byte[] secretKey, byte[] publicKey, byte[] message, byte[] signature, String dst) {
    public String publicKeyHex() {
      return HexFormat.of().formatHex(publicKey);
    }

    public String messageHex() {
      return HexFormat.of().formatHex(message);
    }

    public String signatureHex() {
      return HexFormat.of().formatHex(signature);
    }
  }

  public static Vector fromSeed(long seed) {
    BlsSignatures bls = new JblstBlsSignatures();
    KeyPair kp = bls.generateKeyPair(SeededRandom.fromSeed(seed).fork("bls-test-vector"));
    byte[] msg = ("subnet-sim bls test vector " + seed).getBytes(StandardCharsets.UTF_8);
    Signature sig = bls.sign(kp.secretKey(), msg);
    return new Vector(
        seed,
        kp.secretKey().toBytes(),
        kp.publicKey().toBytes(),
        msg,
        sig.toBytes(),
        dev.subnetsim.chainkey.DomainSeparators.BLS_SIG_DST);
  }
}
