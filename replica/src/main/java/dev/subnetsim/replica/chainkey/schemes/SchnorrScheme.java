package dev.subnetsim.replica.chainkey.schemes;

import dev.subnetsim.chainkey.idkg.CommitmentOpening;
import dev.subnetsim.chainkey.schnorr.SchnorrPresignature;
import dev.subnetsim.chainkey.schnorr.SchnorrRequest;
import dev.subnetsim.chainkey.schnorr.SchnorrShare;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr.Algorithm;
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
 * sign_with_schnorr (bip340 with optional taproot merkle root, ed25519): the request takes a
 * RandomUnmasked presignature; replicas return s_i checked against the commitments; a threshold
 * combine into a BIP340 or Ed25519 signature under the caller's derived key.
 */
public final class SchnorrScheme extends SigningScheme {

  public SchnorrScheme(SigningKeys.Public keys) {
    super(keys);
  }

  public static Algorithm algorithm(String name) {
    return switch (name) {
      case "bip340" -> Algorithm.BIP340;
      case "ed25519" -> Algorithm.ED25519;
      default -> throw new IllegalArgumentException("unknown Schnorr algorithm '" + name + "'");
    };
  }

  private static ManagementRequest.SignWithSchnorr cast(ManagementRequest r) {
    return (ManagementRequest.SignWithSchnorr) r;
  }

  @Override
  String keyId(ManagementRequest request) {
    return "schnorr/" + algorithm(cast(request).algorithm());
  }

  @Override
  public void validate(ManagementRequest request) {
    var r = cast(request);
    if (!SigningKeys.KEY_NAME.equals(r.keyName())) {
      throw new IllegalArgumentException("unknown Schnorr key '" + r.keyName() + "'");
    }
    Algorithm a = algorithm(r.algorithm());
    if (a == Algorithm.ED25519 && r.taprootMerkleRoot().isPresent()) {
      throw new IllegalArgumentException("a taproot merkle root only applies to bip340");
    }
  }

  @Override
  public java.util.Map<String, Long> presignaturesAvailable(ReplicatedState state) {
    return available(state, "schnorr/");
  }

  private Algorithm algorithm(ChainKeyRequest r) {
    return algorithm(cast(r.decoded()).algorithm());
  }

  private SchnorrPresignature presignature(ReplicatedState state, ChainKeyRequest r) {
    return prefilled(r) ? keys.schnorrStash().get(algorithm(r)).get((int) presignatureIndex(r))
        : presignatures().schnorr(requireState(state, r), keyId(r.decoded()),
            presignatureIndex(r));
  }

  private SchnorrRequest signingRequest(ChainKeyRequest r) {
    var m = cast(r.decoded());
    return new SchnorrRequest(m.message(), derive(keys.schnorrKeys().get(algorithm(r)).commitment()
        .constantTerm(), r, m.derivationPath()), randomness(r), m.taprootMerkleRoot());
  }

  @Override
  public byte[] createShare(ReplicatedState state, ChainKeyRequest r, NodeChainKeyShares mine,
      SecureRandom rng) {
    Algorithm a = algorithm(r);
    CommitmentOpening nonce = prefilled(r)
        ? mine.signing().schnorrNonces().get(a).get((int) presignatureIndex(r))
        : mine.signing().presignatureShares().opening(requireState(state, r), presignatures(),
            keyId(r.decoded()), presignatureIndex(r), "nonce").orElseThrow(() ->
                new IllegalStateException("node " + mine.index() + " holds no share of "
                    + "presignature " + presignatureIndex(r)));
    return ThresholdSchnorr.createShare(a, presignature(state, r), signingRequest(r),
        mine.index(), nonce, mine.signing().schnorrKeys().get(a)).toBytes();
  }

  @Override
  public boolean verifyShare(ReplicatedState state, ChainKeyRequest r, int signer, byte[] share) {
    SchnorrPresignature p = presignature(state, r);
    try {
      SchnorrShare s = SchnorrShare.fromBytes(p.curve(), share);
      return s.index() == signer
          && ThresholdSchnorr.verifyShare(algorithm(r), p, signingRequest(r), s);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public ManagementReply combine(ReplicatedState state, ChainKeyRequest r,
      SortedMap<Integer, byte[]> verifiedShares) {
    SchnorrPresignature p = presignature(state, r);
    List<SchnorrShare> shares = new ArrayList<>();
    verifiedShares.values().forEach(b -> shares.add(SchnorrShare.fromBytes(p.curve(), b)));
    return new ManagementReply.Signature(ThresholdSchnorr.combine(algorithm(r), p,
        signingRequest(r), shares).signature());
  }

  @Override
  public int threshold() {
    return keys.schnorrKeys().values().iterator().next().threshold();
  }
}
