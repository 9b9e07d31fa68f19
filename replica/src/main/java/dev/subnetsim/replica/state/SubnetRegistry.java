package dev.subnetsim.replica.state;

import dev.subnetsim.chainkey.certification.BlsKeyDer;
import dev.subnetsim.chainkey.certification.CanisterRange;
import dev.subnetsim.chainkey.ic.Principal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the IC's registry tells every replica about the subnets of its world, as far as
 * certificates need it: each subnet's id (a principal), its state-certification public key and its
 * canister ranges (published under {@code /subnet/<id>} in every subnet's certified state tree),
 * and which subnet is the root, whose key clients trust and which signs the other subnets'
 * certificate delegations.
 *
 * <p>{@code servedToClients}: the world is served to IC clients ({@code subnet-sim serve}), so its
 * certified trees also publish what clients read there: node signing keys (in the entries) and
 * each canister's {@code module_hash} and {@code controllers}. Batch runs publish neither, which
 * keeps their certified roots, and so their trace hashes, as they were; nothing simulated reads
 * these paths.
 */
public record SubnetRegistry(String root, Map<String, CertifiedStateTree.SubnetEntry> subnets,
    boolean servedToClients) {

  public SubnetRegistry {
    Objects.requireNonNull(root, "root");
    subnets = java.util.Collections.unmodifiableMap(new TreeMap<>(subnets));
    if (!subnets.isEmpty() && !subnets.containsKey(root)) {
      throw new IllegalArgumentException("root subnet " + root + " is not in the registry");
    }
  }

  /** A registry of a world not served to clients. */
  public SubnetRegistry(String root, Map<String, CertifiedStateTree.SubnetEntry> subnets) {
    this(root, subnets, false);
  }

  /** A world of one subnet with nothing registered: it is its own root and publishes no keys. */
  public static SubnetRegistry none(String self) {
    return new SubnetRegistry(self, Map.of());
  }

  /**
   * The entry of a subnet: its id is the self-authenticating principal of its key (as the NNS
   * subnet's id is), its range the canister ids [base, base + size - 1].
   */
  public static CertifiedStateTree.SubnetEntry entry(byte[] publicKey96, long rangeBase,
      long rangeSize) {
    return new CertifiedStateTree.SubnetEntry(
        Principal.selfAuthenticating(BlsKeyDer.encode(publicKey96)), publicKey96,
        List.of(new CanisterRange(canister(rangeBase), canister(rangeBase + rangeSize - 1))));
  }

  private static Principal canister(long index) {
    return Principal.fromBytes(new dev.subnetsim.replica.execution.CanisterId(index).toBytes());
  }

  /** Entries in subnet-name order (what /subnet publishes). */
  public List<CertifiedStateTree.SubnetEntry> entries() {
    return List.copyOf(subnets.values());
  }

  public Optional<CertifiedStateTree.SubnetEntry> entry(String subnet) {
    return Optional.ofNullable(subnets.get(subnet));
  }

  public boolean isRoot(String subnet) {
    return root.equals(subnet);
  }

  /** The root subnet's key in the DER form clients hold (interface spec, "Root of trust"). */
  public Optional<byte[]> rootKeyDer() {
    return entry(root).map(e -> BlsKeyDer.encode(e.publicKey96()));
  }

  /** The name of the subnet registered under {@code id}, if any. */
  public Optional<String> subnetNamed(Principal id) {
    return subnets.entrySet().stream().filter(e -> e.getValue().id().equals(id))
        .map(Map.Entry::getKey).findFirst();
  }
}
