package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole Joint-Feldman DKG run in one process, for keys made at genesis (no network, no faulty
 * dealer): every receiver deals, the transcript combines the dealings and each receiver computes
 * its key share from it. Nobody ever holds the secret key. The randomness is
 * forked by label ({@code dealer-d}), so a run is a function of the stream's seed.
 */
public final class InProcessDkg {
  private InProcessDkg() {}

  /** The combined transcript and receiver i's key share at position i. */
  public record Outcome(Transcript transcript, List<Scalar> shares) {
    public Outcome {
      shares = List.copyOf(shares);
    }
  }

  /** n receivers' encryption key pairs, receiver i from the fork {@code receiver-i}. */
  public static List<ReceiverKeyPair> receivers(int n, SeededRandom rng) {
    List<ReceiverKeyPair> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(ReceiverKeyPair.random(rng.fork("receiver-" + i)));
    }
    return List.copyOf(out);
  }

  public static List<G1Point> publicKeys(List<ReceiverKeyPair> receivers) {
    return receivers.stream().map(ReceiverKeyPair::publicKey).toList();
  }

  /**
   * Runs the DKG of {@code config} among {@code receivers} (receiver i at config index i; every
   * receiver is also dealer i).
   *
   * @throws IllegalArgumentException if the receivers are not the config's receivers
   */
  public static Outcome run(DkgConfig config, List<ReceiverKeyPair> receivers, SeededRandom rng) {
    int n = receivers.size();
    if (config.receiverCount() != n || config.dealerCount() != n) {
      throw new IllegalArgumentException("in-process DKG needs one receiver per dealer, config has "
          + config.dealerCount() + " dealers and " + config.receiverCount() + " receivers, got " + n);
    }
    List<Dealing> dealings = new ArrayList<>(n);
    for (int d = 0; d < n; d++) {
      dealings.add(new DkgDealer(config, d).createDealing(rng.fork("dealer-" + d)));
    }
    Transcript transcript = TranscriptBuilder.build(config, dealings, List.of());
    // Each receiver checks the sum of its shares against the transcript's public key share (one
    // commitment evaluation per receiver) instead of opening every dealing on its own (one per
    // dealing and receiver: n^2 evaluations of t coefficients, most of a 100-node genesis). The
    // dealers here are honest, so both give the same shares; were one not, computeKeyShare would
    // name it.
    List<Scalar> shares = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      shares.add(new DkgReceiver(config, i, receivers.get(i)).computeKeyShare(transcript));
    }
    return new Outcome(transcript, shares);
  }
}
