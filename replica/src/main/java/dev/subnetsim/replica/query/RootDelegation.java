package dev.subnetsim.replica.query;

import dev.subnetsim.chainkey.certification.BlsKeyDer;
import dev.subnetsim.chainkey.certification.CanisterRanges;
import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.chainkey.certification.CertificateDelegation;
import dev.subnetsim.chainkey.certification.LookupResult;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.state.CertificationCheck;
import dev.subnetsim.replica.state.CertifiedStateTree.SubnetEntry;
import dev.subnetsim.replica.state.SubnetRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The certificate delegation of a non-root subnet (interface spec, "Delegation"): a certificate of
 * the root subnet's state revealing {@code /subnet/<id>/public_key} and
 * {@code /subnet/<id>/canister_ranges}. A replica asks root replicas for it, one after another
 * (so a crashed or Byzantine root node only delays it), keeps the first that is signed by the root
 * subnet and proves its own subnet's key and ranges, and attaches it to every certificate it
 * hands out. Root replicas cut it from their latest certified state ({@link #issue}).
 */
public final class RootDelegation {
  private final SubnetEntry mine;
  private final SubnetRegistry registry;
  private final List<NodeId> rootNodes;
  private final CertificationCheck check;
  private Optional<CertificateDelegation> held = Optional.empty();
  private int asked;

  public RootDelegation(SubnetEntry mine, SubnetRegistry registry, List<NodeId> rootNodes,
      CertificationCheck check, int firstTarget) {
    this.mine = mine;
    this.registry = registry;
    this.rootNodes = List.copyOf(rootNodes);
    this.check = check;
    this.asked = firstTarget;
  }

  public Optional<CertificateDelegation> held() {
    return held;
  }

  /** The root node to ask next, or empty if the root subnet has no nodes. */
  public Optional<NodeId> nextTarget() {
    if (rootNodes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(rootNodes.get(Math.floorMod(asked++, rootNodes.size())));
  }

  /** Root side: the delegation certificate for {@code subnet}, from a certified root state. */
  public static byte[] issue(CertifiedState rootState, SubnetEntry subnet) {
    byte[] id = subnet.id().toBytes();
    return rootState.certificate(List.of(
        List.of(utf8("subnet"), id, utf8("public_key")),
        List.of(utf8("subnet"), id, utf8("canister_ranges")),
        List.of(utf8("time"))), Optional.empty()).encode();
  }

  /**
   * Takes a root node's answer. @return null if kept (or a valid one is already held), else why
   * it was refused (for attribution to the sender)
   */
  public String accept(byte[] certificateCbor) {
    Certificate c;
    try {
      c = Certificate.decode(certificateCbor);
    } catch (RuntimeException e) {
      return malformed(e.getMessage());
    }
    return accept(c);
  }

  /** Why a certificate that does not decode is refused. */
  public static String malformed(String why) {
    return "malformed delegation certificate: " + why;
  }

  /** As {@link #accept(byte[])}, for a certificate already decoded. */
  public String accept(Certificate c) {
    if (c.delegation().isPresent()) {
      return "the delegation certificate carries a delegation itself";
    }
    if (!check.verify(registry.root(), c.tree().digest(), c.signature())) {
      return "the delegation certificate is not signed by the root subnet";
    }
    byte[] id = mine.id().toBytes();
    if (!(c.tree().lookup(List.of(utf8("subnet"), id, utf8("public_key")))
        instanceof LookupResult.Found key)
        || !Arrays.equals(key.value(), BlsKeyDer.encode(mine.publicKey96()))) {
      return "the delegation certificate does not prove this subnet's public key";
    }
    if (!(c.tree().lookup(List.of(utf8("subnet"), id, utf8("canister_ranges")))
        instanceof LookupResult.Found ranges)
        || !Arrays.equals(ranges.value(), CanisterRanges.encode(mine.ranges()))) {
      return "the delegation certificate does not prove this subnet's canister ranges";
    }
    if (held.isEmpty()) {
      // Its canonical encoding: what a root node sends (Certificate#encode).
      held = Optional.of(new CertificateDelegation(mine.id(), c.encode()));
    }
    return null;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
