package dev.subnetsim.chainkey.derivation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.interop.DerivationRequest;
import dev.subnetsim.chainkey.interop.NodeDerivedKey;
import dev.subnetsim.chainkey.interop.NodeHarness;
import dev.subnetsim.chainkey.interop.PublishedMasterKey;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java derivation against @dfinity/ic-pub-key 1.0.2 run in Node (the harness's derive-keys.mjs):
 * random master keys, chain codes, canisters and paths for ECDSA secp256k1, BIP340 and Ed25519,
 * and every published master key (mainnet and PocketIC). P-256 goes to the harness's transcription
 * of ic-secp256r1 (ic-pub-key does not cover it), so it is a second implementation, not DFINITY's.
 */
class IcKeyDerivationNodeInteropTest {

  private static EcCurve curveOf(String scheme) {
    return switch (scheme) {
      case "ecdsa_secp256k1", "bip340" -> EcCurve.SECP256K1;
      case "ecdsa_p256" -> EcCurve.P256;
      case "ed25519" -> EcCurve.ED25519;
      default -> throw new IllegalArgumentException(scheme);
    };
  }

  @Test
  void randomKeysAndPathsDeriveAsIcPubKeyDerivesThem() {
    SeededRandom rng = SeededRandom.fromSeed(2024);
    List<DerivationRequest> requests = new ArrayList<>();
    List<DerivedKey> ours = new ArrayList<>();
    for (String scheme : List.of("ecdsa_secp256k1", "bip340", "ed25519", "ecdsa_p256")) {
      for (int k = 0; k < 4; k++) {
        EcCurve curve = curveOf(scheme);
        EcPoint master = EcPoint.mulGenerator(EcScalar.randomNonZero(curve, rng));
        byte[] chain = new byte[32];
        if (k > 0) {
          rng.nextBytes(chain);
        }
        byte[] canister = new byte[10];
        rng.nextBytes(canister);
        List<byte[]> path = new ArrayList<>();
        for (int c = 0; c < k; c++) {
          byte[] component = new byte[1 + rng.nextInt(40)];
          rng.nextBytes(component);
          path.add(component);
        }
        requests.add(new DerivationRequest(scheme, master.encode(), chain, Principal.fromBytes(canister).toText(), path));
        ours.add(IcKeyDerivation.derive(master, chain, DerivationPath.forCanister(canister, path)));
      }
    }
    List<NodeDerivedKey> node = NodeHarness.locate().derive(requests);
    for (int i = 0; i < requests.size(); i++) {
      assertThat(node.get(i).publicKey()).as("request %d (%s)", i, requests.get(i).scheme())
          .isEqualTo(ours.get(i).publicKey().encode());
      assertThat(node.get(i).chainCode()).isEqualTo(ours.get(i).chainCode());
    }
  }

  @Test
  void publishedMasterKeysDeriveAsIcPubKeyDerivesThem() {
    NodeHarness harness = NodeHarness.locate();
    List<DerivationRequest> requests = new ArrayList<>();
    List<DerivedKey> ours = new ArrayList<>();
    byte[] canister = Principal.fromText("h5jwf-5iaaa-aaaan-qmvoa-cai").toBytes();
    List<byte[]> path = List.of("2".getBytes(), "444".getBytes(), "66666".getBytes());
    for (PublishedMasterKey k : harness.publishedMasterKeys()) {
      if (k.scheme().equals("vetkd")) {
        continue;
      }
      EcPoint master = EcPoint.decode(curveOf(k.scheme()), k.publicKey());
      requests.add(new DerivationRequest(k.scheme(), k.publicKey(), k.chainCode(), "h5jwf-5iaaa-aaaan-qmvoa-cai", path));
      ours.add(IcKeyDerivation.derive(master, k.chainCode(), DerivationPath.forCanister(canister, path)));
    }
    assertThat(requests).hasSizeGreaterThanOrEqualTo(6);
    List<NodeDerivedKey> node = harness.derive(requests);
    for (int i = 0; i < requests.size(); i++) {
      assertThat(node.get(i).publicKey()).isEqualTo(ours.get(i).publicKey().encode());
      assertThat(node.get(i).chainCode()).isEqualTo(ours.get(i).chainCode());
    }
  }
}
