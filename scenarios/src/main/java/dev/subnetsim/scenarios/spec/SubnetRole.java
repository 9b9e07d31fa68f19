package dev.subnetsim.scenarios.spec;

/** What a subnet is for in the world (scenarios/README.md, {@code subnets[]}). */
public enum SubnetRole {
  /** The root subnet; it also holds the backup copies of the chain keys. */
  ROOT,
  /** Holds the threshold signing keys (reshared from the root/backup subnet). */
  SIGNING,
  /** An application subnet running canisters. */
  APP
}
