package dev.subnetsim.scenarios.world;

import dev.subnetsim.chainkey.docs.DocumentKeys;
import dev.subnetsim.chainkey.docs.EncryptedDocumentKey;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import dev.subnetsim.chainkey.ecdh.EncryptedDhShare;
import dev.subnetsim.chainkey.ecdh.TransportKeyPair;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.canisters.Fields;
import dev.subnetsim.replica.canisters.SecretStoreCanister;
import dev.subnetsim.replica.chainkey.ChainKeyWire;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.scenarios.world.CanisterStories.ClientKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code secret-store} story: an owner stores a document encrypted under a document key sealed
 * to the subnet's server key; later the owner retrieves it (the shadows must recover the document
 * key and decrypt the document) and a stranger tries to (must get the 403).
 */
final class SecretStoreStory {
  private SecretStoreStory() {}

  static void tell(StoryCalls calls, long at, SeededRandom rng, CanisterId canister,
      ClientKeys keys, long end) {
    UserKeyPair owner = StoryCalls.user(rng, "owner");
    UserKeyPair stranger = StoryCalls.user(rng, "stranger");
    EcPoint documentKey = DocumentKeys.randomDocumentKey(EcCurve.SECP256K1, rng.fork("m"));
    EncryptedDocumentKey sealed = DocumentKeys.encrypt(keys.genesis().documentServerKey(),
        documentKey, rng.fork("seal"));
    byte[] secret = ("record " + HexFormat.of().formatHex(documentKey.encode()).substring(0, 8))
        .getBytes(StandardCharsets.UTF_8);
    byte[] ciphertext = aesGcm(Cipher.ENCRYPT_MODE, DocumentKeys.symmetricKey(documentKey), secret);
    byte[] doc = ("doc-" + at).getBytes(StandardCharsets.UTF_8);
    byte[] stored = calls.send("secret-store", at, owner, canister, "store", Fields.encode(doc,
        sealed.commonPoint().encode(), sealed.encryptedPoint().encode(), ciphertext),
        Optional.empty(), o -> o.replied() ? null : "store rejected: " + o.rejectMessage(), end);
    if (stored == null) {
      return;
    }
    TransportKeyPair ownerKey = TransportKeyPair.generate(EcCurve.SECP256K1, rng.fork("owner-t"));
    calls.send("secret-store", at + CanisterStories.STEP_GAP_NANOS, owner, canister, "retrieve",
        Fields.encode(doc, ownerKey.publicKey().encode()), Optional.of(stored), o -> {
          if (!o.replied()) {
            return "the owner's retrieval was rejected: " + o.rejectMessage();
          }
          List<byte[]> f = Fields.decode(o.reply(), ByteBuffer.wrap(o.reply()).getInt());
          List<EncryptedDhShare> shadows = new ArrayList<>();
          for (byte[] b : f.subList(2, f.size())) {
            shadows.add(ChainKeyWire.decodeEncryptedDhShare(EcCurve.SECP256K1, b));
          }
          for (SubnetChainKeys holder : keys.holders()) {
            EcThresholdPublicKey server = holder.documentServerKey();
            if (server == null || server.threshold() != shadows.size()) {
              continue;
            }
            try {
              EcPoint recovered = DocumentKeys.recover(server, sealed, ownerKey, shadows)
                  .documentKey();
              if (recovered.equals(documentKey) && java.util.Arrays.equals(secret, aesGcm(
                  Cipher.DECRYPT_MODE, DocumentKeys.symmetricKey(recovered), f.get(1)))) {
                return null;
              }
            } catch (RuntimeException e) {
              // not this holder's shadows
            }
          }
          return "the owner's shadows do not recover the document key";
        }, end);
    TransportKeyPair strangerKey = TransportKeyPair.generate(EcCurve.SECP256K1,
        rng.fork("stranger-t"));
    calls.send("secret-store", at + CanisterStories.STEP_GAP_NANOS, stranger, canister, "retrieve",
        Fields.encode(doc, strangerKey.publicKey().encode()), Optional.of(stored),
        o -> !o.replied() && SecretStoreCanister.FORBIDDEN.equals(o.rejectMessage()) ? null
            : "an unauthorized requester was not refused with the 403 (" + (o.replied()
                ? "it got shadows" : o.rejectMessage()) + ")", end);
  }


  private static byte[] aesGcm(int mode, byte[] key, byte[] data) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(mode, new SecretKeySpec(key, 0, 32, "AES"), new GCMParameterSpec(128, new byte[12]));
      return c.doFinal(data);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
