package dev.subnetsim.consensus.crypto;

import dev.subnetsim.chainkey.bls.KeyPair;
import dev.subnetsim.chainkey.bls.PublicKey;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.DkgDealer;
import dev.subnetsim.chainkey.dkg.DkgReceiver;
import dev.subnetsim.chainkey.dkg.ReceiverKeyPair;
import dev.subnetsim.chainkey.dkg.Transcript;
import dev.subnetsim.chainkey.dkg.TranscriptBuilder;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A subnet's keys at creation, as the IC registry's initial NIDKG provides them: two DKG runs among
 * the committee (every member deals, every member opens its shares; no trusted dealer, nobody
 * learns a secret key) for the beacon (threshold f+1) and certification (threshold n-f) keys, and
 * one individual key pair per node for multi-signatures. The DKG messages are exchanged here in
 * one place at genesis rather than over the simulated network; after that, every DKG interval
 * reshares them through consensus ({@code dev.subnetsim.consensus.dkg}).
 */
public record GenesisKeys(SubnetKeys publicKeys, List<NodeSecrets> secrets) {

  public static GenesisKeys generate(String subnetName, int n, SeededRandom rng) {
    int f = (n - 1) / 3;
    List<ReceiverKeyPair> receivers = new ArrayList<>();
    List<G1Point> receiverKeys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      receivers.add(ReceiverKeyPair.random(rng.fork("receiver-" + i)));
      receiverKeys.add(receivers.get(i).publicKey());
    }
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
    int n = receivers.size();
    DkgConfig config = DkgConfig.fresh(id.getBytes(StandardCharsets.UTF_8), n, receiverKeys,
        threshold);
    List<Dealing> dealings = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      dealings.add(new DkgDealer(config, d).createDealing(rng.fork("dealer-" + d)));
    }
    Transcript transcript = TranscriptBuilder.build(config, dealings, List.of());
    for (int i = 0; i < n; i++) {
      DkgReceiver receiver = new DkgReceiver(config, i, receivers.get(i));
      for (Dealing d : dealings) {
        receiver.open(d, rng.fork("open-" + i));
      }
      sharesOut.add(receiver.computeKeyShare(transcript));
    }
    return transcript;
  }
}
