package dev.subnetsim.scenarios.world;

import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ecdsa.ThresholdEcdsa;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.canisters.Fields;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.scenarios.world.CanisterStories.ClientKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The {@code wallet} story: a user signs a transaction hash; the signature must verify under the
 * user's derived key and not under another user's.
 */
final class WalletStory {
  private WalletStory() {}

  static void tell(StoryCalls calls, long at, SeededRandom rng, CanisterId canister,
      ClientKeys keys, long end) {
    UserKeyPair alice = StoryCalls.user(rng, "alice");
    UserKeyPair bob = StoryCalls.user(rng, "bob");
    byte[] tx = new byte[32];
    rng.fork("tx").nextBytes(tx);
    calls.send("wallet", at, alice, canister, "sign", Fields.encode(
        "ecdsa".getBytes(StandardCharsets.UTF_8), tx), Optional.empty(), o -> {
          if (!o.replied()) {
            return "sign rejected: " + o.rejectMessage();
          }
          // Read when judged: a reply means the master key exists.
          EcPoint master = keys.genesis().signing().ecdsaKeys().get(EcCurve.SECP256K1)
              .commitment().constantTerm();
          EcPoint aliceKey = IcKeyDerivation.derive(master, DerivationPath.forCanister(
              canister.toBytes(), List.of(alice.principal().toBytes()))).publicKey();
          EcPoint bobKey = IcKeyDerivation.derive(master, DerivationPath.forCanister(
              canister.toBytes(), List.of(bob.principal().toBytes()))).publicKey();
          if (!ThresholdEcdsa.verify(aliceKey, tx, o.reply())) {
            return "the wallet's signature does not verify under the user's derived key";
          }
          return ThresholdEcdsa.verify(bobKey, tx, o.reply())
              ? "the signature also verifies under another user's key" : null;
        }, end);
  }
}
