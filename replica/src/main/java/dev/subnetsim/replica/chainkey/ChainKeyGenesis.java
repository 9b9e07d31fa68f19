package dev.subnetsim.replica.chainkey;

import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.InProcessDkg;
import dev.subnetsim.chainkey.dkg.ReceiverKeyPair;
import dev.subnetsim.chainkey.dkg.Transcript;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcPolynomial;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcSecretShare;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import dev.subnetsim.chainkey.idkg.IdkgTranscript;
import dev.subnetsim.chainkey.idkg.PolynomialCommitment;
import dev.subnetsim.chainkey.idkg.TranscriptKind;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key ceremony that creates a subnet's chain keys at genesis, without a trusted dealer: the
 * vetKD key by the BLS DKG of chainkey (every member deals, every member opens its own share), the
 * EC keys by joint-Feldman sharing (every member deals a random polynomial with Feldman
 * commitments; a member's share is the sum of what it received, the public key the sum of the
 * constant commitments). Each dealer's randomness is its own fork of the seed; no code path adds
 * the dealers' constants, so the master secrets exist nowhere. As with the consensus genesis keys,
 * the ceremony's messages are exchanged in one place at setup rather than over the simulated
 * network. Worlds do not use it by default: their key holder's replicas generate the keys through
 * its consensus ({@link dev.subnetsim.replica.chainkey.reshare.KeyGeneration}), in every scenario
 * run. It is a test fixture only: for unit tests that need a subnet already holding keys.
 */
public record ChainKeyGenesis(SubnetChainKeys publicKeys, List<NodeChainKeyShares> shares,
    Map<String, IdkgTranscript> feldmanKeys) {

  /**
   * The joint-Feldman keys (ECDH per curve: {@code ecdh/<curve>}, and {@code document}) as
   * unmasked IDKG transcripts, so they can be reshared like the signing keys.
   */
  public ChainKeyGenesis {
    shares = List.copyOf(shares);
    feldmanKeys = Map.copyOf(feldmanKeys);
  }

  public static String ecdhKeyId(EcCurve curve) {
    return "ecdh/" + curve.name().toLowerCase(java.util.Locale.ROOT);
  }

  public static final String DOCUMENT_KEY_ID = "document";

  public static ChainKeyGenesis generate(String subnet, int n, SeededRandom rng) {
    return generate(subnet, n, 4, 8, rng);
  }

  /** With presignature stashes of the given sizes per ECDSA curve and Schnorr algorithm. */
  public static ChainKeyGenesis generate(String subnet, int n, int ecdsaStash, int schnorrStash,
      SeededRandom rng) {
    return generate(subnet, n, ecdsaStash, schnorrStash,
        dev.subnetsim.replica.chainkey.presig.RefillPolicy.DEFAULT, rng);
  }

  /** As above, with the stashes kept by {@code refill}. */
  public static ChainKeyGenesis generate(String subnet, int n, int ecdsaStash, int schnorrStash,
      dev.subnetsim.replica.chainkey.presig.RefillPolicy refill, SeededRandom rng) {
    SigningKeys signing = SigningKeys.generate(subnet, n, ecdsaStash, schnorrStash, refill,
        rng.fork("signing"));
    int threshold = (n - 1) / 3 + 1;
    List<Scalar> vetKdShares = new ArrayList<>();
    Transcript vetKd = blsDkg(subnet + "/vetkd/" + SubnetChainKeys.VETKD_KEY_NAME, n, threshold,
        rng.fork("vetkd"), vetKdShares);
    Map<EcCurve, EcThresholdPublicKey> ecdhKeys = new EnumMap<>(EcCurve.class);
    Map<EcCurve, List<EcSecretShare>> ecdhShares = new EnumMap<>(EcCurve.class);
    Map<String, IdkgTranscript> feldman = new TreeMap<>();
    for (EcCurve curve : EcCurve.values()) {
      List<EcSecretShare> shares = new ArrayList<>();
      ecdhKeys.put(curve, jointFeldman(curve, n, threshold, rng.fork("ecdh/" + curve), shares,
          subnet, ecdhKeyId(curve), feldman));
      ecdhShares.put(curve, shares);
    }
    List<EcSecretShare> docShares = new ArrayList<>();
    EcThresholdPublicKey docKey = jointFeldman(EcCurve.SECP256K1, n, threshold,
        rng.fork("document-key"), docShares, subnet, DOCUMENT_KEY_ID, feldman);
    List<NodeChainKeyShares> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<EcCurve, EcSecretShare> mine = new EnumMap<>(EcCurve.class);
      for (EcCurve curve : EcCurve.values()) {
        mine.put(curve, ecdhShares.get(curve).get(i));
      }
      nodes.add(new NodeChainKeyShares(i, vetKdShares.get(i), mine, docShares.get(i),
          signing.node(i)));
    }
    return new ChainKeyGenesis(new SubnetChainKeys(vetKd.publicCoefficients(), ecdhKeys, docKey,
        signing.publicSide()), List.copyOf(nodes), feldman);
  }

  private static Transcript blsDkg(String id, int n, int threshold, SeededRandom rng,
      List<Scalar> sharesOut) {
    List<ReceiverKeyPair> receivers = InProcessDkg.receivers(n, rng);
    DkgConfig config = DkgConfig.fresh(id.getBytes(StandardCharsets.UTF_8), n,
        InProcessDkg.publicKeys(receivers), threshold);
    InProcessDkg.Outcome outcome = InProcessDkg.run(config, receivers, rng);
    sharesOut.addAll(outcome.shares());
    return outcome.transcript();
  }

  /** Joint-Feldman: member i's share is sum_d p_d(i), checked against the summed commitments. */
  private static EcThresholdPublicKey jointFeldman(EcCurve curve, int n, int threshold,
      SeededRandom rng, List<EcSecretShare> sharesOut, String subnet, String keyId,
      Map<String, IdkgTranscript> transcriptsOut) {
    List<EcPoint> commitments = null;
    List<EcScalar> sums = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sums.add(EcScalar.zero(curve));
    }
    for (int d = 0; d < n; d++) {
      EcPolynomial p = EcPolynomial.random(curve, threshold, rng.fork("dealer-" + d));
      List<EcPoint> c = p.commitments();
      if (commitments == null) {
        commitments = new ArrayList<>(c);
      } else {
        for (int k = 0; k < threshold; k++) {
          commitments.set(k, commitments.get(k).add(c.get(k)));
        }
      }
      for (int i = 0; i < n; i++) {
        sums.set(i, sums.get(i).add(p.evaluateAtNode(i)));
      }
    }
    TreeMap<Integer, EcPoint> publicShares = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      EcSecretShare s = new EcSecretShare(i, sums.get(i));
      if (!s.publicShare().equals(EcPolynomial.evaluateCommitments(commitments, i))) {
        throw new IllegalStateException("joint-Feldman share of node " + i + " fails its commitment");
      }
      sharesOut.add(s);
      publicShares.put(i, s.publicShare());
    }
    List<Integer> receivers = new ArrayList<>(publicShares.keySet());
    transcriptsOut.put(keyId, new IdkgTranscript(subnet + "/" + keyId,
        TranscriptKind.RANDOM_UNMASKED, receivers, new PolynomialCommitment.Simple(commitments)));
    return new EcThresholdPublicKey(curve, threshold, commitments.get(0), publicShares);
  }
}
