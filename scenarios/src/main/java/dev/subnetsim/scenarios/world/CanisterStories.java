package dev.subnetsim.scenarios.world;

import dev.subnetsim.chainkey.artifacts.ArtifactJson;
import dev.subnetsim.chainkey.artifacts.ArtifactOrigin;
import dev.subnetsim.chainkey.artifacts.CanisterSignatureArtifact;
import dev.subnetsim.chainkey.artifacts.CertificateArtifact;
import dev.subnetsim.chainkey.certification.CanisterSignature;
import dev.subnetsim.chainkey.certification.CanisterSignatureIssuer;
import dev.subnetsim.chainkey.certification.CanisterSignatureVerifier;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateVerificationException;
import dev.subnetsim.chainkey.certification.HashTreeCbor;
import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.chainkey.docs.DocumentKeys;
import dev.subnetsim.chainkey.docs.EncryptedDocumentKey;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import dev.subnetsim.chainkey.ecdh.ContentKeyWrap;
import dev.subnetsim.chainkey.ecdh.EcdhGroup;
import dev.subnetsim.chainkey.ecdh.EncryptedDhShare;
import dev.subnetsim.chainkey.ecdh.TransportKeyPair;
import dev.subnetsim.chainkey.ecdsa.ThresholdEcdsa;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.vetkd.DerivationContext;
import dev.subnetsim.chainkey.vetkd.EncryptedVetKey;
import dev.subnetsim.chainkey.vetkd.TransportSecretKey;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.canisters.EncryptedNotesCanister;
import dev.subnetsim.replica.canisters.Fields;
import dev.subnetsim.replica.canisters.SecretStoreCanister;
import dev.subnetsim.replica.chainkey.ChainKeyWire;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.SignatureScheme;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.query.QueryRequest;
import dev.subnetsim.scenarios.driver.SimulationConfig.IngressInjection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Scenario load that drives the example canisters as their users would: users with their own
 * Ed25519 keys send signed ingress to the canisters installed on the load subnet, and each reply
 * is checked with the user's own secrets, as the seed stories describe.
 * <ul>
 *   <li>{@code encrypted-notes}: a user fetches its vetKey through the canister; it must decrypt
 *       with the user's transport key, verify under the key derived for the canister and the
 *       user's principal, and not verify for another principal.</li>
 *   <li>{@code secret-store}: an owner stores a document encrypted under a document key sealed to
 *       the subnet's server key; later the owner retrieves it (the shadows must recover the
 *       document key and decrypt the document) and a stranger tries to (must get the 403).</li>
 *   <li>{@code mdl-ecdh}: a reader agrees a KEK with a holder's key through the canister; the
 *       result, encrypted to the reader's transport key, must equal the holder's own ECDH, and a
 *       content key wrapped under the reader's KEK must unwrap under the holder's.</li>
 *   <li>{@code wallet}: a user signs a transaction hash; the signature must verify under the
 *       user's derived key and not under another user's.</li>
 *   <li>{@code identity}: a user prepares a session-key delegation; the reply must be its
 *       canister-signature public key. Later the user queries {@code get_delegation}: the witness
 *       it gets, with the data certificate the replica attached to the query's answer (delegated
 *       by the root subnet on other subnets), must make a canister signature that verifies under
 *       the root key for the user's session key, and not for another session key. Each such
 *       signature and its certificate become lines of the artifacts log.</li>
 * </ul>
 * A step that depends on an earlier one (the retrievals on the store) is judged only if the earlier
 * step was observed complete before the dependent one was sent; otherwise it is counted apart.
 */
public final class CanisterStories {
  /** Seconds between a story's dependent steps. */
  static final long STEP_GAP_NANOS = 8_000_000_000L;
  private static final long EXPIRY_NANOS = 4 * 60 * 1_000_000_000L;
  private static final byte[] NOTE = "meet at noon".getBytes(StandardCharsets.UTF_8);

  /** The keys a client knows: master public keys (the same on every holder). */
  public interface ClientKeys {
    SubnetChainKeys genesis();

    /** Every key holder's public keys (the per-node shares differ between holders). */
    List<SubnetChainKeys> holders();

    /**
     * The root subnet's key (DER) that certificates verify under; empty when the run's consensus
     * signatures are the insecure stand-in, whose certificates cannot verify.
     */
    default Optional<byte[]> rootKeyDer() {
      return Optional.empty();
    }
  }

