package dev.subnetsim.scenarios.world;

import dev.subnetsim.chainkey.artifacts.ArtifactJson;
import dev.subnetsim.chainkey.artifacts.ArtifactOrigin;
import dev.subnetsim.chainkey.artifacts.EcdhArtifact;
import dev.subnetsim.chainkey.artifacts.EcdhCurve;
import dev.subnetsim.chainkey.artifacts.EcdsaArtifact;
import dev.subnetsim.chainkey.artifacts.EcdsaCurve;
import dev.subnetsim.chainkey.artifacts.KeyDerivation;
import dev.subnetsim.chainkey.artifacts.SchnorrAlgorithm;
import dev.subnetsim.chainkey.artifacts.SchnorrArtifact;
import dev.subnetsim.chainkey.artifacts.VetKdArtifact;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.derivation.DerivationPath;
import dev.subnetsim.chainkey.derivation.IcKeyDerivation;
import dev.subnetsim.chainkey.docs.DocumentKeys;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcThresholdPublicKey;
import dev.subnetsim.chainkey.ecdh.CallerEcdhKey;
import dev.subnetsim.chainkey.ecdh.EcdhGroup;
import dev.subnetsim.chainkey.ecdh.EncryptedDhShare;
import dev.subnetsim.chainkey.ecdh.ThresholdEcdh;
import dev.subnetsim.chainkey.ecdsa.ThresholdEcdsa;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.schnorr.ThresholdSchnorr;
import dev.subnetsim.chainkey.vetkd.DerivationContext;
import dev.subnetsim.chainkey.vetkd.EncryptedVetKey;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.chainkey.ChainKeyWire;
import dev.subnetsim.replica.chainkey.SubnetChainKeys;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.invariants.InvariantChecker;
import dev.subnetsim.scenarios.invariants.Violation;
import dev.subnetsim.scenarios.spec.WorkloadSpec.RequestKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every chain-key reply an honest replica executes is checked by the client who asked, with the
 * client's own secrets: a vetKey must decrypt and verify under the caller's derived public key; an
 * ECDH result must equal what the peer computes with ordinary ECDH (after decryption with the
 * transport key in the encrypted mode); document-key shadows must recover the stored document key;
 * ECDSA and Schnorr signatures must verify under the caller's derived key.
 * A wrong reply is a violation. Checked replies become lines of the artifacts log (vetKD, ECDH,
 * ECDSA, Schnorr; document keys have no line in the log, docs/FORMATS.md).
 */
public final class ChainKeyReplyChecker implements InvariantChecker {
  public static final String NAME = "chain-key replies valid";

  private final java.util.function.Function<SubnetId, SubnetChainKeys> keysOf;
  private final ChainKeyWorkload workload;
  private final FaultSchedule faults;
  private final TreeSet<String> seen = new TreeSet<>();
  private final List<String> artifacts = new ArrayList<>();
  private int checked;
  /** Valid replies by request kind. */
  private final TreeMap<RequestKind, Long> validByKind = new TreeMap<>();
  private Liveness liveness;
  private boolean livenessJudged;

  /**
   * Chain-key liveness: at {@code endNanos}, every request kind that was sent at a time from
   * which every subnet stayed healthy for {@code boundNanos} must have had at least one valid reply;
   * {@code healthy} says whether all subnets were healthy over a closed interval of virtual time.
   */
  public record Liveness(long endNanos, long boundNanos,
      java.util.function.BiPredicate<Long, Long> healthy) {}

  public ChainKeyReplyChecker(SubnetChainKeys keys, ChainKeyWorkload workload, FaultSchedule faults) {
    this(subnet -> keys, workload, faults);
  }

  /**
   * @param keysOf the public keys of the subnet that answered (the master keys are the same on
   *     every holder; the per-node public shares, which requester-side combination needs, are the
   *     answering committee's)
   */
  public ChainKeyReplyChecker(java.util.function.Function<SubnetId, SubnetChainKeys> keysOf,
      ChainKeyWorkload workload, FaultSchedule faults) {
    this.keysOf = keysOf;
    this.workload = workload;
    this.faults = faults;
  }

  @Override
  public String name() {
    return NAME;
  }

  public List<String> artifactLines() {
    return List.copyOf(artifacts);
  }

  public int checked() {
    return checked;
  }

  /** Also fails the run if a request kind got no valid reply while it could have (see Liveness). */
  public ChainKeyReplyChecker expectingReplies(Liveness l) {
    this.liveness = l;
    return this;
  }

