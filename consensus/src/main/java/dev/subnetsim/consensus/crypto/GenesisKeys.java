package dev.subnetsim.consensus.crypto;

import dev.subnetsim.chainkey.bls.KeyPair;
import dev.subnetsim.chainkey.bls.PublicKey;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.InProcessDkg;
import dev.subnetsim.chainkey.dkg.ReceiverKeyPair;
import dev.subnetsim.chainkey.dkg.Transcript;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A subnet's keys at creation, as the IC registry's initial NIDKG provides them: two DKG runs among
 * the committee (every member deals, every member opens its shares; no trusted dealer, nobody
 * learns a secret key) for the beacon (threshold f+1) and certification (threshold n-f) keys, and
 * one individual key pair per node for multi-signatures. The DKG messages are exchanged here in
 * one place at genesis ({@code InProcessDkg}) rather than over the simulated network; after that, every DKG interval
 * reshares them through consensus ({@code dev.subnetsim.consensus.dkg}).
 */
public record GenesisKeys(SubnetKeys publicKeys, List<NodeSecrets> secrets) {

  public static GenesisKeys generate(String subnetName, int n, SeededRandom rng) {
    int f = (n - 1) / 3;
    List<ReceiverKeyPair> receivers = InProcessDkg.receivers(n, rng);
    List<G1Point> receiverKeys = InProcessDkg.publicKeys(receivers);
    List<Scalar> beaconShares = new ArrayList<>();
    Transcript beacon = dkg(subnetName + "/beacon", f + 1, receivers, receiverKeys,
        rng.fork("beacon"), beaconShares);
    List<Scalar> certShares = new ArrayList<>();
    Transcript cert = dkg(subnetName + "/certification", n - f, receivers, receiverKeys,
        rng.fork("certification"), certShares);
    List<PublicKey> multiSig = new ArrayList<>();
    List<NodeSecrets> secrets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      KeyPair kp = KeyPair.generate(rng.fork("multisig-" + i));
      multiSig.add(kp.publicKey());
      secrets.add(new NodeSecrets(i, beaconShares.get(i), certShares.get(i), kp.secretKey(),
          receivers.get(i)));
    }
    return new GenesisKeys(new SubnetKeys(beacon.publicCoefficients(), cert.publicCoefficients(),
        multiSig, receiverKeys), secrets);
  }

  private static Transcript dkg(String id, int threshold, List<ReceiverKeyPair> receivers,
      List<G1Point> receiverKeys, SeededRandom rng, List<Scalar> sharesOut) {
    DkgConfig config = DkgConfig.fresh(id.getBytes(StandardCharsets.UTF_8), receivers.size(),
        receiverKeys, threshold);
    InProcessDkg.Outcome outcome = InProcessDkg.run(config, receivers, rng);
    sharesOut.addAll(outcome.shares());
    return outcome.transcript();
  }
}