  /** One signed call and how its user judges the outcome (null = as expected, else why not). */
  public record Call(String story, long atNanos, byte[] requestId, Optional<byte[]> after,
      Function<Outcome, String> check) {}

  /**
   * What the user read: from /request_status for a call; for a query, the answer with the data
   * certificate of the state it ran on (empty for calls).
   */
  public record Outcome(boolean replied, byte[] reply, String rejectMessage, byte[] certificate,
      String subnet, long height) {
    public Outcome(boolean replied, byte[] reply, String rejectMessage) {
      this(replied, reply, rejectMessage, new byte[0], "", 0);
    }
  }

  /** Lines of the artifacts log made from verified story results (canister signatures). */
  private final List<String> artifactLines = new ArrayList<>();

  private final List<IngressInjection> injections = new ArrayList<>();
  private final TreeMap<String, Call> calls = new TreeMap<>();

  public static boolean drivable(String canister) {
    return List.of("encrypted-notes", "secret-store", "mdl-ecdh", "wallet", "identity")
        .contains(canister);
  }

  /**
   * @param ratePerCanister stories per second (Poisson) of each canister to drive
   * @param subnet the subnet the canisters run on, with its nodes
   */
  public static CanisterStories generate(long seed, java.util.Map<String, Double> ratePerCanister,
      SubnetExecution subnet, List<NodeId> nodes, ClientKeys keys, long endNanos) {
    CanisterStories s = new CanisterStories();
    SeededRandom root = SeededRandom.fromSeed(seed).fork("canister-stories");
    for (var e : new TreeMap<>(ratePerCanister).entrySet()) {
      String canister = e.getKey();
      double perSecond = e.getValue();
      if (!drivable(canister) || perSecond <= 0) {
        continue;
      }
      SeededRandom rng = root.fork(canister);
      double t = 0;
      int k = 0;
      while (true) {
        t += Math.max(1, rng.nextExponential() * 1e9 / perSecond);
        if (t >= endNanos) {
          break;
        }
        SeededRandom story = rng.fork("story-" + k++);
        s.story(canister, (long) t, story, subnet, keys, endNanos);
      }
    }
    // The driver wants time order (ties broken by content, so the order is the seed's alone);
    // each message goes to a node drawn in that order.
    s.sent.sort(java.util.Comparator.comparingLong(Sent::atNanos)
        .thenComparing(Sent::message, java.util.Arrays::compareUnsigned));
    SeededRandom nodeRng = root.fork("nodes");
    for (Sent m : s.sent) {
      s.injections.add(new IngressInjection(m.atNanos(), nodes.get(nodeRng.nextInt(nodes.size())),
          m.message()));
    }
    return s;
  }

  private record Sent(long atNanos, byte[] message) {}

  private final List<Sent> sent = new ArrayList<>();

  public List<IngressInjection> injections() {
    return List.copyOf(injections);
  }

  public Optional<Call> call(byte[] requestId) {
    return Optional.ofNullable(calls.get(HexFormat.of().formatHex(requestId)));
  }

  public int size() {
    return calls.size();
  }

  public List<String> artifactLines() {
    return List.copyOf(artifactLines);
  }

  private byte[] send(String story, long at, UserKeyPair user, CanisterId canister, String method,
      byte[] arg, Optional<byte[]> after, Function<Outcome, String> check, long endNanos) {
    if (at >= endNanos) {
      return null;
    }
    return submit(story, at, user, new IngressMessage(user.principal(), canister.toBytes(),
        method, arg, at + EXPIRY_NANOS, ByteBuffer.allocate(8).putLong(at).array()), after, check);
  }

  /** A signed query; its answer carries the data certificate of the state it ran on. */
  private byte[] query(String story, long at, UserKeyPair user, CanisterId canister,
      String method, byte[] arg, Optional<byte[]> after, Function<Outcome, String> check,
      long endNanos) {
    if (at >= endNanos) {
      return null;
    }
    return submit(story, at, user, IngressMessage.query(user.principal(), canister.toBytes(),
        method, arg, at + EXPIRY_NANOS, ByteBuffer.allocate(8).putLong(at).array()), after, check);
  }

