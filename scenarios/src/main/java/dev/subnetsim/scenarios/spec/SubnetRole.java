package dev.subnetsim.scenarios.spec;

/**
 * Role of a subnet (scenarios/README.md, {@code subnets[]}): the root holds backup copies of the
 * chain keys.
 */
public enum SubnetRole { ROOT, SIGNING, APP }
