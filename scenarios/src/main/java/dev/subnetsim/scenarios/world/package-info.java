/**
 * Scenario load and world assembly: Poisson ingress, chain-key request streams whose clients keep
 * the secrets to check replies, the example canisters' user stories (one class per story family),
 * the checkers that judge both as their clients do ({@code ChainKeyReplyChecker},
 * {@code CanisterStoryChecker}: they live beside the load they judge, so the general checkers in
 * {@code invariants} need nothing from the world), and
 * {@link dev.subnetsim.scenarios.world.SpecWorld}, which builds a scenario's topology, link model,
 * fault schedule and checkers.
 */
package dev.subnetsim.scenarios.world;
