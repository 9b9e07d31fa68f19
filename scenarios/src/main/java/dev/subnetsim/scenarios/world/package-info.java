/**
 * Scenario load and world assembly: Poisson ingress, chain-key request streams whose clients keep
 * the secrets to check replies, the example canisters' user stories, and
 * {@link dev.subnetsim.scenarios.world.SpecWorld}, which builds a scenario's topology, link model,
 * fault schedule and checkers.
 */
package dev.subnetsim.scenarios.world;
