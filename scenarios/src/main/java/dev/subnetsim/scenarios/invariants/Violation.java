package dev.subnetsim.scenarios.invariants;

/** A broken invariant: which one, when (virtual ns), and what exactly. */
public record Violation(String invariant, long timeNanos, String detail) {}
