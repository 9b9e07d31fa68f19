package dev.subnetsim.chainkey.ecdh;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.util.BigIntegers;

/**
 * A plain single-party ECDH peer built on independent code: the JDK's KeyAgreement ("ECDH" for
 * P-256, "X25519" for XDH) and, for secp256k1 (which the JDK dropped), Bouncy Castle's
 * ECDHBasicAgreement. It never touches the ec package.
 */
final class PlainPeer {
  private final EcdhGroup group;
  private final KeyPair jdk; // P-256, X25519
  private final BigInteger k1Secret; // secp256k1

  private PlainPeer(EcdhGroup group, KeyPair jdk, BigInteger k1Secret) {
    this.group = group;
    this.jdk = jdk;
    this.k1Secret = k1Secret;
  }

  static PlainPeer generate(EcdhGroup group, SecureRandom rng) throws Exception {
    switch (group) {
      case P256 -> {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), rng);
        return new PlainPeer(group, g.generateKeyPair(), null);
      }
      case X25519 -> {
        KeyPairGenerator g = KeyPairGenerator.getInstance("X25519");
        g.initialize(NamedParameterSpec.X25519, rng);
        return new PlainPeer(group, g.generateKeyPair(), null);
      }
      default -> {
        X9ECParameters p = CustomNamedCurves.getByName("secp256k1");
        BigInteger d;
        do {
          d = new BigInteger(256, rng);
        } while (d.signum() == 0 || d.compareTo(p.getN()) >= 0);
        return new PlainPeer(group, null, d);
      }
    }
  }

  /** The peer's public key in wire form: SEC1 uncompressed (65 B) or the X25519 u (32 B LE). */
  byte[] publicKey() {
    switch (group) {
      case P256 -> {
        ECPoint w = ((ECPublicKey) jdk.getPublic()).getW();
        return uncompressed(w.getAffineX(), w.getAffineY());
      }
      case X25519 -> {
        return littleEndian(((XECPublicKey) jdk.getPublic()).getU());
      }
      default -> {
        var q = CustomNamedCurves.getByName("secp256k1").getG().multiply(k1Secret).normalize();
        return uncompressed(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
      }
    }
  }

  /** Plain ECDH with the subnet's public key (SEC1 compressed, or X25519 u). */
  byte[] agree(byte[] subnetPublicKey) throws Exception {
    switch (group) {
      case P256 -> {
        var params = ((ECPublicKey) jdk.getPublic()).getParams();
        var bc = CustomNamedCurves.getByName("secp256r1").getCurve().decodePoint(subnetPublicKey).normalize();
        var spec = new ECPublicKeySpec(
            new ECPoint(bc.getAffineXCoord().toBigInteger(), bc.getAffineYCoord().toBigInteger()), params);
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(jdk.getPrivate());
        ka.doPhase(KeyFactory.getInstance("EC").generatePublic(spec), true);
        return ka.generateSecret();
      }
      case X25519 -> {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
          be[i] = subnetPublicKey[31 - i];
        }
        var spec = new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be));
        KeyAgreement ka = KeyAgreement.getInstance("X25519");
        ka.init(jdk.getPrivate());
        ka.doPhase(KeyFactory.getInstance("X25519").generatePublic(spec), true);
        return ka.generateSecret();
      }
      default -> {
        X9ECParameters p = CustomNamedCurves.getByName("secp256k1");
        ECDomainParameters dom = new ECDomainParameters(p.getCurve(), p.getG(), p.getN(), p.getH());
        ECDHBasicAgreement a = new ECDHBasicAgreement();
        a.init(new ECPrivateKeyParameters(k1Secret, dom));
        BigInteger z = a.calculateAgreement(new ECPublicKeyParameters(p.getCurve().decodePoint(subnetPublicKey), dom));
        return BigIntegers.asUnsignedByteArray(32, z);
      }
    }
  }

  private static byte[] uncompressed(BigInteger x, BigInteger y) {
    byte[] out = new byte[65];
    out[0] = 0x04;
    System.arraycopy(BigIntegers.asUnsignedByteArray(32, x), 0, out, 1, 32);
    System.arraycopy(BigIntegers.asUnsignedByteArray(32, y), 0, out, 33, 32);
    return out;
  }

  private static byte[] littleEndian(BigInteger u) {
    byte[] be = BigIntegers.asUnsignedByteArray(32, u);
    byte[] le = new byte[32];
    for (int i = 0; i < 32; i++) {
      le[i] = be[31 - i];
    }
    return le;
  }
}
