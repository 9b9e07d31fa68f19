package dev.subnetsim.replica.chainkey.schemes;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ecdsa.EcdsaPresignature;
import dev.subnetsim.chainkey.ecdsa.EcdsaRequest;
import dev.subnetsim.chainkey.ecdsa.EcdsaSignatureShare;
import dev.subnetsim.chainkey.ecdsa.ThresholdEcdsa;
import dev.subnetsim.replica.chainkey.ChainKeyRequest;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.SigningKeys;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.state.ReplicatedState;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * sign_with_ecdsa (secp256k1, P-256): the request takes a presignature; each replica returns its
 * signature share (Pedersen openings of numerator and denominator), checked against the
 * presignature's commitments; a threshold combine into r||s with low s under the caller's derived
 * key ({@link ThresholdEcdsa}).
 */
public final class EcdsaScheme extends SigningScheme {
  private final SigningKeys.Public keys;

  public EcdsaScheme(SigningKeys.Public keys) {
    this.keys = keys;
  }

  public static EcCurve curve(String name) {
    return switch (name) {
      case "secp256k1" -> EcCurve.SECP256K1;
      case "p256" -> EcCurve.P256;
      default -> throw new IllegalArgumentException("unknown ECDSA curve '" + name + "'");
    };
  }

  private static ManagementRequest.SignWithEcdsa cast(ManagementRequest r) {
    return (ManagementRequest.SignWithEcdsa) r;
  }

  @Override
  public void validate(ManagementRequest request) {
    var r = cast(request);
    if (!SigningKeys.KEY_NAME.equals(r.keyName())) {
      throw new IllegalArgumentException("unknown ECDSA key '" + r.keyName() + "'");
    }
    curve(r.curve());
    if (r.messageHash().length != 32) {
      throw new IllegalArgumentException("message_hash must be 32 bytes, got " + r.messageHash().length);
    }
  }

  @Override
  public byte[] bind(ManagementRequest request, ReplicatedState state, byte[] randomness) {
    EcCurve c = curve(cast(request).curve());
    return takePresignature(state, "ecdsa/" + c, keys.ecdsaStash().get(c).size(), randomness);
  }

  @Override
  public java.util.Map<String, Long> presignaturesAvailable(ReplicatedState state) {
    return available(state, "ecdsa/", keys.ecdsaStash());
  }

  private EcdsaPresignature presignature(ChainKeyRequest r) {
    return keys.ecdsaStash().get(curve(cast(r.decoded()).curve())).get(presignatureIndex(r));
  }

  private EcdsaRequest signingRequest(ChainKeyRequest r) {
    var m = cast(r.decoded());
    EcCurve c = curve(m.curve());
    return new EcdsaRequest(m.messageHash(), derive(keys.ecdsaKeys().get(c).commitment()
        .constantTerm(), r, m.derivationPath()), randomness(r));
  }

  @Override
  public byte[] createShare(ChainKeyRequest r, NodeChainKeyShares mine, SecureRandom rng) {
    EcCurve c = curve(cast(r.decoded()).curve());
    return ThresholdEcdsa.createShare(presignature(r), signingRequest(r), mine.index(),
        mine.signing().ecdsa().get(c).get(presignatureIndex(r))).toBytes();
  }

  @Override
  public boolean verifyShare(ChainKeyRequest r, int signer, byte[] share) {
    try {
      EcdsaSignatureShare s = EcdsaSignatureShare.fromBytes(presignature(r).curve(), share);
      return s.index() == signer && ThresholdEcdsa.verifyShare(presignature(r), signingRequest(r), s);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public ManagementReply combine(ChainKeyRequest r, SortedMap<Integer, byte[]> verifiedShares) {
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    EcCurve c = presignature(r).curve();
    verifiedShares.values().forEach(b -> shares.add(EcdsaSignatureShare.fromBytes(c, b)));
    return new ManagementReply.Signature(
        ThresholdEcdsa.combine(presignature(r), signingRequest(r), shares).signature());
  }

  @Override
  public int threshold() {
    return keys.ecdsaKeys().values().iterator().next().threshold();
  }
}
