package dev.subnetsim.scenarios.world;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ecdh.CallerEcdhKey;
import dev.subnetsim.chainkey.ecdh.ContentKeyWrap;
import dev.subnetsim.chainkey.ecdh.EcdhGroup;
import dev.subnetsim.chainkey.ecdh.TransportKeyPair;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.canisters.Fields;
import dev.subnetsim.replica.canisters.MdlEcdhCanister;
import dev.subnetsim.replica.chainkey.ChainKeyWire;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.scenarios.world.CanisterStories.ClientKeys;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code mdl-ecdh} story: a reader agrees a KEK with a holder's key through the canister, on
 * P-256 or X25519 (drawn per story; both are ISO/IEC 18013-5 session-key curves); the result,
 * encrypted to the reader's transport key, must equal the holder's own plain ECDH (Bouncy Castle's
 * RFC 7748 code for X25519) against the canister's derived key (its canister id and
 * {@link MdlEcdhCanister#PATH}), and a content key wrapped under the reader's KEK must unwrap under
 * the holder's.
 */
final class MdlEcdhStory {
  private MdlEcdhStory() {}

  static void tell(StoryCalls calls, long at, SeededRandom rng, CanisterId canister,
      ClientKeys keys, long end) {
    UserKeyPair reader = StoryCalls.user(rng, "reader");
    boolean x25519 = rng.fork("curve").nextInt(2) == 1;
    EcCurve curve = x25519 ? EcCurve.ED25519 : EcCurve.P256;
    EcdhGroup group = EcdhGroup.of(curve);
    EcdhPeer holder = EcdhPeer.generate(group, rng.fork("holder"));
    TransportKeyPair transport = TransportKeyPair.generate(curve, rng.fork("transport"));
    byte[] cek = new byte[32];
    rng.fork("cek").nextBytes(cek);
    calls.send("mdl-ecdh", at, reader, canister, "agree", Fields.encode(
        (x25519 ? "x25519" : "p256").getBytes(StandardCharsets.UTF_8), holder.publicKey(),
        transport.publicKey().encode()), Optional.empty(), o -> {
          if (!o.replied()) {
            return "agree rejected: " + o.rejectMessage();
          }
          // Read when judged: a reply means the master key exists.
          byte[] readerStatic = CallerEcdhKey.derive(keys.genesis().ecdhKeys().get(curve),
              canister.toBytes(), MdlEcdhCanister.PATH).wirePublicKey();
          byte[] holderSide = holder.agree(readerStatic);
          EcPoint[] rc = ChainKeyWire.decodeEncryptedCombined(curve, o.reply());
          byte[] readerSide = group.sharedSecret(rc[1].sub(rc[0].mul(transport.secret())));
          if (!java.util.Arrays.equals(readerSide, holderSide)) {
            return "the reader's " + group.logName()
                + " ECDH result differs from the holder's own ECDH with the canister's key";
          }
          byte[] salt = "mdl-session".getBytes(StandardCharsets.UTF_8);
          try {
            byte[] wrapped = ContentKeyWrap.wrap(ContentKeyWrap.deriveKek(readerSide, salt,
                new byte[0]), cek);
            return java.util.Arrays.equals(cek, ContentKeyWrap.unwrap(ContentKeyWrap.deriveKek(
                holderSide, salt, new byte[0]), wrapped)) ? null
                : "the content key does not unwrap under the holder's KEK";
          } catch (java.security.GeneralSecurityException e) {
            return "the content key does not unwrap under the holder's KEK: " + e.getMessage();
          }
        }, end);
  }
}
