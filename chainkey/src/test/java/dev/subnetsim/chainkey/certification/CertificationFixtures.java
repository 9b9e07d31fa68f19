package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.bls.BlsSignatures;
import dev.subnetsim.chainkey.bls.JblstBlsSignatures;
import dev.subnetsim.chainkey.bls.KeyPair;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.ic.CanisterIds;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Deterministic certification artifacts from a seed, with real BLS keys and signatures: a root key
 * pair, a certificate signed by the root key (no delegation), a subnet key with a root-signed
 * delegation and a certificate signed by the subnet key, and Internet-Identity-style canister
 * signatures (over a session-key delegation) on both kinds of certificate. For tests here and for
 * the Node interop harness (agent-js {@code Certificate.create}).
 */
public final class CertificationFixtures {
  private CertificationFixtures() {}

  /** First canister index of the delegated subnet's range (the range holds 2^20 canisters). */
  public static final long RANGE_START_INDEX = 1L << 20;
  public static final long RANGE_END_INDEX = RANGE_START_INDEX + (1L << 20) - 1;
  /** 2023-11-14T22:13:20Z in nanoseconds (any fixed value: time is virtual). */
  public static final long TIME_NANOS = 1_700_000_000_000_000_000L;

  public record Fixture(
      long seed,
      KeyPair rootKey,
      byte[] rootKeyDer,
      KeyPair subnetKey,
      Principal subnetId,
      List<CanisterRange> ranges,
      Principal canisterId,
      Principal canisterOutsideRanges,
      long timeNanos,
      /** Tree /canister/<canisterId>/certified_data, /time; signed by the root key. */
      Certificate rootCertificate,
      CertificateDelegation delegation,
      /** The same kind of tree signed by the subnet key, with the delegation. */
      Certificate delegatedCertificate,
      CanisterSignatureIssuer issuer,
      byte[] canisterSigSeed,
      byte[] canisterSigPublicKeyDer,
      /** 0x1A "ic-request-auth-delegation" · hash_of_map(session delegation). */
      byte[] canisterSigMessage,
      /** Canister signature whose certificate is {@link #delegatedCertificate}. */
      byte[] canisterSignature,
      /** Canister signature whose certificate is {@link #rootCertificate}. */
      byte[] canisterSignatureRootCertified) {

    public CertificateSigner rootSigner() {
      return signer(rootKey);
    }

    public CertificateSigner subnetSigner() {
      return signer(subnetKey);
    }
  }

  private static final BlsSignatures BLS = new JblstBlsSignatures();

  /** Signs with a plain BLS key (stands in for the subnet's threshold combiner). */
  public static CertificateSigner signer(KeyPair key) {
    return msg -> BLS.sign(key.secretKey(), msg).toBytes();
  }

  /** The state tree a subnet certifies for a canister: its certified data and the time. */
  public static HashTree stateTree(Principal canisterId, byte[] certifiedData, long timeNanos) {
    return new HashTreeBuilder()
        .put(certifiedData, "canister", canisterId.toBytes(), "certified_data")
        .put(CertificateBuilder.timeLeaf(timeNanos), "time")
        .build();
  }

  public static Fixture fromSeed(long seed) {
    SeededRandom rng = SeededRandom.fromSeed(seed);
    KeyPair root = KeyPair.generate(rng.fork("root-key"));
    KeyPair subnet = KeyPair.generate(rng.fork("subnet-key"));
    byte[] subnetIdBytes = new byte[29];
    rng.fork("subnet-id").nextBytes(subnetIdBytes);
    subnetIdBytes[28] = 0x02; // subnet ids have the self-authenticating form
    Principal subnetId = Principal.fromBytes(subnetIdBytes);
    List<CanisterRange> ranges = List.of(new CanisterRange(
        CanisterIds.fromIndex(RANGE_START_INDEX), CanisterIds.fromIndex(RANGE_END_INDEX)));
    long offset = Math.floorMod(seed, 1L << 20);
    Principal canister = CanisterIds.fromIndex(RANGE_START_INDEX + offset);
    Principal outside = CanisterIds.fromIndex(7);

    // The issuing canister signs a session-key delegation, Internet Identity style.
    byte[] seedBytes = new byte[32];
    rng.fork("canister-sig-seed").nextBytes(seedBytes);
    byte[] sessionKey = new byte[32];
    rng.fork("session-key").nextBytes(sessionKey);
    byte[] sessionKeyDer = concat(hex("302a300506032b6570032100"), sessionKey);
    SessionKeyDelegation session = new SessionKeyDelegation(
        sessionKeyDer, TIME_NANOS + 30L * 60 * 1_000_000_000L, Optional.empty());
    byte[] message = session.signedMessage();
    CanisterSignatureIssuer issuer = new CanisterSignatureIssuer(canister);
    issuer.add(seedBytes, message);
    issuer.add("another user".getBytes(StandardCharsets.UTF_8), message);

    HashTree state = stateTree(canister, issuer.certifiedData(), TIME_NANOS);
    Certificate rootCert = CertificateBuilder.certify(state, signer(root), Optional.empty());
    CertificateDelegation delegation = CertificateBuilder.delegation(
        subnetId, subnet.publicKey().toBytes(), ranges, TIME_NANOS, signer(root));
    Certificate delegated = CertificateBuilder.certify(state, signer(subnet), Optional.of(delegation));

    return new Fixture(seed, root, BlsKeyDer.encode(root.publicKey()), subnet, subnetId, ranges, canister, outside,
        TIME_NANOS, rootCert, delegation, delegated, issuer, seedBytes, issuer.publicKey(seedBytes).toDer(), message,
        issuer.signature(delegated.encode(), seedBytes, message),
        issuer.signature(rootCert.encode(), seedBytes, message));
  }

  /**
   * The fixture's artifacts-log lines that must verify: the root-signed certificate, the delegated
   * certificate (with its canister id), and the canister signatures on each.
   */
  public static List<dev.subnetsim.chainkey.artifacts.ChainKeyArtifact> artifacts(Fixture fx) {
    java.util.function.Function<String, dev.subnetsim.chainkey.artifacts.ArtifactOrigin> origin =
        what -> new dev.subnetsim.chainkey.artifacts.ArtifactOrigin("certification-fixtures", fx.seed() & Long.MAX_VALUE, what);
    return List.of(
        new dev.subnetsim.chainkey.artifacts.CertificateArtifact(origin.apply("root"), Bytes.of(fx.rootKeyDer()),
            Bytes.of(fx.rootCertificate().encode()), Optional.empty()),
        new dev.subnetsim.chainkey.artifacts.CertificateArtifact(origin.apply("delegated"), Bytes.of(fx.rootKeyDer()),
            Bytes.of(fx.delegatedCertificate().encode()), Optional.of(fx.canisterId().toText())),
        new dev.subnetsim.chainkey.artifacts.CanisterSignatureArtifact(origin.apply("canister-signature-delegated"),
            Bytes.of(fx.canisterSigPublicKeyDer()), Bytes.of(fx.canisterSigMessage()), Bytes.of(fx.canisterSignature()), Bytes.of(fx.rootKeyDer())),
        new dev.subnetsim.chainkey.artifacts.CanisterSignatureArtifact(origin.apply("canister-signature-root"),
            Bytes.of(fx.canisterSigPublicKeyDer()), Bytes.of(fx.canisterSigMessage()), Bytes.of(fx.canisterSignatureRootCertified()), Bytes.of(fx.rootKeyDer())));
  }

  private static byte[] hex(String s) {
    return java.util.HexFormat.of().parseHex(s);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