  private byte[] submit(String story, long at, UserKeyPair user, IngressMessage message,
      Optional<byte[]> after, Function<Outcome, String> check) {
    SignedIngress signed = user.sign(message);
    byte[] id = signed.message().requestId();
    calls.put(HexFormat.of().formatHex(id), new Call(story, at, id, after, check));
    sent.add(new Sent(at, message.isQuery() ? new QueryRequest(signed).encode()
        : new PayloadItem.Ingress(signed).encode()));
    return id;
  }

  private static UserKeyPair user(SeededRandom rng, String name) {
    return UserKeyPair.generate(SignatureScheme.ED25519, rng.fork(name));
  }

  private void story(String canister, long at, SeededRandom rng, SubnetExecution subnet,
      ClientKeys keys, long end) {
    switch (canister) {
      case "encrypted-notes" -> notes(at, rng, subnet.canister(SubnetExecution.ENCRYPTED_NOTES),
          keys, end);
      case "secret-store" -> secretStore(at, rng, subnet.canister(SubnetExecution.SECRET_STORE),
          keys, end);
      case "mdl-ecdh" -> mdl(at, rng, subnet.canister(SubnetExecution.MDL_ECDH), keys, end);
      case "wallet" -> wallet(at, rng, subnet.canister(SubnetExecution.WALLET), keys, end);
      case "identity" -> identity(at, rng, subnet.canister(SubnetExecution.IDENTITY), keys,
          end);
      default -> throw new IllegalArgumentException(canister);
    }
  }

