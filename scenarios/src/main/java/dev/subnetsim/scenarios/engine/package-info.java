/**
 * Runs a parsed scenario: builds the world, drives it, records what the reports need, judges the
 * pass criteria ({@link dev.subnetsim.scenarios.engine.ScenarioRunner},
 * {@link dev.subnetsim.scenarios.engine.ScenarioRun}); also the CI fast variants and the schedule
 * fuzzer.
 */
package dev.subnetsim.scenarios.engine;
