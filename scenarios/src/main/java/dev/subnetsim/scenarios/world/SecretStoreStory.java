package dev.subnetsim.scenarios.world;

import dev.subnetsim.chainkey.docs.DocumentKeys;
import dev.subnetsim.chainkey.docs.EncryptedDocumentKey;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import dev.subnetsim.chainkey.ecdh.EncryptedDhShare;
import dev.subnetsim.chainkey.ecdh.TransportKeyPair;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.canisters.ChainKeyProxyCanister;
import dev.subnetsim.replica.canisters.Fields;
import dev.subnetsim.replica.canisters.SecretStoreCanister;
import dev.subnetsim.replica.chainkey.ChainKeyWire;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.scenarios.world.CanisterStories.ClientKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code secret-store} story: an owner stores a document encrypted under a document key it
 * seals to the server key when it sends the store call (keys generated through consensus exist
 * only from the first blocks: before, the owner stores nothing and the story does not happen).
 * Once the store is replied to, the owner retrieves it (the shadows must recover the document key
 * and decrypt the document), a stranger tries to through the secret store (its permission program
 * refuses: the 403) and through the chain-key proxy, a canister calling the management canister
 * for shadows of the document's key (the key holders ask the permission program, which refuses:
 * the 403). Then the owner grants the proxy canister, and a third user's request through the
 * proxy is served: the key holders ask again and are told yes; its shadows must recover the key.
 * Each step is made when sent, once the step it depends on was seen replied to (the grant: once
 * the stranger's request through the proxy was seen answered, so it cannot have been allowed).
 */
final class SecretStoreStory {
  private SecretStoreStory() {}

  static void tell(StoryCalls calls, long at, SeededRandom rng, CanisterId canister,
      CanisterId proxy, ClientKeys keys, long end) {
    UserKeyPair owner = StoryCalls.user(rng, "owner");
    UserKeyPair stranger = StoryCalls.user(rng, "stranger");
    UserKeyPair delegate = StoryCalls.user(rng, "delegate");
    EcPoint documentKey = DocumentKeys.randomDocumentKey(EcCurve.SECP256K1, rng.fork("m"));
    SeededRandom sealRng = rng.fork("seal");
    AtomicReference<EncryptedDocumentKey> sealed = new AtomicReference<>();
    byte[] secret = ("record " + HexFormat.of().formatHex(documentKey.encode()).substring(0, 8))
        .getBytes(StandardCharsets.UTF_8);
    byte[] ciphertext = aesGcm(Cipher.ENCRYPT_MODE, DocumentKeys.symmetricKey(documentKey), secret);
    byte[] doc = ("doc-" + at).getBytes(StandardCharsets.UTF_8);
    String story = SecretStoreCanister.NAME;
    long gap = CanisterStories.STEP_GAP_NANOS;
    StoryCalls.Later stored = calls.sendLater(story, at, owner, canister, "store", () -> {
      EcThresholdPublicKey server;
      try {
        server = keys.genesis().documentServerKey();
      } catch (IllegalStateException e) {
        return null; // no server key yet: nothing to seal under
      }
      sealed.set(DocumentKeys.encrypt(server, documentKey, sealRng));
      return Fields.encode(doc, sealed.get().commonPoint().encode(),
          sealed.get().encryptedPoint().encode(), ciphertext);
    }, Optional.empty(), o -> o.replied() ? null : "store rejected: " + o.rejectMessage(), end);
    TransportKeyPair ownerKey = TransportKeyPair.generate(EcCurve.SECP256K1, rng.fork("owner-t"));
    calls.sendLater(story, at + gap, owner, canister, "retrieve",
        () -> Fields.encode(doc, ownerKey.publicKey().encode()), StoryCalls.After.replied(stored), o -> {
          if (!o.replied()) {
            return "the owner's retrieval was rejected: " + o.rejectMessage();
          }
          List<byte[]> f = Fields.decode(o.reply(), ByteBuffer.wrap(o.reply()).getInt());
          return recovers(keys, sealed.get(), ownerKey, f.subList(2, f.size()), documentKey)
              && Arrays.equals(secret, aesGcm(Cipher.DECRYPT_MODE,
                  DocumentKeys.symmetricKey(documentKey), f.get(1)))
              ? null : "the owner's shadows do not recover the document key";
        }, end);
    TransportKeyPair strangerKey = TransportKeyPair.generate(EcCurve.SECP256K1,
        rng.fork("stranger-t"));
    calls.sendLater(story, at + gap, stranger, canister, "retrieve",
        () -> Fields.encode(doc, strangerKey.publicKey().encode()), StoryCalls.After.replied(stored),
        o -> forbidden(o, "an unauthorized requester"), end);
    StoryCalls.Later viaProxy = calls.sendLater(story, at + gap, stranger, proxy, "call",
        () -> shadowsCall(sealed.get(), strangerKey), StoryCalls.After.replied(stored),
        o -> forbidden(o, "a canister the permission program does not allow"), end);
    StoryCalls.Later granted = calls.sendLater(story, at + 2 * gap, owner, canister, "grant",
        () -> Fields.encode(doc, proxy.toBytes()), StoryCalls.After.answered(viaProxy),
        o -> o.replied() ? null : "the owner's grant was rejected: " + o.rejectMessage(), end);
    TransportKeyPair delegateKey = TransportKeyPair.generate(EcCurve.SECP256K1,
        rng.fork("delegate-t"));
    calls.sendLater(story, at + 3 * gap, delegate, proxy, "call",
        () -> shadowsCall(sealed.get(), delegateKey), StoryCalls.After.replied(granted), o -> {
          if (!o.replied()) {
            return "a canister the permission program allows was refused: " + o.rejectMessage();
          }
          return recovers(keys, sealed.get(), delegateKey,
              ManagementReply.DocumentKeyShadows.decode(o.reply()).shadows(), documentKey)
              ? null : "the allowed canister's shadows do not recover the document key";
        }, end);
  }

  /** The proxy's call for shadows of the document's key, encrypted to {@code requester}. */
  private static byte[] shadowsCall(EncryptedDocumentKey sealed, TransportKeyPair requester) {
    return ChainKeyProxyCanister.callArg("document_key_shadows",
        new ManagementRequest.DocumentKeyShadows(sealed.commonPoint().encode(),
            requester.publicKey().encode(), SubnetChainKeys.DOCUMENT_KEY_NAME).encode());
  }

  private static String forbidden(CanisterStories.Outcome o, String who) {
    return !o.replied() && o.rejectMessage().startsWith(SecretStoreCanister.FORBIDDEN) ? null
        : who + " was not refused with the 403 (" + (o.replied() ? "it got shadows"
            : o.rejectMessage()) + ")";
  }

  /** Whether the shadows, under some holder's server key, recover the document key. */
  private static boolean recovers(ClientKeys keys, EncryptedDocumentKey sealed,
      TransportKeyPair requester, List<byte[]> wire, EcPoint documentKey) {
    List<EncryptedDhShare> shadows = new ArrayList<>();
    for (byte[] b : wire) {
      shadows.add(ChainKeyWire.decodeEncryptedDhShare(EcCurve.SECP256K1, b));
    }
    for (SubnetChainKeys holder : keys.holders()) {
      EcThresholdPublicKey server = holder.documentServerKey();
      if (server == null || server.threshold() != shadows.size()) {
        continue;
      }
      try {
        if (DocumentKeys.recover(server, sealed, requester, shadows).documentKey()
            .equals(documentKey)) {
          return true;
        }
      } catch (RuntimeException e) {
        // not this holder's shadows
      }
    }
    return false;
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
