package dev.subnetsim.replica.state;

import dev.subnetsim.chainkey.certification.BlsKeyDer;
import dev.subnetsim.chainkey.certification.CanisterRange;
import dev.subnetsim.chainkey.certification.CanisterRanges;
import dev.subnetsim.chainkey.certification.CertificateBuilder;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.certification.HashTreeBuilder;
import dev.subnetsim.chainkey.ic.Leb128;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.replica.execution.CanisterId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The certified state tree of the interface spec ("The system state tree"), built from a subnet's
 * replicated state at one height: {@code /time}, {@code /canister/<id>/certified_data},
 * {@code /request_status/<id>/{status, reply, reject_code, reject_message}} and
 * {@code /subnet/<id>/{public_key, canister_ranges}} and, when the registry holds node keys,
 * {@code /subnet/<id>/node/<node>/public_key}. Its root hash is what the subnet certifies every
 * height.
 */
public final class CertifiedStateTree {

  /** The status of a request under /request_status (interface spec, "Request status"). */
  public record RequestStatus(String status, byte[] reply, long rejectCode, String rejectMessage) {
    public static RequestStatus received() {
      return new RequestStatus("received", null, 0, null);
    }

    public static RequestStatus replied(byte[] reply) {
      return new RequestStatus("replied", reply.clone(), 0, null);
    }

    public static RequestStatus rejected(long code, String message) {
      return new RequestStatus("rejected", null, code, message);
    }
  }

  /**
   * A subnet's entry under /subnet: its id, BLS public key, canister ranges and its nodes'
   * signing keys (none unless the world is served to IC clients).
   */
  public record SubnetEntry(Principal id, byte[] publicKey96, List<CanisterRange> ranges,
      List<NodeKey> nodes) {
    public SubnetEntry {
      ranges = List.copyOf(ranges);
      nodes = List.copyOf(nodes);
    }

    /** An entry without node keys. */
    public SubnetEntry(Principal id, byte[] publicKey96, List<CanisterRange> ranges) {
      this(id, publicKey96, ranges, List.of());
    }
  }

  /**
   * A node's entry under {@code /subnet/<id>/node}: its id (principal) and its Ed25519 signing
   * key, DER-encoded (RFC 8410), with which it signs query responses.
   */
  public record NodeKey(Principal id, byte[] publicKeyDer) {}

  private final long timeNanos;
  private final SortedMap<CanisterId, byte[]> certifiedData = new TreeMap<>();
  private final SortedMap<byte[], RequestStatus> requests = new TreeMap<>(Arrays::compareUnsigned);
  private final List<SubnetEntry> subnets;
  private final byte[] stateManifest;
  private final List<ExtraLeaf> extra;

  /** A leaf at a path outside the interface spec's (e.g. cross-subnet streams). */
  public record ExtraLeaf(List<byte[]> path, byte[] value) {}

  public CertifiedStateTree(long timeNanos, Map<CanisterId, byte[]> certifiedData,
      Map<byte[], RequestStatus> requests, List<SubnetEntry> subnets) {
    this(timeNanos, certifiedData, requests, subnets, null);
  }

  /**
   * With {@code stateManifest} (not null), the tree also has {@code /state_manifest}: the hash of
   * the rest of the replicated state (ours, not in the interface spec; IC clients look up only the
   * paths they know, so the extra label does not affect them).
   */
  public CertifiedStateTree(long timeNanos, Map<CanisterId, byte[]> certifiedData,
      Map<byte[], RequestStatus> requests, List<SubnetEntry> subnets, byte[] stateManifest) {
    this(timeNanos, certifiedData, requests, subnets, stateManifest, List.of());
  }

  public CertifiedStateTree(long timeNanos, Map<CanisterId, byte[]> certifiedData,
      Map<byte[], RequestStatus> requests, List<SubnetEntry> subnets, byte[] stateManifest,
      List<ExtraLeaf> extra) {
    this.extra = List.copyOf(extra);
    this.stateManifest = stateManifest == null ? null : stateManifest.clone();
    this.timeNanos = timeNanos;
    certifiedData.forEach((k, v) -> this.certifiedData.put(k, v.clone()));
    this.requests.putAll(requests);
    this.subnets = List.copyOf(subnets);
  }

  public HashTree build() {
    HashTreeBuilder b = new HashTreeBuilder();
    b.put(CertificateBuilder.timeLeaf(timeNanos), "time");
    certifiedData.forEach((id, data) -> b.put(data, "canister", id.toBytes(), "certified_data"));
    requests.forEach((id, s) -> {
      b.put(utf8(s.status()), "request_status", id, "status");
      if (s.reply() != null) {
        b.put(s.reply(), "request_status", id, "reply");
      }
      if (s.rejectMessage() != null) {
        b.put(Leb128.encodeUnsigned(s.rejectCode()), "request_status", id, "reject_code");
        b.put(utf8(s.rejectMessage()), "request_status", id, "reject_message");
      }
    });
    if (stateManifest != null) {
      b.put(stateManifest, "state_manifest");
    }
    for (ExtraLeaf leaf : extra) {
      b.put(leaf.path(), leaf.value());
    }
    for (SubnetEntry s : subnets) {
      b.put(BlsKeyDer.encode(s.publicKey96()), "subnet", s.id().toBytes(), "public_key");
      b.put(CanisterRanges.encode(s.ranges()), "subnet", s.id().toBytes(), "canister_ranges");
      for (NodeKey n : s.nodes()) {
        b.put(n.publicKeyDer(), "subnet", s.id().toBytes(), "node", n.id().toBytes(),
            "public_key");
      }
    }
    return b.build();
  }

  public byte[] rootHash() {
    return build().digest();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
