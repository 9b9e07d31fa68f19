package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.threshold.Polynomial;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A dealer of one DKG instance. It keeps no secret: the polynomial and the ephemeral key live
 * only inside {@link #createDealing} / {@link #createResharingDealing} (the IC's dealers likewise
 * erase them), so after dealing it holds nothing that would help reconstruct the key.
 *
 * <p>Cost of a dealing for threshold t and n receivers: t G2 multiplications (commitment),
 * n+1 G1 multiplications (R and the n DH keys), n hashes to Fr and n polynomial evaluations.
 */
public final class DkgDealer {

  private final DkgConfig config;
  private final int dealerIndex;

  public DkgDealer(DkgConfig config, int dealerIndex) {
    this.config = Objects.requireNonNull(config, "config");
    if (dealerIndex < 0 || dealerIndex >= config.dealerCount()) {
      throw new IllegalArgumentException(
          "dealer index " + dealerIndex + " outside [0, " + config.dealerCount() + ")");
    }
    this.dealerIndex = dealerIndex;
  }

  public int dealerIndex() {
    return dealerIndex;
  }

  /** A fresh-key dealing: a random polynomial of {@code config.threshold()} coefficients. */
  public Dealing createDealing(SecureRandom rng) {
    if (config.isResharing()) {
      throw new IllegalStateException("a resharing config needs createResharingDealing(oldShare, rng)");
    }
    return deal(Polynomial.random(config.threshold(), rng), rng);
  }

  /**
   * A resharing dealing: a random polynomial whose constant term is this dealer's share of the
   * reshared key, so its commitment's constant term is the dealer's old public key share.
   */
  public Dealing createResharingDealing(Scalar oldKeyShare, SecureRandom rng) {
    if (!config.isResharing()) {
      throw new IllegalStateException("not a resharing config");
    }
    return deal(Polynomial.randomWithConstant(oldKeyShare, config.threshold(), rng), rng);
  }

  private Dealing deal(Polynomial p, SecureRandom rng) {
    PublicCoefficients commitment = PublicCoefficients.commit(p);
    Scalar r = Scalar.randomNonZero(rng);
    G1Point ephemeral = G1Point.generator().mul(r);
    List<Scalar> ciphertexts = new ArrayList<>(config.receiverCount());
    for (int j = 0; j < config.receiverCount(); j++) {
      G1Point dhKey = config.receiverKey(j).mul(r);
      Scalar pad = ShareEncryption.pad(config, dealerIndex, j, ephemeral, dhKey);
      ciphertexts.add(p.evaluateAtNode(j).add(pad));
    }
    return new Dealing(dealerIndex, commitment, ephemeral, ciphertexts);
  }
}
