package dev.subnetsim.scenarios.world;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ecdh.ContentKeyWrap;
import dev.subnetsim.chainkey.ecdh.EcdhGroup;
import dev.subnetsim.chainkey.ecdh.TransportKeyPair;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.canisters.Fields;
import dev.subnetsim.replica.chainkey.ChainKeyWire;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.scenarios.world.CanisterStories.ClientKeys;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code mdl-ecdh} story: a reader agrees a KEK with a holder's key through the canister; the
 * result, encrypted to the reader's transport key, must equal the holder's own ECDH, and a content
 * key wrapped under the reader's KEK must unwrap under the holder's.
 */
final class MdlEcdhStory {
  private MdlEcdhStory() {}

  static void tell(StoryCalls calls, long at, SeededRandom rng, CanisterId canister,
      ClientKeys keys, long end) {
    UserKeyPair reader = StoryCalls.user(rng, "reader");
    EcScalar holderSecret = EcScalar.randomNonZero(EcCurve.P256, rng.fork("holder"));
    TransportKeyPair transport = TransportKeyPair.generate(EcCurve.P256, rng.fork("transport"));
    byte[] cek = new byte[32];
    rng.fork("cek").nextBytes(cek);
    EcPoint readerStatic = keys.genesis().ecdhKeys().get(EcCurve.P256).publicKey();
    calls.send("mdl-ecdh", at, reader, canister, "agree", Fields.encode(
        EcPoint.mulGenerator(holderSecret).encode(), transport.publicKey().encode()),
        Optional.empty(), o -> {
          if (!o.replied()) {
            return "agree rejected: " + o.rejectMessage();
          }
          EcPoint[] rc = ChainKeyWire.decodeEncryptedCombined(EcCurve.P256, o.reply());
          byte[] readerSide = EcdhGroup.P256.sharedSecret(rc[1].sub(rc[0].mul(transport.secret())));
          byte[] holderSide = EcdhGroup.P256.sharedSecret(readerStatic.mul(holderSecret));
          if (!java.util.Arrays.equals(readerSide, holderSide)) {
            return "the reader's ECDH result differs from the holder's own ECDH";
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
