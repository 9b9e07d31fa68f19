package dev.subnetsim.scenarios.invariants;

import dev.subnetsim.chainkey.bls.JblstBlsSignatures;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.certification.BlsVerifier;
import dev.subnetsim.chainkey.certification.CachingBlsVerifier;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * "Every combined signature an honest replica holds verifies": each
 * {@link Observation.CombinedSignature} is checked with the verifier registered for its kind,
 * with real cryptography. A kind with no verifier is itself a violation (nothing goes unchecked
 * silently). Optionally the claimed public key is compared with the key the world expects for
 * (subnet, kind, height) — without that, a replica could claim a key of its own.
 */
public final class SignatureValidityChecker implements InvariantChecker {

  /** The key a combined signature of (subnet, kind, height) must verify under, if known. */
  @FunctionalInterface
  public interface ExpectedKeys {
    Optional<byte[]> expected(Observation.CombinedSignature signature);

    static ExpectedKeys unknown() {
      return s -> Optional.empty();
    }
  }

  private final FaultSchedule faults;
  private final TreeMap<String, BlsVerifier> verifiers;
  private final ExpectedKeys expectedKeys;

  public SignatureValidityChecker(
      FaultSchedule faults, Map<String, BlsVerifier> verifiersByKind, ExpectedKeys expectedKeys) {
    this.faults = faults;
    this.verifiers = new TreeMap<>(verifiersByKind);
    this.expectedKeys = expectedKeys;
  }

  /**
   * The IC's BLS artifacts: random beacon, certification and catch-up package are threshold BLS
   * under the basic (NUL) DST; notarization and finalization (and fast-icc's combined votes) are
   * multi-signatures under the IC multi-sig (POP) DST. Both behind a shared verification cache
   * (verification is a pure function).
   */
  public static SignatureValidityChecker icConsensus(FaultSchedule faults, ExpectedKeys keys) {
    BlsVerifier threshold = new CachingBlsVerifier(BlsVerifier.of(JblstBlsSignatures.basic()), 4096);
    BlsVerifier multi =
        new CachingBlsVerifier(BlsVerifier.of(JblstBlsSignatures.icMultiSignature()), 4096);
    return new SignatureValidityChecker(faults, Map.of(
        "random-beacon", threshold, "certification", threshold, "catch-up-package", threshold,
        "notarization", multi, "finalization", multi, "fast-finalization", multi), keys);
  }

  @Override
  public String name() {
    return "signatures-valid";
  }

  @Override
  public List<Violation> onObservation(long timeNanos, NodeId node, Observation observation) {
    if (!(observation instanceof Observation.CombinedSignature c) || faults.isByzantine(node)) {
      return List.of();
    }
    String where = c.kind() + " of " + c.subnet() + " at height " + c.height() + " held by " + node;
    BlsVerifier verifier = verifiers.get(c.kind());
    if (verifier == null) {
      return List.of(new Violation(name(), timeNanos,
          where + ": no verifier for kind '" + c.kind() + "' (known: " + verifiers.keySet() + ")"));
    }
    Optional<byte[]> expected = expectedKeys.expected(c);
    if (expected.isPresent() && !Bytes.of(expected.get()).equals(c.publicKey())) {
      return List.of(new Violation(name(), timeNanos, where + ": claims public key "
          + c.publicKey().toHex() + " but the subnet's key is "
          + HexFormat.of().formatHex(expected.get())));
    }
    if (!verifier.verify(c.publicKey().toArray(), c.message().toArray(),
        c.signature().toArray())) {
      return List.of(new Violation(name(), timeNanos, where + ": signature "
          + c.signature().toHex() + " does not verify"));
    }
    return List.of();
  }
}
