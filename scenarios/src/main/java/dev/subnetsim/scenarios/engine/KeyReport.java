package dev.subnetsim.scenarios.engine;

import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.reshare.InstalledChainKeys;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed, in one replica's step on a cluster member, of what the driver's checkers and
 * clients read: the replica's consensus threshold keys and chain-key shares (secret, for the
 * {@code no-master-secret} checker) and the chain keys its member's replicas installed (public,
 * for the clients that verify replies). Empty fields: unchanged since the last report. It never
 * enters the trace: it only lets the driver see what it would see with the replicas in its JVM.
 *
 * @param consensus every epoch's keys the replica holds now, if they changed
 * @param reshared the chain-key shares it holds now, if they changed
 * @param installs installations derived on the member since its last report, by subnet
 */
public record KeyReport(Optional<List<EpochKeys>> consensus,
    Optional<Reshared> reshared, List<Installed> installs) {
  public static final KeyReport NONE = new KeyReport(Optional.empty(), Optional.empty(),
      List.of());

  public KeyReport {
    consensus = consensus.map(List::copyOf);
    Objects.requireNonNull(reshared, "reshared");
    installs = List.copyOf(installs);
  }

  /** The chain-key shares a replica holds (none: {@code shares} empty). */
  public record Reshared(Optional<NodeChainKeyShares> shares) {
    public Reshared {
      Objects.requireNonNull(shares, "shares");
    }
  }

  /** Subnet {@code subnet}'s installed (reshared or generated) chain keys. */
  public record Installed(String subnet, InstalledChainKeys.Install install) {
    public Installed {
      Objects.requireNonNull(subnet, "subnet");
      Objects.requireNonNull(install, "install");
    }
  }

  public boolean isEmpty() {
    return consensus.isEmpty() && reshared.isEmpty() && installs.isEmpty();
  }
}
