package dev.subnetsim.scenarios.world;

import dev.subnetsim.chainkey.artifacts.ArtifactJson;
import dev.subnetsim.chainkey.artifacts.ArtifactOrigin;
import dev.subnetsim.chainkey.artifacts.CanisterSignatureArtifact;
import dev.subnetsim.chainkey.artifacts.CertificateArtifact;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.certification.CanisterSignature;
import dev.subnetsim.chainkey.certification.CanisterSignatureIssuer;
import dev.subnetsim.chainkey.certification.CanisterSignatureVerifier;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateVerificationException;
import dev.subnetsim.chainkey.certification.HashTreeCbor;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.canisters.Fields;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.scenarios.world.CanisterStories.ClientKeys;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The {@code identity} story: a user prepares a session-key delegation; the reply must be its
 * canister-signature public key. Later the user queries {@code get_delegation}: the witness it
 * gets, with the data certificate the replica attached to the query's answer, must make a
 * canister signature that verifies under the root key for the user's session key, and not for
 * another session key. Each such signature and its certificate become artifact-log lines.
 */
final class IdentityStory {
  private IdentityStory() {}

  static void tell(StoryCalls calls, long at, SeededRandom rng, CanisterId canister,
      ClientKeys keys, long end) {
    UserKeyPair user = StoryCalls.user(rng, "user");
    UserKeyPair session = StoryCalls.user(rng, "session");
    UserKeyPair otherSession = StoryCalls.user(rng, "other-session");
    byte[] expected = new CanisterSignatureIssuer(Principal.fromBytes(canister.toBytes()))
        .publicKey(user.principal().toBytes()).toDer();
    long expiration = at + 3_600_000_000_000L;
    byte[] arg = Fields.encode(session.publicKeyDer(),
        ByteBuffer.allocate(8).putLong(expiration).array());
    byte[] prepared = calls.send("identity", at, user, canister, "prepare_delegation", arg,
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
    calls.query("identity", at + CanisterStories.STEP_GAP_NANOS, user, canister,
        "get_delegation", arg, Optional.of(prepared), o -> {
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
          calls.artifact(ArtifactJson.toJsonLine(new CanisterSignatureArtifact(
              new ArtifactOrigin(o.subnet(), o.height(), "canister-signature"), Bytes.of(expected),
              Bytes.of(message), Bytes.of(signature), Bytes.of(rootKey.get()))));
          calls.artifact(ArtifactJson.toJsonLine(new CertificateArtifact(
              new ArtifactOrigin(o.subnet(), o.height(), "query-certificate"),
              Bytes.of(rootKey.get()), Bytes.of(o.certificate()), certificate.delegation().map(d ->
                  Principal.fromBytes(canister.toBytes()).toText()))));
          return null;
        }, end);
  }
}
