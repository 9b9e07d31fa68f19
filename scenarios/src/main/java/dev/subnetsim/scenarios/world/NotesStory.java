package dev.subnetsim.scenarios.world;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.vetkd.DerivationContext;
import dev.subnetsim.chainkey.vetkd.EncryptedVetKey;
import dev.subnetsim.chainkey.vetkd.TransportSecretKey;
import dev.subnetsim.replica.canisters.EncryptedNotesCanister;
import dev.subnetsim.replica.canisters.Fields;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.scenarios.world.CanisterStories.ClientKeys;
import java.util.Optional;

/**
 * The {@code encrypted-notes} story: a user fetches its vetKey through the canister; it must
 * decrypt with the user's transport key, verify under the key derived for the canister and the
 * user's principal, and not verify for another principal.
 */
final class NotesStory {
  private NotesStory() {}

  static void tell(StoryCalls calls, long at, SeededRandom rng, CanisterId canister,
      ClientKeys keys, long end) {
    UserKeyPair alice = StoryCalls.user(rng, "alice");
    UserKeyPair bob = StoryCalls.user(rng, "bob");
    TransportSecretKey tsk = TransportSecretKey.random(rng.fork("transport"));
    calls.send("encrypted-notes", at, alice, canister, "encrypted_key",
        Fields.encode(tsk.publicKey().toBytes()), Optional.empty(), o -> {
          if (!o.replied()) {
            return "encrypted_key rejected: " + o.rejectMessage();
          }
          // Read when judged: a reply means the master key exists (it may be generated after
          // the story is planned).
          var derived = DerivationContext.of(canister.toBytes(), EncryptedNotesCanister.CONTEXT)
              .derive(keys.genesis().vetKdKey().publicKey()).publicKey();
          var key = EncryptedVetKey.fromBytes(o.reply());
          try {
            key.decryptAndVerify(tsk, derived, alice.principal().toBytes());
          } catch (RuntimeException e) {
            return "the vetKey does not decrypt and verify for its caller: " + e.getMessage();
          }
          try {
            key.decryptAndVerify(tsk, derived, bob.principal().toBytes());
            return "the caller's vetKey also verifies for another principal";
          } catch (RuntimeException expected) {
            return null;
          }
        }, end);
  }
}
