package dev.subnetsim.replica.chainkey.schemes;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ecdsa.EcdsaPresignature;
import dev.subnetsim.chainkey.ecdsa.EcdsaRequest;
import dev.subnetsim.chainkey.ecdsa.EcdsaSignatureShare;
import dev.subnetsim.chainkey.ecdsa.ThresholdEcdsa;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.SigningKeys;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.replica.state.ChainKeyRequest;
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

  public EcdsaScheme(SigningKeys.Public keys) {
    super(keys);
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
  String keyId(ManagementRequest request) {
    return "ecdsa/" + curve(cast(request).curve());
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
  public java.util.Map<String, Long> presignaturesAvailable(ReplicatedState state) {
    return available(state, "ecdsa/");
  }

  private static EcCurve curve(ChainKeyRequest r) {
    return curve(cast(r.decoded()).curve());
  }

  private EcdsaPresignature presignature(ReplicatedState state, ChainKeyRequest r) {
    return prefilled(r) ? keys.ecdsaStash().get(curve(r)).get((int) presignatureIndex(r))
        : presignatures().ecdsa(requireState(state, r), curve(r), presignatureIndex(r));
  }

  private EcdsaRequest signingRequest(ChainKeyRequest r) {
    var m = cast(r.decoded());
    EcCurve c = curve(m.curve());
    return new EcdsaRequest(m.messageHash(), derive(keys.ecdsaKeys().get(c).commitment()
        .constantTerm(), r, m.derivationPath()), randomness(r));
  }

  @Override
  public byte[] createShare(ReplicatedState state, ChainKeyRequest r, NodeChainKeyShares mine,
      SecureRandom rng) {
    EcCurve c = curve(r);
    ThresholdEcdsa.NodeShares shares = prefilled(r)
        ? mine.signing().ecdsa().get(c).get((int) presignatureIndex(r))
        : mine.signing().presignatureShares().ecdsa(requireState(state, r), presignatures(), c,
            presignatureIndex(r)).orElseThrow(() -> new IllegalStateException("node "
                + mine.index() + " holds no share of presignature " + presignatureIndex(r)));
    return ThresholdEcdsa.createShare(presignature(state, r), signingRequest(r), mine.index(),
        shares).toBytes();
  }

  @Override
  public boolean verifyShare(ReplicatedState state, ChainKeyRequest r, int signer, byte[] share) {
    EcdsaPresignature p = presignature(state, r); // outside the try: not the signer's fault
    try {
      EcdsaSignatureShare s = EcdsaSignatureShare.fromBytes(p.curve(), share);
      return s.index() == signer && ThresholdEcdsa.verifyShare(p, signingRequest(r), s);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public ManagementReply combine(ReplicatedState state, ChainKeyRequest r,
      SortedMap<Integer, byte[]> verifiedShares) {
    EcdsaPresignature p = presignature(state, r);
    List<EcdsaSignatureShare> shares = new ArrayList<>();
    verifiedShares.values().forEach(b -> shares.add(EcdsaSignatureShare.fromBytes(p.curve(), b)));
    return new ManagementReply.Signature(
        ThresholdEcdsa.combineVerified(p, signingRequest(r), shares).signature());
  }

  @Override
  public int threshold() {
    return keys.ecdsaKeys().values().iterator().next().threshold();
  }
}
