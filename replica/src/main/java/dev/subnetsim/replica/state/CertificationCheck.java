package dev.subnetsim.replica.state;

/**
 * Checks a subnet's state certification: its threshold signature on a state root, under the
 * subnet's key from the registry (in the subnet's consensus crypto mode).
 */
@FunctionalInterface
public interface CertificationCheck {
  boolean verify(String subnet, byte[] stateRoot, byte[] signature);

  /** Knows no subnet's key. */
  static CertificationCheck none() {
    return (subnet, root, signature) -> false;
  }
}