  @Override
  public List<Violation> onTime(long t) {
    if (liveness == null || livenessJudged || t < liveness.endNanos()) {
      return List.of();
    }
    livenessJudged = true;
    TreeMap<RequestKind, Long> due = new TreeMap<>();
    for (ChainKeyWorkload.Client c : workload.clients()) {
      long until = c.sentAtNanos() + liveness.boundNanos();
      if (until <= liveness.endNanos() && liveness.healthy().test(c.sentAtNanos(), until)) {
        due.merge(c.kind(), 1L, Long::sum);
      }
    }
    List<Violation> out = new ArrayList<>();
    due.forEach((kind, n) -> {
      if (validByKind.getOrDefault(kind, 0L) == 0) {
        out.add(new Violation(NAME, t, n + " " + ChainKeyWorkload.latencyName(kind)
            + " requests were sent while every subnet stayed healthy for "
            + liveness.boundNanos() / 1e9 + " s after them, and none got a valid reply"));
      }
    });
    return out;
  }

  @Override
  public List<Violation> onObservation(long t, NodeId node, Observation o) {
    if (!(o instanceof Observation.ChainKeyCompleted done) || faults.isByzantine(node)
        || !seen.add(done.subnet().name() + "/" + done.requestId())) {
      return List.of();
    }
    Completed c = Completed.of(done);
    var client = workload.byRequestArg(c.arg());
    if (client.isEmpty()) {
      return List.of(); // not a workload request (e.g. a test canister's own call)
    }
    checked++;
    ArtifactOrigin origin = new ArtifactOrigin(c.subnet().name(), c.height(), keyId(c.method()));
    String canister = Principal.fromBytes(c.callerCanister()).toText();
    SubnetChainKeys keys = keysOf.apply(c.subnet());
    try {
      String problem = switch (c.method()) {
        case "vetkd_derive_key" -> {
          var r = (ManagementRequest.VetKdDeriveKey) client.get().request();
          byte[] encrypted = ManagementReply.EncryptedVetKey.decode(c.reply()).encryptedKey();
          var derived = DerivationContext.of(c.callerCanister(), r.context())
              .derive(keys.vetKdKey().publicKey()).publicKey();
          EncryptedVetKey.fromBytes(encrypted).decryptAndVerify(client.get().vetKdTransport().get(),
              derived, r.input());
          artifacts.add(ArtifactJson.toJsonLine(new VetKdArtifact(origin,
              Bytes.of(keys.vetKdKey().publicKey().toBytes()), canister, Bytes.of(r.context()),
              Bytes.of(r.input()), Bytes.of(client.get().vetKdTransport().get().toBytes()),
              Bytes.of(encrypted))));
          yield null;
        }
        case "ecdh_derive" -> {
          var r = (ManagementRequest.EcdhDerive) client.get().request();
          EcThresholdPublicKey master = keys.ecdhKeys().get(SubnetChainKeys.ecdhCurve(r.curve()));
          // The caller's own key: the peer agrees with what ecdh_public_key gives the caller.
          CallerEcdhKey callerKey = CallerEcdhKey.derive(master, c.callerCanister(),
              r.derivationPath());
          EcThresholdPublicKey key = callerKey.publicKey();
          EcdhGroup group = EcdhGroup.of(key.curve());
          EcdhPeer peer = client.get().peer().get();
          byte[] expected = peer.agree(callerKey.wirePublicKey());
          var reply = ManagementReply.Ecdh.decode(c.reply());
          byte[] got = reply.result();
          if (reply.encrypted()) {
            EcPoint[] rc = ChainKeyWire.decodeEncryptedCombined(key.curve(), got);
            got = group.sharedSecret(rc[1].sub(rc[0].mul(client.get().transport().get().secret())));
          }
          if (!Arrays.equals(got, expected)) {
            yield "ECDH result of request " + c.requestId() + " differs from the peer's own ECDH";
          }
          artifacts.add(ArtifactJson.toJsonLine(new EcdhArtifact(origin,
              switch (group) {
                case P256 -> EcdhCurve.P256;
                case SECP256K1 -> EcdhCurve.SECP256K1;
                case X25519 -> EcdhCurve.X25519;
              },
              Bytes.of(ThresholdEcdh.subnetPublicKey(master)), canister,
              Bytes.ofEach(r.derivationPath()), Bytes.of(callerKey.wirePublicKey()),
              Bytes.of(r.peerPublicKey()), Bytes.of(peer.privateKey()),
              Bytes.of(got))));
          yield null;
        }
        case "document_key_shadows" -> {
          var reply = ManagementReply.DocumentKeyShadows.decode(c.reply());
          List<EncryptedDhShare> shadows = new ArrayList<>();
          reply.shadows().forEach(b -> shadows.add(
              ChainKeyWire.decodeEncryptedDhShare(EcCurve.SECP256K1, b)));
          EcPoint recovered = DocumentKeys.recover(keys.documentServerKey(),
              client.get().document().get(), client.get().transport().get(), shadows).documentKey();
          yield recovered.equals(client.get().documentKey().get()) ? null
              : "document key recovered from request " + c.requestId() + " is wrong";
        }
        case "sign_with_ecdsa" -> {
          var r = (ManagementRequest.SignWithEcdsa) client.get().request();
          EcCurve curve = r.curve().equals("p256") ? EcCurve.P256 : EcCurve.SECP256K1;
          var master = keys.signing().ecdsaKeys().get(curve).commitment().constantTerm();
          var derived = IcKeyDerivation.derive(master,
              DerivationPath.forCanister(c.callerCanister(), r.derivationPath()));
          byte[] sig = ManagementReply.Signature.decode(c.reply()).signature();
          if (!ThresholdEcdsa.verify(derived.publicKey(), r.messageHash(), sig)) {
            yield "ECDSA signature of request " + c.requestId() + " does not verify";
          }
          artifacts.add(ArtifactJson.toJsonLine(new EcdsaArtifact(origin,
              curve == EcCurve.P256 ? EcdsaCurve.P256 : EcdsaCurve.SECP256K1,
              derivation(master.encode(), canister, r.derivationPath()),
              Bytes.of(derived.publicKey().encode()), Bytes.of(r.messageHash()), Bytes.of(sig))));
          yield null;
        }
        case "sign_with_schnorr" -> {
          var r = (ManagementRequest.SignWithSchnorr) client.get().request();
          var alg = r.algorithm().equals("ed25519") ? ThresholdSchnorr.Algorithm.ED25519
              : ThresholdSchnorr.Algorithm.BIP340;
          var master = keys.signing().schnorrKeys().get(alg).commitment().constantTerm();
          var derived = IcKeyDerivation.derive(master,
              DerivationPath.forCanister(c.callerCanister(), r.derivationPath()));
          byte[] sig = ManagementReply.Signature.decode(c.reply()).signature();
          byte[] verificationKey = alg == ThresholdSchnorr.Algorithm.ED25519
              ? derived.publicKey().encode() : derived.publicKey().xCoordinateBytes();
          if (!ThresholdSchnorr.verify(alg, verificationKey, r.message(), sig)) {
            yield alg + " signature of request " + c.requestId() + " does not verify";
          }
          artifacts.add(ArtifactJson.toJsonLine(new SchnorrArtifact(origin,
              alg == ThresholdSchnorr.Algorithm.ED25519 ? SchnorrAlgorithm.ED25519
                  : SchnorrAlgorithm.BIP340,
              derivation(master.encode(), canister, r.derivationPath()),
              Bytes.of(derived.publicKey().encode()), Bytes.of(r.message()), Bytes.of(sig))));
          yield null;
        }
        default -> null;
      };
      if (problem == null) {
        validByKind.merge(client.get().kind(), 1L, Long::sum);
        return List.of();
      }
      return List.of(new Violation(NAME, t, problem));
    } catch (RuntimeException e) {
      return List.of(new Violation(NAME, t, c.method() + " reply of request " + c.requestId()
          + " does not verify for its client: " + e.getMessage()));
    }
  }

  /** A completion with its byte fields as arrays, the form the chain-key decoders read. */
  private record Completed(SubnetId subnet, long height, long requestId, String method,
      byte[] callerCanister, byte[] arg, byte[] reply) {
    static Completed of(Observation.ChainKeyCompleted c) {
      return new Completed(c.subnet(), c.height(), c.requestId(), c.method(),
          c.callerCanister().toArray(), c.arg().toArray(), c.reply().toArray());
    }
  }

  private static String keyId(String method) {
    return switch (method) {
      case "vetkd_derive_key" -> SubnetChainKeys.VETKD_KEY_NAME;
      case "ecdh_derive" -> SubnetChainKeys.ECDH_KEY_NAME;
      case "sign_with_ecdsa", "sign_with_schnorr" -> dev.subnetsim.replica.chainkey.SigningKeys.KEY_NAME;
      default -> SubnetChainKeys.DOCUMENT_KEY_NAME;
    };
  }

  private static KeyDerivation derivation(byte[] master, String canister, List<byte[]> path) {
    return new KeyDerivation(Bytes.of(master), Bytes.of(IcKeyDerivation.masterChainCode()),
        canister, Bytes.ofEach(path));
  }
}