  private void notes(long at, SeededRandom rng, CanisterId canister, ClientKeys keys, long end) {
    UserKeyPair alice = user(rng, "alice");
    UserKeyPair bob = user(rng, "bob");
    TransportSecretKey tsk = TransportSecretKey.random(rng.fork("transport"));
    var derived = DerivationContext.of(canister.toBytes(), EncryptedNotesCanister.CONTEXT)
        .derive(keys.genesis().vetKdKey().publicKey()).publicKey();
    send("encrypted-notes", at, alice, canister, "encrypted_key",
        Fields.encode(tsk.publicKey().toBytes()), Optional.empty(), o -> {
          if (!o.replied()) {
            return "encrypted_key rejected: " + o.rejectMessage();
          }
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

  private void secretStore(long at, SeededRandom rng, CanisterId canister, ClientKeys keys,
      long end) {
    UserKeyPair owner = user(rng, "owner");
    UserKeyPair stranger = user(rng, "stranger");
    EcPoint documentKey = DocumentKeys.randomDocumentKey(EcCurve.SECP256K1, rng.fork("m"));
    EncryptedDocumentKey sealed = DocumentKeys.encrypt(keys.genesis().documentServerKey(),
        documentKey, rng.fork("seal"));
    byte[] secret = ("record " + HexFormat.of().formatHex(documentKey.encode()).substring(0, 8))
        .getBytes(StandardCharsets.UTF_8);
    byte[] ciphertext = aesGcm(Cipher.ENCRYPT_MODE, DocumentKeys.symmetricKey(documentKey), secret);
    byte[] doc = ("doc-" + at).getBytes(StandardCharsets.UTF_8);
    byte[] stored = send("secret-store", at, owner, canister, "store", Fields.encode(doc,
        sealed.commonPoint().encode(), sealed.encryptedPoint().encode(), ciphertext),
        Optional.empty(), o -> o.replied() ? null : "store rejected: " + o.rejectMessage(), end);
    if (stored == null) {
      return;
    }
    TransportKeyPair ownerKey = TransportKeyPair.generate(EcCurve.SECP256K1, rng.fork("owner-t"));
    send("secret-store", at + STEP_GAP_NANOS, owner, canister, "retrieve",
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
    send("secret-store", at + STEP_GAP_NANOS, stranger, canister, "retrieve",
        Fields.encode(doc, strangerKey.publicKey().encode()), Optional.of(stored),
        o -> !o.replied() && SecretStoreCanister.FORBIDDEN.equals(o.rejectMessage()) ? null
            : "an unauthorized requester was not refused with the 403 (" + (o.replied()
                ? "it got shadows" : o.rejectMessage()) + ")", end);
  }

  private void mdl(long at, SeededRandom rng, CanisterId canister, ClientKeys keys, long end) {
    UserKeyPair reader = user(rng, "reader");
    EcScalar holderSecret = EcScalar.randomNonZero(EcCurve.P256, rng.fork("holder"));
    TransportKeyPair transport = TransportKeyPair.generate(EcCurve.P256, rng.fork("transport"));
    byte[] cek = new byte[32];
    rng.fork("cek").nextBytes(cek);
    EcPoint readerStatic = keys.genesis().ecdhKeys().get(EcCurve.P256).publicKey();
    send("mdl-ecdh", at, reader, canister, "agree", Fields.encode(
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

  private void wallet(long at, SeededRandom rng, CanisterId canister, ClientKeys keys, long end) {
    UserKeyPair alice = user(rng, "alice");
    UserKeyPair bob = user(rng, "bob");
    byte[] tx = new byte[32];
    rng.fork("tx").nextBytes(tx);
    EcPoint master = keys.genesis().signing().ecdsaKeys().get(EcCurve.SECP256K1).commitment()
        .constantTerm();
    EcPoint aliceKey = IcKeyDerivation.derive(master, DerivationPath.forCanister(
        canister.toBytes(), List.of(alice.principal().toBytes()))).publicKey();
    EcPoint bobKey = IcKeyDerivation.derive(master, DerivationPath.forCanister(
        canister.toBytes(), List.of(bob.principal().toBytes()))).publicKey();
    send("wallet", at, alice, canister, "sign", Fields.encode(
        "ecdsa".getBytes(StandardCharsets.UTF_8), tx), Optional.empty(), o -> {
          if (!o.replied()) {
            return "sign rejected: " + o.rejectMessage();
          }
          if (!ThresholdEcdsa.verify(aliceKey, tx, o.reply())) {
            return "the wallet's signature does not verify under the user's derived key";
          }
          return ThresholdEcdsa.verify(bobKey, tx, o.reply())
              ? "the signature also verifies under another user's key" : null;
        }, end);
  }

  private void identity(long at, SeededRandom rng, CanisterId canister, ClientKeys keys,
      long end) {
    UserKeyPair user = user(rng, "user");
    UserKeyPair session = user(rng, "session");
    UserKeyPair otherSession = user(rng, "other-session");
    byte[] expected = new CanisterSignatureIssuer(Principal.fromBytes(canister.toBytes()))
        .publicKey(user.principal().toBytes()).toDer();
    long expiration = at + 3_600_000_000_000L;
    byte[] arg = Fields.encode(session.publicKeyDer(),
        ByteBuffer.allocate(8).putLong(expiration).array());
    byte[] prepared = send("identity", at, user, canister, "prepare_delegation", arg,
        Optional.empty(), o -> !o.replied() ? "prepare_delegation rejected: " + o.rejectMessage()
            : java.util.Arrays.equals(expected, o.reply()) ? null
            : "the delegation's canister-signature public key is not the user's", end);
    Optional<byte[]> rootKey = keys.rootKeyDer();
    if (prepared == null || rootKey.isEmpty()) {
      return;
    }
    byte[] message = new SessionKeyDelegation(session.publicKeyDer(), expiration,
        Optional.empty()).signedMessage();
    byte[] otherMessage = new SessionKeyDelegation(otherSession.publicKeyDer(), expiration,
        Optional.empty()).signedMessage();
    query("identity", at + STEP_GAP_NANOS, user, canister, "get_delegation", arg,
        Optional.of(prepared), o -> {
          if (!o.replied()) {
            return "get_delegation rejected: " + o.rejectMessage();
          }
          byte[] signature = new CanisterSignature(o.certificate(), HashTreeCbor.decode(o.reply()))
              .encode();
          CanisterSignatureVerifier verifier = CanisterSignatureVerifier.jblst();
          try {
            verifier.verify(expected, message, signature, rootKey.get());
          } catch (CertificateVerificationException e) {
            return "the delegation's canister signature does not verify under the root key: "
                + e.getMessage();
          }
          if (verifier.isValid(expected, otherMessage, signature, rootKey.get())) {
            return "the canister signature also verifies for another session key";
          }
          Certificate certificate = Certificate.decode(o.certificate());
          artifactLines.add(ArtifactJson.toJsonLine(new CanisterSignatureArtifact(
              new ArtifactOrigin(o.subnet(), o.height(), "canister-signature"), expected, message,
              signature, rootKey.get())));
          artifactLines.add(ArtifactJson.toJsonLine(new CertificateArtifact(
              new ArtifactOrigin(o.subnet(), o.height(), "query-certificate"), rootKey.get(),
              o.certificate(), certificate.delegation().map(d ->
                  Principal.fromBytes(canister.toBytes()).toText()))));
          return null;
        }, end);
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
